// Report sets' SQL used by the reports (the governance helper owns this file; these two are what reports read).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export interface SignedOffChange {
  date: string;
  change: 'add' | 'remove';
  measureCode: string;
  measureTitle: string;
  reason: string;
  decidedBy: string;
}

/** Changes to a set's measures signed off after `since` (all when null), oldest first. */
export async function changesSince(db: Db, setId: string, since: Date | null): Promise<SignedOffChange[]> {
  const result = await sql<SignedOffChange>`
    SELECT to_char(c.decided_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS date, c.change,
      m.code AS "measureCode", m.title AS "measureTitle", c.reason, coalesce(u.display_name, '') AS "decidedBy"
    FROM report_set_changes c JOIN measures m ON m.id = c.measure_id LEFT JOIN users u ON u.id = c.decided_by
    WHERE c.report_set_id = ${setId} AND c.status = 'signed_off'
      AND (${since}::timestamptz IS NULL OR c.decided_at > ${since}::timestamptz)
    ORDER BY c.decided_at, c.id`.execute(db);
  return result.rows;
}

/** For each measure, the Cabinet portfolios whose signed-off sets include it. */
export async function signedOffPortfoliosOfMeasures(
  db: Db,
  councilId: string,
  measureIds: string[],
): Promise<Map<string, string[]>> {
  const result = await sql<{ measure_id: string; titles: string[] }>`
    SELECT rsm.measure_id::text AS measure_id, array_agg(DISTINCT p.title ORDER BY p.title) AS titles
    FROM report_set_measures rsm JOIN report_sets rs ON rs.id = rsm.report_set_id
    JOIN portfolios p ON p.id = rs.portfolio_id
    WHERE rs.council_id = ${councilId} AND rs.audience = 'portfolio' AND rs.sign_off = 'signed_off'
      AND rsm.measure_id = ANY(${measureIds}::bigint[])
    GROUP BY rsm.measure_id`.execute(db);
  return new Map(result.rows.map((r) => [r.measure_id, r.titles]));
}
