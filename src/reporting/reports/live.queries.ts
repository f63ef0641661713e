// What is published now, to set against a report: the latest published figure's end among a set's measures (the
// default period), and the figures published now for the measures and periods a snapshot showed.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export async function latestPublishedEnd(db: Db, measureIds: string[]): Promise<string | null> {
  if (measureIds.length === 0) return null;
  const result = await sql<{ end: string | null }>`
    SELECT max(period_end)::text AS end FROM published_values
    WHERE measure_id = ANY(${measureIds}::bigint[]) AND breakdown = ''`.execute(db);
  return result.rows[0]?.end ?? null;
}

/** Keyed `CODE@PERIOD`; a figure no longer published is absent. */
export async function currentPublishedFigures(
  db: Db,
  councilId: string,
  figures: { code: string; period: string }[],
): Promise<Map<string, number | null>> {
  if (figures.length === 0) return new Map();
  const result = await sql<{ code: string; period: string; value: string | null }>`
    SELECT m.code, pv.period, pv.value
    FROM unnest(${figures.map((f) => f.code)}::text[], ${figures.map((f) => f.period)}::text[]) AS f(code, period)
    JOIN measures m ON m.council_id = ${councilId} AND m.code = f.code
    JOIN published_values pv ON pv.measure_id = m.id AND pv.period = f.period AND pv.breakdown = ''`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [`${r.code}@${r.period}`, r.value == null ? null : Number(r.value)]));
}
