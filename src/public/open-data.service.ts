// The open data, API answers and feed of the current snapshot, each made once and kept with it (PublicCache.made):
// a request after the first is served from memory until the council's data change.
import type { OpenDataLicence } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { feedXml } from './feed.ts';
import type { OpenDataRow } from './open-data.fields.ts';
import { openDataRows } from './open-data.queries.ts';
import {
  dataPackage,
  openDataCsv,
  openDataJson,
  type OpenDataDocument,
  publicMeasures,
} from './open-data.ts';
import { presentMeasures, presentOutcomes, presentPriorities, presentReports } from './public-api.present.ts';
import { publicCatalogue, type PublicCatalogue } from './public-api.queries.ts';
import type { MeasuresResponse, PublicMeasure } from './public-api.schema.ts';
import type { PublicCache, PublicSnapshot } from './public-cache.ts';

export class OpenData {
  constructor(
    private readonly db: Db,
    readonly site: PublicCache,
    readonly licence: OpenDataLicence,
    /** Where residents reach the site (PUBLIC_URL): the feed's links are absolute. */
    private readonly publicUrl: string,
  ) {}

  /** Every published figure of every public measure. */
  rows(): Promise<OpenDataRow[] | null> {
    return this.site.made('open-data:rows', (s) => openDataRows(this.db, s.council.id));
  }

  /** One public measure's figures; null when the code is not a public measure's (so nothing is kept for it). */
  async rowsOf(code: string): Promise<OpenDataRow[] | null> {
    const snapshot = await this.site.current();
    if (!snapshot || !isPublic(snapshot, code)) return null;
    return this.site.made(`open-data:rows:${code}`, async () =>
      ((await this.rows()) ?? []).filter((r) => r.measure_code === code),
    );
  }

  /** The CSV of all public measures, or of one when `code` is given. */
  async csv(code?: string): Promise<string | null> {
    if (code !== undefined && !(await this.rowsOf(code))) return null;
    return this.site.made(`open-data:csv:${code ?? '*'}`, async () =>
      openDataCsv((code === undefined ? await this.rows() : await this.rowsOf(code)) ?? []),
    );
  }

  async json(code?: string): Promise<string | null> {
    if (code !== undefined && !(await this.rowsOf(code))) return null;
    return this.site.made(`open-data:json:${code ?? '*'}`, async (s) =>
      JSON.stringify(
        this.document(s, (code === undefined ? await this.rows() : await this.rowsOf(code)) ?? []),
      ),
    );
  }

  dataPackage(): Promise<string | null> {
    return this.site.made('open-data:datapackage', (s) =>
      JSON.stringify(dataPackage(s, this.licence, publicMeasures(s)), null, 2),
    );
  }

  catalogue(): Promise<PublicCatalogue | null> {
    return this.site.made('api:catalogue', (s) => publicCatalogue(this.db, s.council.id));
  }

  priorities() {
    return this.fromCatalogue('api:priorities', presentPriorities);
  }

  outcomes() {
    return this.fromCatalogue('api:outcomes', presentOutcomes);
  }

  reports() {
    return this.fromCatalogue('api:reports', presentReports);
  }

  measures(): Promise<MeasuresResponse | null> {
    return this.site.made('api:measures', async (s) => presentMeasures(s, (await this.catalogue()) ?? empty));
  }

  async measure(code: string): Promise<PublicMeasure | null> {
    return (await this.measures())?.measures.find((m) => m.code === code) ?? null;
  }

  feed(): Promise<string | null> {
    return this.site.made('feed', async (s) =>
      feedXml(s, {
        publicUrl: this.publicUrl,
        licence: this.licence,
        reports: (await this.reports())?.reports ?? [],
        figures: (await this.rows()) ?? [],
        decimals: new Map(((await this.catalogue()) ?? empty).measures.map((m) => [m.code, m.decimals])),
      }),
    );
  }

  private document(snapshot: PublicSnapshot, rows: OpenDataRow[]): OpenDataDocument {
    return openDataJson(snapshot, this.licence, rows);
  }

  private fromCatalogue<T>(key: string, present: (catalogue: PublicCatalogue) => T): Promise<T | null> {
    return this.site.made(key, async () => present((await this.catalogue()) ?? empty));
  }
}

const empty: PublicCatalogue = { priorities: [], outcomes: [], measures: [], reports: [] };

function isPublic(snapshot: PublicSnapshot, code: string): boolean {
  return publicMeasures(snapshot).some((m) => m.code === code);
}
