// Reads for a report set's page: its measures with their lead service, in report order, and its history from the
// audit log (every change to the set, its sign-off and its change requests).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { MeasureStatus } from '../../db/schema.ts';

export interface SetMeasureRow {
  id: string;
  code: string;
  title: string;
  status: MeasureStatus;
  service_code: string | null;
  service_name: string | null;
}

export async function setMeasures(db: Db, setId: string): Promise<SetMeasureRow[]> {
  const result = await sql<SetMeasureRow>`
    SELECT m.id::text AS id, m.code, m.title, m.status, s.code AS service_code, s.name AS service_name
    FROM report_set_measures rsm
      JOIN measures m ON m.id = rsm.measure_id
      LEFT JOIN services s ON s.id = m.lead_service_id
    WHERE rsm.report_set_id = ${setId}
    ORDER BY rsm.position, m.code`.execute(db);
  return result.rows;
}

export interface SetHistoryRow {
  at: Date;
  user_name: string | null;
  action: string;
  comment: string | null;
  change: string | null;
  measure: string | null;
}

/** The set's audit rows, newest first. */
export async function setHistory(db: Db, setId: string): Promise<SetHistoryRow[]> {
  const result = await sql<SetHistoryRow>`
    SELECT a.at, u.display_name AS user_name, a.action, a.after->>'comment' AS comment,
      a.after->>'change' AS change, a.after->>'measure' AS measure
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.entity = 'report_set' AND a.entity_id = ${setId}
    ORDER BY a.at DESC, a.id DESC`.execute(db);
  return result.rows;
}
