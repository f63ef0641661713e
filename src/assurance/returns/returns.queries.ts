// SQL of the statutory returns calendar: returns in a date range (services in reach), one return with its linked
// measures and checklist, the version-checked writes, and the reminders already sent.
import { sql } from 'kysely';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ReturnFrequency, ReturnRecipient, ReturnReminderKind, ReturnStatus } from '../../db/schema.ts';

export interface ReturnRow {
  id: string;
  code: string;
  title: string;
  recipient: ReturnRecipient;
  frequency: ReturnFrequency;
  reference_period: string;
  due_on: string;
  service_id: string;
  service_code: string;
  service_name: string;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  status: ReturnStatus;
  reminder_days: number;
  submitted_at: Date | null;
  notes: string;
  version: number;
}

const columns = sql`r.id, r.code, r.title, r.recipient, r.frequency, r.reference_period, r.due_on::text AS due_on,
  r.service_id, s.code AS service_code, s.name AS service_name, r.owner_id, o.display_name AS owner_name,
  o.email AS owner_email, r.status, r.reminder_days, r.submitted_at, r.notes, r.version`;
const from = sql`statutory_returns r JOIN services s ON s.id = r.service_id JOIN users o ON o.id = r.owner_id`;

export interface ReturnFilter {
  from?: string;
  to?: string;
  recipient?: ReturnRecipient;
  status?: ReturnStatus;
  /** Still owed and due before this day. */
  overdueOn?: string;
}

/** By due date; only services in reach. */
export async function listReturns(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  filter: ReturnFilter,
): Promise<ReturnRow[]> {
  const ids = reach === null ? null : [...reach];
  const result = await sql<ReturnRow>`
    SELECT ${columns} FROM ${from}
    WHERE r.council_id = ${councilId}
      AND (${ids}::bigint[] IS NULL OR r.service_id = ANY(${ids}::bigint[]))
      AND (${filter.from ?? null}::date IS NULL OR r.due_on >= ${filter.from ?? null}::date)
      AND (${filter.to ?? null}::date IS NULL OR r.due_on <= ${filter.to ?? null}::date)
      AND (${filter.recipient ?? null}::text IS NULL OR r.recipient = ${filter.recipient ?? null}::text)
      AND (${filter.status ?? null}::text IS NULL OR r.status = ${filter.status ?? null}::text)
      AND (${filter.overdueOn ?? null}::date IS NULL OR (r.due_on < ${filter.overdueOn ?? null}::date
        AND r.status IN ('not_started', 'in_preparation', 'quality_checked', 'resubmission_required')))
    ORDER BY r.due_on, r.code, r.id`.execute(db);
  return result.rows;
}

export async function findReturn(db: Db, councilId: string, id: string): Promise<ReturnRow | undefined> {
  const result = await sql<ReturnRow>`
    SELECT ${columns} FROM ${from} WHERE r.council_id = ${councilId} AND r.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface CheckRow {
  id: string;
  position: number;
  text: string;
  checked_by_name: string | null;
  checked_at: Date | null;
}

export async function checksOf(db: Db, returnId: string): Promise<CheckRow[]> {
  return db
    .selectFrom('statutory_return_checks as c')
    .leftJoin('users as u', 'u.id', 'c.checked_by')
    .select(['c.id', 'c.position', 'c.text', 'u.display_name as checked_by_name', 'c.checked_at'])
    .where('c.return_id', '=', returnId)
    .orderBy('c.position')
    .execute();
}

export async function measuresOf(db: Db, returnId: string): Promise<{ code: string; title: string }[]> {
  return db
    .selectFrom('statutory_return_measures as rm')
    .innerJoin('measures as m', 'm.id', 'rm.measure_id')
    .select(['m.code', 'm.title'])
    .where('rm.return_id', '=', returnId)
    .orderBy('m.code')
    .execute();
}

export interface ReturnValues {
  code: string;
  title: string;
  recipient: ReturnRecipient;
  frequency: ReturnFrequency;
  reference_period: string;
  due_on: string;
  service_id: string;
  owner_id: string;
  reminder_days: number;
  notes: string;
}

export async function insertReturn(
  db: Db,
  councilId: string,
  v: ReturnValues,
  status?: ReturnStatus,
): Promise<string> {
  const row = await db
    .insertInto('statutory_returns')
    .values({ council_id: councilId, ...v, ...(status ? { status } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReturn(db: Db, id: string, version: number, v: ReturnValues): Promise<boolean> {
  const result = await db
    .updateTable('statutory_returns')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setReturnStatus(
  db: Db,
  id: string,
  version: number,
  status: ReturnStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('statutory_returns')
    .set({
      status,
      version: version + 1,
      ...(status === 'submitted' ? { submitted_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setMeasures(
  db: Db,
  councilId: string,
  returnId: string,
  measureIds: string[],
): Promise<void> {
  await db.deleteFrom('statutory_return_measures').where('return_id', '=', returnId).execute();
  if (measureIds.length === 0) return;
  await db
    .insertInto('statutory_return_measures')
    .values(measureIds.map((m) => ({ council_id: councilId, return_id: returnId, measure_id: m })))
    .execute();
}

/** Check n keeps its tick while its wording is unchanged; a reworded check must be ticked again. */
export async function syncChecks(
  db: Db,
  councilId: string,
  returnId: string,
  texts: string[],
): Promise<void> {
  await db
    .deleteFrom('statutory_return_checks')
    .where('return_id', '=', returnId)
    .where('position', '>', texts.length)
    .execute();
  for (const [i, text] of texts.entries()) {
    await sql`
      INSERT INTO statutory_return_checks (council_id, return_id, position, text)
      VALUES (${councilId}, ${returnId}, ${i + 1}, ${text})
      ON CONFLICT (return_id, position) DO UPDATE SET text = EXCLUDED.text,
        checked_by = CASE WHEN statutory_return_checks.text = EXCLUDED.text THEN statutory_return_checks.checked_by END,
        checked_at = CASE WHEN statutory_return_checks.text = EXCLUDED.text THEN statutory_return_checks.checked_at END`.execute(
      db,
    );
  }
}

export async function tickCheck(
  db: Db,
  returnId: string,
  checkId: string,
  userId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('statutory_return_checks')
    .set({ checked_by: userId, checked_at: userId ? new Date() : null })
    .where('id', '=', checkId)
    .where('return_id', '=', returnId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records one reminder; false when that person already had this kind for this return. */
export async function recordReturnReminder(
  db: Db,
  r: { councilId: string; returnId: string; kind: ReturnReminderKind; userId: string; email: string },
): Promise<boolean> {
  const result = await db
    .insertInto('statutory_return_reminders_sent')
    .values({
      council_id: r.councilId,
      return_id: r.returnId,
      kind: r.kind,
      user_id: r.userId,
      email: r.email,
    })
    .onConflict((oc) => oc.columns(['return_id', 'kind', 'user_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) === 1n;
}

export async function alreadyReminded(
  db: Db,
  returnId: string,
  kind: ReturnReminderKind,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('statutory_return_reminders_sent')
    .select('user_id')
    .where('return_id', '=', returnId)
    .where('kind', '=', kind)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
