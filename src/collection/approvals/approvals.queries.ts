// SQL for the approval workflow: the figures a transition acts on (with their breakdowns), moving their status
// as set work with the version check, keeping each revision's status and publication date, and the last return.
import { sql } from 'kysely';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, ValueStatus } from '../../db/schema.ts';
import type { Insertable } from 'kysely';
import { measureReachCondition } from '../../reporting/scorecard.queries.ts';
import { storedColumns, type StoredValue, type Tx } from '../values.queries.ts';

export interface WorkflowFigure extends StoredValue {
  measure_id: string;
  measure_code: string;
  measure_title: string;
  calculation_type: string;
}

const workflowColumns = sql`${storedColumns}, dv.measure_id, m.code AS measure_code, m.title AS measure_title,
  m.calculation_type`;

/** Headline figures by id, within the council and the reach; a figure outside either is simply not returned. */
export async function figuresById(
  db: Db | Tx,
  councilId: string,
  reach: ServiceReach,
  ids: readonly string[],
): Promise<WorkflowFigure[]> {
  const result = await sql<WorkflowFigure>`
    SELECT ${workflowColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE dv.id = ANY(${ids}::bigint[]) AND dv.council_id = ${councilId} AND dv.breakdown = ''
      AND ${measureReachCondition(reach)}`.execute(db);
  return result.rows;
}

/** The headline figure for a measure code and period, within the council and the reach. */
export async function figureByCode(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  code: string,
  period: string,
): Promise<WorkflowFigure | undefined> {
  const result = await sql<WorkflowFigure>`
    SELECT ${workflowColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.council_id = ${councilId} AND m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ''
      AND ${measureReachCondition(reach)}`.execute(db);
  return result.rows[0];
}

export interface MovedFigure {
  id: string;
  breakdown: string;
  measure_id: string;
  period: string;
  status: ValueStatus;
  version: number;
  revision: number;
  value: string | null;
  published_at: Date | null;
}

/** The breakdown figures (by ward, provider…) that travel with each headline figure: those at its status. */
export async function breakdownsOf(tx: Tx, heads: readonly WorkflowFigure[]): Promise<string[]> {
  if (heads.length === 0) return [];
  const result = await sql<{ id: string }>`
    SELECT b.id FROM data_values b JOIN data_values h
      ON h.measure_id = b.measure_id AND h.period = b.period AND b.status = h.status
    WHERE h.id = ANY(${heads.map((h) => h.id)}::bigint[]) AND b.breakdown <> ''`.execute(tx);
  return result.rows.map((r) => String(r.id));
}

/** Figures loaded before revisions were kept have no row for their current revision; record them first. */
export async function keepCurrentRevisions(tx: Tx, ids: readonly string[]): Promise<void> {
  await sql`
    INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, numerator, denominator, commentary,
      status, source, source_ref, changed_by, changed_at, published_at)
    SELECT council_id, id, revision, value, numerator, denominator, commentary, status, source, source_ref,
      updated_by, updated_at, CASE WHEN status = 'published' THEN published_at END
    FROM data_values WHERE id = ANY(${ids}::bigint[])
    ON CONFLICT (data_value_id, revision) DO NOTHING`.execute(tx);
}

/**
 * Moves the figures to `to` in one statement. A headline figure moves only at the version it was read at
 * (`versions`); its breakdowns (no version given) move with it. Publishing dates the figure; the revision is
 * the same figure, so only the version moves. Returns the figures that moved.
 */
export async function moveStatus(
  tx: Tx,
  move: { to: ValueStatus; userId: string; versions: ReadonlyMap<string, number>; breakdowns: string[] },
): Promise<MovedFigure[]> {
  const rows = [
    ...[...move.versions].map(([id, version]) => ({ id, version })),
    ...move.breakdowns.map((id) => ({ id, version: null })),
  ];
  const result = await sql<MovedFigure>`
    UPDATE data_values dv SET status = ${move.to}, version = dv.version + 1,
      published_at = CASE WHEN ${move.to} = 'published' THEN now() ELSE dv.published_at END,
      updated_by = ${move.userId}, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id bigint, version int)
    WHERE dv.id = x.id AND (x.version IS NULL OR dv.version = x.version)
    RETURNING dv.id, dv.breakdown, dv.measure_id, dv.period, dv.status, dv.version, dv.revision, dv.value,
      dv.published_at`.execute(tx);
  return result.rows;
}

/** Each moved figure's current revision records the status it reached, and when it was published. */
export async function syncRevisions(tx: Tx, ids: readonly string[]): Promise<void> {
  await sql`
    UPDATE data_value_revisions r SET status = dv.status,
      published_at = CASE WHEN dv.status = 'published' THEN dv.published_at END
    FROM data_values dv
    WHERE dv.id = ANY(${ids}::bigint[]) AND r.data_value_id = dv.id AND r.revision = dv.revision`.execute(tx);
}

/** Every moved figure's audit row, in one statement. */
export async function insertAuditRows(tx: Tx, rows: Insertable<Database['audit_log']>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('audit_log').values(rows).execute();
}

export interface ReturnNote {
  comment: string;
  by: string | null;
  at: Date;
  from: ValueStatus;
}

/**
 * Why a figure was sent back: its latest audit row, when that is a return. Once the owner changes or submits
 * the figure, a later row takes its place and the note is gone.
 */
export async function returnNote(db: Db, valueId: string): Promise<ReturnNote | null> {
  const result = await sql<{
    action: string;
    comment: string;
    by: string | null;
    at: Date;
    from: ValueStatus;
  }>`
    SELECT a.action, a.after->>'comment' AS comment, u.display_name AS by, a.at, a.before->>'status' AS from
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.entity = 'data_value' AND a.entity_id = ${valueId}
    ORDER BY a.at DESC, a.id DESC
    LIMIT 1`.execute(db);
  const row = result.rows[0];
  return row?.action === 'value.return'
    ? { comment: row.comment, by: row.by, at: row.at, from: row.from }
    : null;
}
