// SQL for the audit-log search: one council's rows newest first, filtered by who, what and when, a page at a time
// by keyset (the last row's time and id), and the choices the filters offer.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export interface AuditRow {
  id: string;
  at: Date;
  /** The time as PostgreSQL writes it, to the microsecond: the keyset cursor. */
  at_key: string;
  user_name: string | null;
  user_email: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

export interface AuditSearch {
  councilId: string;
  userId: string | null;
  action: string | null;
  entity: string | null;
  measure: string | null;
  /** Inclusive calendar days in UK time, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** Rows older than this one: its at_key and id. */
  after: { at: string; id: string } | null;
  limit: number;
}

export async function searchAudit(db: Db, q: AuditSearch): Promise<AuditRow[]> {
  const measureCode = q.measure
    ? sql`upper(${q.measure}) IN (upper(a.after->>'measure'), upper(a.before->>'measure'), upper(a.after->>'code'),
        upper(a.before->>'code'))`
    : sql`true`;
  const result = await sql<AuditRow>`
    SELECT a.id, a.at, a.at::text AS at_key, u.display_name AS user_name, u.email AS user_email, a.action, a.entity,
      a.entity_id, a.before, a.after
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.council_id = ${q.councilId}
      AND (${q.userId}::bigint IS NULL OR a.user_id = ${q.userId}::bigint)
      AND (${q.action}::text IS NULL OR a.action = ${q.action}::text)
      AND (${q.entity}::text IS NULL OR a.entity = ${q.entity}::text)
      AND ${measureCode}
      AND (${q.from}::date IS NULL OR a.at >= (${q.from}::date::timestamp AT TIME ZONE 'Europe/London'))
      AND (${q.to}::date IS NULL OR a.at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London'))
      AND (${q.after?.at ?? null}::timestamptz IS NULL
        OR (a.at, a.id) < (${q.after?.at ?? null}::timestamptz, ${q.after?.id ?? null}::bigint))
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${q.limit}`.execute(db);
  return result.rows;
}

export interface AuditChoices {
  users: { id: string; name: string; email: string }[];
  actions: string[];
  entities: string[];
}

/** Who has written to the log, and which actions and kinds of record it holds, for the filters. */
export async function auditChoices(db: Db, councilId: string): Promise<AuditChoices> {
  const [users, actions, entities] = await Promise.all([
    sql<{ id: string; name: string; email: string }>`
      SELECT u.id, u.display_name AS name, u.email FROM users u
      WHERE u.council_id = ${councilId} ORDER BY u.display_name, u.email`.execute(db),
    sql<{ action: string }>`
      SELECT DISTINCT action FROM audit_log WHERE council_id = ${councilId} ORDER BY action`.execute(db),
    sql<{ entity: string }>`
      SELECT DISTINCT entity FROM audit_log WHERE council_id = ${councilId} ORDER BY entity`.execute(db),
  ]);
  return {
    users: users.rows,
    actions: actions.rows.map((r) => r.action),
    entities: entities.rows.map((r) => r.entity),
  };
}
