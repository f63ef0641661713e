// SQL of improvement actions: the list (by owner, status and service, overdue worked out against a given day), one
// action with what it was raised from, the version-checked writes and the append-only progress notes.
import { sql } from 'kysely';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ActionSource, ActionStatus } from '../../db/schema.ts';

export interface ActionRow {
  id: string;
  service_id: string;
  service_code: string;
  service_name: string;
  title: string;
  description: string;
  source: ActionSource;
  measure_code: string | null;
  measure_title: string | null;
  measure_period: string | null;
  recommendation_id: string | null;
  recommendation_position: number | null;
  recommendation_text: string | null;
  inspection_id: string | null;
  inspection_title: string | null;
  finding_id: string | null;
  finding_message: string | null;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  due_on: string;
  status: ActionStatus;
  raised_by_name: string | null;
  raised_at: Date;
  overdue: boolean;
  version: number;
}

// The one-row lookups (measure, finding, who raised it) are subqueries rather than joins: eight joined tables cost
// the planner ~3 ms a query, ten times the query's own time, and the measure page asks on every view.
const columns = (
  today: string,
) => sql`a.id, a.service_id, s.code AS service_code, s.name AS service_name, a.title,
  a.description, a.source, (SELECT code FROM measures WHERE id = a.measure_id) AS measure_code,
  (SELECT title FROM measures WHERE id = a.measure_id) AS measure_title, a.measure_period, a.recommendation_id,
  r.position AS recommendation_position, r.text AS recommendation_text, i.id AS inspection_id,
  i.title AS inspection_title, a.finding_id,
  (SELECT message FROM data_quality_findings WHERE id = a.finding_id) AS finding_message, a.owner_id,
  o.display_name AS owner_name, o.email AS owner_email, a.due_on::text AS due_on, a.status,
  (SELECT display_name FROM users WHERE id = a.raised_by) AS raised_by_name, a.raised_at,
  (a.status IN ('not_started', 'in_progress') AND a.due_on < ${today}::date) AS overdue, a.version`;
const from = sql`improvement_actions a JOIN services s ON s.id = a.service_id JOIN users o ON o.id = a.owner_id
  LEFT JOIN inspection_recommendations r ON r.id = a.recommendation_id LEFT JOIN inspections i ON i.id = r.inspection_id`;

export interface ActionFilter {
  ownerId?: string;
  status?: ActionStatus | 'open' | 'overdue';
  serviceId?: string;
  measureId?: string;
  inspectionId?: string;
  findingId?: string;
}

/** Overdue first, then by due date; only services in reach. */
export async function listActions(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  today: string,
  filter: ActionFilter,
): Promise<ActionRow[]> {
  const ids = reach === null ? null : [...reach];
  const status = filter.status ?? null;
  const result = await sql<ActionRow>`
    SELECT ${columns(today)} FROM ${from}
    WHERE a.council_id = ${councilId}
      AND (${ids}::bigint[] IS NULL OR a.service_id = ANY(${ids}::bigint[]))
      AND (${filter.ownerId ?? null}::bigint IS NULL OR a.owner_id = ${filter.ownerId ?? null}::bigint)
      AND (${filter.serviceId ?? null}::bigint IS NULL OR a.service_id = ${filter.serviceId ?? null}::bigint)
      AND (${filter.measureId ?? null}::bigint IS NULL OR a.measure_id = ${filter.measureId ?? null}::bigint)
      AND (${filter.findingId ?? null}::bigint IS NULL OR a.finding_id = ${filter.findingId ?? null}::bigint)
      AND (${filter.inspectionId ?? null}::bigint IS NULL OR r.inspection_id = ${filter.inspectionId ?? null}::bigint)
      AND (${status}::text IS NULL
        OR (${status} = 'open' AND a.status IN ('not_started', 'in_progress'))
        OR (${status} = 'overdue' AND a.status IN ('not_started', 'in_progress') AND a.due_on < ${today}::date)
        OR a.status = ${status})
    ORDER BY (a.status IN ('not_started', 'in_progress') AND a.due_on < ${today}::date) DESC,
      a.status IN ('done', 'cancelled'), a.due_on, a.id`.execute(db);
  return result.rows;
}

export async function findAction(
  db: Db,
  councilId: string,
  id: string,
  today: string,
): Promise<ActionRow | undefined> {
  const result = await sql<ActionRow>`
    SELECT ${columns(today)} FROM ${from} WHERE a.council_id = ${councilId} AND a.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface NewAction {
  councilId: string;
  serviceId: string;
  title: string;
  description: string;
  source: ActionSource;
  measureId: string | null;
  measurePeriod: string | null;
  recommendationId: string | null;
  findingId: string | null;
  ownerId: string;
  dueOn: string;
  raisedBy: string | null;
  status?: ActionStatus;
}

export async function insertAction(db: Db, a: NewAction): Promise<string> {
  const row = await db
    .insertInto('improvement_actions')
    .values({
      council_id: a.councilId,
      service_id: a.serviceId,
      title: a.title,
      description: a.description,
      source: a.source,
      measure_id: a.measureId,
      measure_period: a.measurePeriod,
      recommendation_id: a.recommendationId,
      finding_id: a.findingId,
      owner_id: a.ownerId,
      due_on: a.dueOn,
      raised_by: a.raisedBy,
      status: a.status ?? 'not_started',
      closed_at: a.status === 'done' || a.status === 'cancelled' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ActionChange {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  status: ActionStatus;
}

/** False when the action is no longer at `version`. */
export async function updateAction(db: Db, id: string, version: number, c: ActionChange): Promise<boolean> {
  const closed = c.status === 'done' || c.status === 'cancelled';
  const result = await db
    .updateTable('improvement_actions')
    .set({
      title: c.title,
      description: c.description,
      owner_id: c.ownerId,
      due_on: c.dueOn,
      status: c.status,
      // Closed once: a later edit of a closed action keeps the day it was closed.
      closed_at: closed ? sql<Date>`coalesce(closed_at, now())` : null,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface NoteRow {
  note: string;
  status: ActionStatus | null;
  written_by_name: string | null;
  written_at: Date;
}

export async function addNote(
  db: Db,
  n: { councilId: string; actionId: string; note: string; status: ActionStatus | null; writtenBy: string },
): Promise<void> {
  await db
    .insertInto('improvement_action_notes')
    .values({
      council_id: n.councilId,
      action_id: n.actionId,
      note: n.note,
      status: n.status,
      written_by: n.writtenBy,
    })
    .execute();
}

/** Newest first. */
export async function notesOf(db: Db, actionId: string): Promise<NoteRow[]> {
  return db
    .selectFrom('improvement_action_notes as n')
    .leftJoin('users as u', 'u.id', 'n.written_by')
    .select(['n.note', 'n.status', 'u.display_name as written_by_name', 'n.written_at'])
    .where('n.action_id', '=', actionId)
    .orderBy('n.written_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}
