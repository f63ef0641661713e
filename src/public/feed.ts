// The Atom feed (RFC 4287) of what the council publishes for residents: each public report, and each public measure's
// latest published figure ("Homes let within 28 days: 27.0% for Q2 2026/27"), newest first. Written by the `feed`
// library, which escapes every text and attribute.
import { Feed } from 'feed';
import { formatValue, type Unit } from '../assessment/index.ts';
import type { OpenDataLicence } from '../config.ts';
import type { OpenDataRow } from './open-data.fields.ts';
import { FEED, OPEN_DATA_PAGE } from './open-data.ts';
import type { PublicReport } from './public-api.present.ts';
import type { PublicSnapshot } from './public-cache.ts';

export interface FeedInput {
  /** The site's address, e.g. https://performance.anytown.gov.uk: Atom ids and links are absolute. */
  publicUrl: string;
  licence: OpenDataLicence;
  reports: readonly PublicReport[];
  /** Every published figure of the public measures (the open data's rows). */
  figures: readonly OpenDataRow[];
  /** Decimal places by measure code, to write values as the pages do. */
  decimals: ReadonlyMap<string, number>;
}

interface FeedEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary: string;
}

/** The entries, newest first: each report when published, each measure's latest figure when published. */
function feedEntries(input: FeedInput): FeedEntry[] {
  const base = input.publicUrl;
  const reports = input.reports.map((r) => ({
    id: `${base}${r.links.page}`,
    title: `${r.title}: ${r.periodLabel}`,
    link: `${base}${r.links.page}`,
    updated: new Date(r.publishedAt),
    summary: `The report "${r.title}" for ${r.periodLabel} was published.`,
  }));
  const figures = [...latestFigures(input.figures).values()].map((f) => {
    const shown = formatValue(f.value, f.unit as Unit, input.decimals.get(f.measure_code) ?? 0);
    const page = `${base}/public/measures/${encodeURIComponent(f.measure_code)}`;
    return {
      // One entry per published revision of the figure: a correction is news again.
      id: `${page}#${encodeURIComponent(f.period)}@${f.published_at ?? ''}`,
      title: `${f.measure_title}: ${shown} for ${f.period_label}`,
      link: page,
      updated: new Date(f.published_at ?? 0),
      summary: `${f.revised ? 'A revised figure' : 'A new figure'} for ${f.measure_title} (${f.measure_code}): ${shown} for ${f.period_label}${f.target === null ? '' : `, against a target of ${formatValue(f.target, f.unit as Unit, input.decimals.get(f.measure_code) ?? 0)}`}.`,
    };
  });
  return [...reports, ...figures].sort(
    (a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1),
  );
}

/** Each measure's figure for its latest period with a published value. */
function latestFigures(rows: readonly OpenDataRow[]): Map<string, OpenDataRow> {
  const latest = new Map<string, OpenDataRow>();
  for (const row of rows) {
    if (row.value === null || row.published_at === null) continue;
    const kept = latest.get(row.measure_code);
    if (!kept || row.period_end > kept.period_end) latest.set(row.measure_code, row);
  }
  return latest;
}

export function feedXml(snapshot: PublicSnapshot, input: FeedInput): string {
  const entries = feedEntries(input);
  const base = input.publicUrl;
  const feed = new Feed({
    id: `${base}${FEED}`,
    title: `${snapshot.council.name}: new reports and figures`,
    description: `Reports and performance figures ${snapshot.council.name} publishes for residents.`,
    link: `${base}/public`,
    feedLinks: { atom: `${base}${FEED}` },
    updated: entries[0]?.updated ?? snapshot.since,
    author: { name: snapshot.council.name, link: `${base}/public` },
    copyright: `${input.licence.title} (${input.licence.path}); data: ${base}${OPEN_DATA_PAGE}`,
    generator: 'Civic Scorecard',
    language: 'en-GB',
  });
  for (const e of entries) {
    feed.addItem({ id: e.id, title: e.title, link: e.link, date: e.updated, description: e.summary });
  }
  return feed.atom1();
}
