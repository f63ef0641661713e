// SQL for mid-year change requests to a signed-off set: raise one, decide it once (the status guard makes a second
// decision find nothing), and list them for the set's page and the Cabinet Member's "awaiting you".
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export type ChangeStatus = 'proposed' | 'signed_off' | 'returned';

export interface ChangeRow {
  id: string;
  report_set_id: string;
  change: 'add' | 'remove';
  measure_id: string;
  measure_code: string;
  measure_title: string;
  reason: string;
  status: ChangeStatus;
  requested_by_name: string | null;
  requested_at: Date;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string;
}

const changeColumns = sql`ch.id, ch.report_set_id, ch.change, ch.measure_id, m.code AS measure_code,
  m.title AS measure_title, ch.reason, ch.status, ru.display_name AS requested_by_name, ch.requested_at,
  du.display_name AS decided_by_name, ch.decided_at, ch.decision_comment`;

const changeJoins = sql`report_set_changes ch
  JOIN measures m ON m.id = ch.measure_id
  LEFT JOIN users ru ON ru.id = ch.requested_by
  LEFT JOIN users du ON du.id = ch.decided_by`;

/** Every change request of a set, newest first. */
export async function changesOfSet(db: Db, setId: string): Promise<ChangeRow[]> {
  const result = await sql<ChangeRow>`
    SELECT ${changeColumns} FROM ${changeJoins}
    WHERE ch.report_set_id = ${setId}
    ORDER BY ch.requested_at DESC, ch.id DESC`.execute(db);
  return result.rows;
}

export async function findChange(db: Db, setId: string, changeId: string): Promise<ChangeRow | undefined> {
  const result = await sql<ChangeRow>`
    SELECT ${changeColumns} FROM ${changeJoins}
    WHERE ch.report_set_id = ${setId} AND ch.id = ${changeId}`.execute(db);
  return result.rows[0];
}

/** A request for this measure still awaiting the Cabinet Member, if there is one. */
export async function openChangeFor(
  db: Db,
  setId: string,
  measureId: string,
): Promise<ChangeRow | undefined> {
  const result = await sql<ChangeRow>`
    SELECT ${changeColumns} FROM ${changeJoins}
    WHERE ch.report_set_id = ${setId} AND ch.measure_id = ${measureId} AND ch.status = 'proposed'`.execute(
    db,
  );
  return result.rows[0];
}

/** Requests awaiting a decision on the signed-off sets of these portfolios, oldest first. */
export async function openChangesOfPortfolios(
  db: Db,
  councilId: string,
  portfolioIds: string[],
): Promise<(ChangeRow & { set_name: string; set_title: string })[]> {
  if (portfolioIds.length === 0) return [];
  const result = await sql<ChangeRow & { set_name: string; set_title: string }>`
    SELECT ${changeColumns}, rs.name AS set_name, rs.title AS set_title
    FROM ${changeJoins} JOIN report_sets rs ON rs.id = ch.report_set_id
    WHERE rs.council_id = ${councilId} AND ch.status = 'proposed'
      AND rs.portfolio_id = ANY(${portfolioIds}::bigint[])
    ORDER BY ch.requested_at, ch.id`.execute(db);
  return result.rows;
}

export async function insertChange(
  db: Db,
  v: {
    councilId: string;
    setId: string;
    change: 'add' | 'remove';
    measureId: string;
    reason: string;
    userId: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('report_set_changes')
    .values({
      council_id: v.councilId,
      report_set_id: v.setId,
      change: v.change,
      measure_id: v.measureId,
      reason: v.reason,
      requested_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Decides a request that is still awaiting a decision; false when someone decided it first. */
export async function decideChange(
  db: Db,
  changeId: string,
  d: { status: 'signed_off' | 'returned'; userId: string; comment: string },
): Promise<boolean> {
  const result = await db
    .updateTable('report_set_changes')
    .set({
      status: d.status,
      decided_by: d.userId,
      decided_at: sql<Date>`now()`,
      decision_comment: d.comment,
    })
    .where('id', '=', changeId)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
