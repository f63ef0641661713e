// bench/load's "zero lost writes" check: every write the server acknowledged must be in the database afterwards —
// a revision row holding its value and commentary — and each user's figure must now be the last one it saved.
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import type { AcknowledgedWrite } from './load-client.ts';

export interface WritesFound {
  acknowledged: number;
  /** Acknowledged writes with their own revision row (value and commentary as sent). */
  found: number;
  /** Users' figures that are not, now, the last value and commentary they saved. */
  notLatest: number;
}

export async function checkWrites(
  db: Db,
  councilId: string,
  writes: readonly AcknowledgedWrite[],
): Promise<WritesFound> {
  if (writes.length === 0) return { acknowledged: 0, found: 0, notLatest: 0 };
  const column = (pick: (w: AcknowledgedWrite) => string) => writes.map(pick);
  const found = await sql<{ n: number }>`
    SELECT count(*)::int AS n
    FROM unnest(${column((w) => w.code)}::text[], ${column((w) => w.period)}::text[],
      ${column((w) => w.value)}::numeric[], ${column((w) => w.commentary)}::text[]) AS w(code, period, value, commentary)
    WHERE EXISTS (
      SELECT 1 FROM measures m
      JOIN data_values dv ON dv.measure_id = m.id AND dv.period = w.period AND dv.breakdown = ''
      JOIN data_value_revisions r ON r.data_value_id = dv.id
      WHERE m.council_id = ${councilId} AND m.code = w.code AND r.value = w.value AND r.commentary = w.commentary)`.execute(
    db,
  );
  // The writes arrive in each user's order, so the last one seen for a figure is the one that must stand.
  const last = new Map<string, AcknowledgedWrite>();
  for (const w of writes) last.set(`${w.code}\u0000${w.period}`, w);
  const latest = [...last.values()];
  const standing = await sql<{ n: number }>`
    SELECT count(*)::int AS n
    FROM unnest(${latest.map((w) => w.code)}::text[], ${latest.map((w) => w.period)}::text[],
      ${latest.map((w) => w.value)}::numeric[], ${latest.map((w) => w.commentary)}::text[]) AS w(code, period, value, commentary)
    JOIN measures m ON m.council_id = ${councilId} AND m.code = w.code
    JOIN data_values dv ON dv.measure_id = m.id AND dv.period = w.period AND dv.breakdown = ''
    WHERE dv.value = w.value AND dv.commentary = w.commentary`.execute(db);
  return {
    acknowledged: writes.length,
    found: found.rows[0]?.n ?? 0,
    notLatest: latest.length - (standing.rows[0]?.n ?? 0),
  };
}
