// The open data's files, made from the published figures: CSV and JSON for all public measures and for each one,
// and the Frictionless Data Package (profile tabular-data-package) that describes the CSVs and their licence.
import { stringify } from 'csv-stringify/sync';
import type { OpenDataLicence } from '../config.ts';
import { measuresOf } from '../reporting/reports/report-model.ts';
import { neutralised } from '../web/spreadsheet-text.ts';
import { openDataFields, openDataPrimaryKey, type OpenDataRow } from './open-data.fields.ts';
import type { PublicSnapshot } from './public-cache.ts';

export const OPEN_DATA_PAGE = '/public/data';
export const ALL_MEASURES_CSV = '/public/data/measures.csv';
export const ALL_MEASURES_JSON = '/public/data/measures.json';
export const DATA_PACKAGE = '/public/data/datapackage.json';
export const FEED = '/public/feed.atom';
export const PUBLIC_API = '/api/public/v1';

export function measureDownload(code: string, format: 'csv' | 'json'): string {
  return `/public/data/measures/${encodeURIComponent(code)}.${format}`;
}

/** The snapshot's public measures, by code (the order of the downloads). */
export function publicMeasures(snapshot: PublicSnapshot): { code: string; title: string }[] {
  return measuresOf(snapshot.model)
    .map((m) => ({ code: m.code, title: m.title }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every URL of the open data, feed and public API for a snapshot: for crawlers (the leak test) and the bench. */
export function openDataUrls(snapshot: PublicSnapshot): string[] {
  const codes = publicMeasures(snapshot).map((m) => m.code);
  return [
    OPEN_DATA_PAGE,
    ALL_MEASURES_CSV,
    ALL_MEASURES_JSON,
    DATA_PACKAGE,
    FEED,
    ...codes.flatMap((code) => [measureDownload(code, 'csv'), measureDownload(code, 'json')]),
    ...['priorities', 'outcomes', 'measures', 'reports'].map((name) => `${PUBLIC_API}/${name}`),
    ...codes.flatMap((code) => [
      `${PUBLIC_API}/measures/${encodeURIComponent(code)}`,
      `${PUBLIC_API}/measures/${encodeURIComponent(code)}/values`,
    ]),
  ];
}

/** A CSV with one header row of the field names; text a spreadsheet could run as a formula is kept as text. */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
  return stringify(
    rows.map((row) => openDataFields.map((field) => csvCell(row[field.name], field.type === 'string'))),
    { header: true, columns: openDataFields.map((f) => f.name), record_delimiter: 'unix' },
  );
}

function csvCell(value: OpenDataRow[keyof OpenDataRow], isText: boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isText ? neutralised(String(value)) : String(value);
}

export interface OpenDataDocument {
  council: string;
  licence: OpenDataLicence;
  /** When the newest change behind these figures was made (ISO). */
  updated: string;
  fields: string[];
  data: OpenDataRow[];
}

export function openDataJson(
  snapshot: PublicSnapshot,
  licence: OpenDataLicence,
  rows: readonly OpenDataRow[],
): OpenDataDocument {
  return {
    council: snapshot.council.name,
    licence,
    updated: snapshot.since.toISOString(),
    fields: openDataFields.map((f) => f.name),
    data: [...rows],
  };
}

/** The Data Package: one tabular resource for all public measures and one per measure, all sharing one schema. */
export function dataPackage(
  snapshot: PublicSnapshot,
  licence: OpenDataLicence,
  measures: readonly { code: string; title: string }[],
): Record<string, unknown> {
  const schema = {
    fields: openDataFields.map((f) => ({
      name: f.name,
      type: f.type,
      title: f.title,
      description: f.description,
      ...(f.required ? { constraints: { required: true } } : {}),
    })),
    primaryKey: [...openDataPrimaryKey],
    missingValues: [''],
  };
  const resource = (name: string, path: string, title: string, description: string) => ({
    name,
    path,
    profile: 'tabular-data-resource',
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema,
  });
  return {
    profile: 'tabular-data-package',
    name: `${resourceName(snapshot.council.slug)}-performance`,
    title: `${snapshot.council.name}: published performance figures`,
    description: `Every figure ${snapshot.council.name} has published for the measures of its Council Strategy it reports to residents, for every period. Only published figures of public measures are included.`,
    created: snapshot.since.toISOString(),
    licenses: [{ name: licence.name, path: licence.path, title: licence.title }],
    resources: [
      resource(
        'measures',
        'measures.csv',
        'All public measures',
        'Every published figure of every public measure, by measure then period.',
      ),
      ...measures.map((m) =>
        resource(
          `measure-${resourceName(m.code)}`,
          `measures/${encodeURIComponent(m.code)}.csv`,
          `${m.code}: ${m.title}`,
          `Every published figure of ${m.code}, ${m.title}, by period.`,
        ),
      ),
    ],
  };
}

/** Data Package names are lower case letters, digits and - . _ only. */
function resourceName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}
