// Collection rounds' SQL: rounds themselves, and a round's chase list — every measure due, its owner and how far
// its figure has got — worked out in one statement from the due (frequency, period) pairs.
import { sql } from 'kysely';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ReminderKind } from '../../db/schema.ts';
import { measureReachCondition } from '../../reporting/scorecard.queries.ts';

export interface RoundRow {
  id: string;
  council_id: string;
  period: string;
  period_start: string;
  period_end: string;
  deadline: string;
  reminder_days: number;
  opened_at: Date;
  opened_by_name: string | null;
}

export type ChaseState = 'not_started' | 'draft' | 'submitted' | 'late';

export interface ChaseRow {
  measure_id: string;
  code: string;
  title: string;
  period: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  status: string | null;
  state: ChaseState;
  /** The figure so far, if any: a template starts from it. */
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string | null;
}

function selectRounds(db: Db) {
  return db
    .selectFrom('collection_rounds as r')
    .leftJoin('users as u', 'u.id', 'r.opened_by')
    .select([
      'r.id',
      'r.council_id',
      'r.period',
      'r.period_start',
      'r.period_end',
      'r.deadline',
      'r.reminder_days',
      'r.opened_at',
      'u.display_name as opened_by_name',
    ]);
}

export function roundsOf(db: Db, councilId: string): Promise<RoundRow[]> {
  return selectRounds(db).where('r.council_id', '=', councilId).orderBy('r.period_end', 'desc').execute();
}

export function findRound(db: Db, councilId: string, id: string): Promise<RoundRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return Promise.resolve(undefined);
  return selectRounds(db).where('r.council_id', '=', councilId).where('r.id', '=', id).executeTakeFirst();
}

export async function insertRound(
  db: Db,
  r: {
    councilId: string;
    period: string;
    periodStart: string;
    periodEnd: string;
    deadline: string;
    reminderDays: number;
    openedBy: string;
  },
): Promise<string | null> {
  const row = await db
    .insertInto('collection_rounds')
    .values({
      council_id: r.councilId,
      period: r.period,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      deadline: r.deadline,
      reminder_days: r.reminderDays,
      opened_by: r.openedBy,
    })
    .onConflict((oc) => oc.columns(['council_id', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/**
 * Every figure due, with its owner and state. Formula measures are left out: their figures are calculated from
 * the others, never collected.
 */
export async function chaseList(
  db: Db,
  q: {
    councilId: string;
    deadline: string;
    due: { frequency: string; period: string }[];
    reach: ServiceReach;
  },
): Promise<ChaseRow[]> {
  if (q.due.length === 0) return [];
  const result = await sql<ChaseRow>`
    WITH due AS (
      SELECT * FROM unnest(${q.due.map((d) => d.frequency)}::text[], ${q.due.map((d) => d.period)}::text[])
        AS d(frequency, period)
    )
    SELECT m.id AS measure_id, m.code, m.title, due.period, u.id AS owner_id, u.display_name AS owner_name,
      u.email AS owner_email, dv.status, dv.value, dv.numerator, dv.denominator, dv.commentary,
      CASE
        WHEN dv.status IS NOT NULL AND dv.status <> 'draft' THEN 'submitted'
        WHEN current_date > ${q.deadline}::date THEN 'late'
        WHEN dv.status = 'draft' THEN 'draft'
        ELSE 'not_started'
      END AS state
    FROM measures m
    JOIN due ON due.frequency = m.frequency
    -- The measure's named owner, or else a data owner of its lead service: someone is always asked where one exists.
    LEFT JOIN LATERAL (
      SELECT o.id, o.display_name, o.email FROM users o
      WHERE NOT o.disabled AND o.council_id = m.council_id
        AND (o.id = m.owner_user_id
          OR (m.owner_user_id IS NULL AND o.role = 'data_owner' AND EXISTS (
            SELECT 1 FROM user_scopes us
            WHERE us.user_id = o.id AND us.scope_type = 'service' AND us.scope_id = m.lead_service_id)))
      ORDER BY o.id = m.owner_user_id DESC, o.id
      LIMIT 1
    ) u ON true
    LEFT JOIN data_values dv ON dv.measure_id = m.id AND dv.period = due.period AND dv.breakdown = ''
    WHERE m.council_id = ${q.councilId} AND m.status = 'active' AND m.calculation_type <> 'formula'
      AND ${measureReachCondition(q.reach)}
    ORDER BY u.display_name NULLS LAST, m.code, due.period`.execute(db);
  return result.rows;
}

/** Records that a reminder went; false when it had already gone (a retried job). */
export async function recordReminder(
  db: Db,
  r: {
    councilId: string;
    roundId: string;
    kind: ReminderKind;
    userId: string;
    email: string;
    measures: number;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('round_reminders_sent')
    .values({
      council_id: r.councilId,
      round_id: r.roundId,
      kind: r.kind,
      user_id: r.userId,
      email: r.email,
      measures: r.measures,
    })
    .onConflict((oc) => oc.columns(['round_id', 'kind', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function remindersSent(db: Db, roundId: string) {
  return db
    .selectFrom('round_reminders_sent as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.kind', 's.email', 's.measures', 's.sent_at', 'u.display_name'])
    .where('s.round_id', '=', roundId)
    .orderBy('s.sent_at')
    .execute();
}

/** Who has already had this round's e-mail of this kind. */
export async function remindedUsers(db: Db, roundId: string, kind: ReminderKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom('round_reminders_sent')
    .select('user_id')
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => String(r.user_id)));
}
