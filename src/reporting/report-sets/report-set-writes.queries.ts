// Writes to report sets: the set itself (version-checked), its measures, its sign-off, and the audit rows that
// record every change; plus the look-ups the writes need (measures, portfolios and committees by code).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { MeasureStatus, ReportAudience, ReportGrouping, SignOffStatus } from '../../db/schema.ts';

export interface SetValues {
  title: string;
  audience: ReportAudience;
  portfolio_id: string | null;
  committee_id: string | null;
  grouping: ReportGrouping;
  year: string;
  recipients: string[];
}

export async function insertReportSet(
  db: Db,
  councilId: string,
  name: string,
  v: SetValues,
): Promise<string> {
  const row = await db
    .insertInto('report_sets')
    .values({
      council_id: councilId,
      name,
      ...v,
      sign_off: v.audience === 'portfolio' ? 'draft' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Updates the set only if it is still at `version`; false when it is not. A change of audience starts the
 * sign-off again: a portfolio set as a draft, any other with none.
 */
export async function updateReportSet(
  db: Db,
  id: string,
  version: number,
  v: SetValues,
  audienceChanged: boolean,
): Promise<boolean> {
  const restart = audienceChanged
    ? {
        sign_off: v.audience === 'portfolio' ? ('draft' as const) : null,
        proposed_by: null,
        proposed_at: null,
        decided_by: null,
        decided_at: null,
        return_comment: '',
      }
    : {};
  const result = await db
    .updateTable('report_sets')
    .set({ ...v, ...restart, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Replaces the set's measures with exactly these, in this order. */
export async function replaceSetMeasures(
  db: Db,
  councilId: string,
  setId: string,
  measureIds: string[],
): Promise<void> {
  await db.deleteFrom('report_set_measures').where('report_set_id', '=', setId).execute();
  if (measureIds.length === 0) return;
  await db
    .insertInto('report_set_measures')
    .values(
      measureIds.map((id, i) => ({
        council_id: councilId,
        report_set_id: setId,
        measure_id: id,
        position: i + 1,
      })),
    )
    .execute();
}

/** A measure added by a signed-off change goes to the end of the set. */
export async function appendSetMeasure(db: Db, councilId: string, setId: string, measureId: string) {
  await sql`
    INSERT INTO report_set_measures (council_id, report_set_id, measure_id, position)
    SELECT ${councilId}, ${setId}, ${measureId},
      COALESCE((SELECT max(position) FROM report_set_measures WHERE report_set_id = ${setId}), 0) + 1`.execute(
    db,
  );
}

export async function removeSetMeasure(db: Db, setId: string, measureId: string): Promise<void> {
  await db
    .deleteFrom('report_set_measures')
    .where('report_set_id', '=', setId)
    .where('measure_id', '=', measureId)
    .execute();
}

export interface SignOffMove {
  to: SignOffStatus;
  userId: string;
  /** A proposal starts a new round (clearing the last decision); a decision records who decided and when. */
  stamp: 'proposed' | 'decided';
  returnComment: string;
}

/** Moves the sign-off only if the set is still at `version`; false when it is not. */
export async function updateSignOff(db: Db, id: string, version: number, m: SignOffMove): Promise<boolean> {
  const stamp =
    m.stamp === 'proposed'
      ? { proposed_by: m.userId, proposed_at: sql<Date>`now()`, decided_by: null, decided_at: null }
      : { decided_by: m.userId, decided_at: sql<Date>`now()` };
  const result = await db
    .updateTable('report_sets')
    .set({ sign_off: m.to, return_comment: m.returnComment, ...stamp, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A signed-off change alters the measures: the set's version moves so a page open on the old list is stale. */
export async function bumpSetVersion(db: Db, id: string): Promise<void> {
  await db
    .updateTable('report_sets')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export interface MeasureRef {
  id: string;
  code: string;
  title: string;
  status: MeasureStatus;
}

/** The council's measures with these codes, by code; codes left out of the map do not exist. */
export async function measuresByCode(
  db: Db,
  councilId: string,
  codes: string[],
): Promise<Map<string, MeasureRef>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('measures')
    .select(['id', 'code', 'title', 'status'])
    .where('council_id', '=', councilId)
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { ...r, id: String(r.id) }]));
}

/** The codes of these measures, in the order given. */
export async function codesOfMeasures(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('measures').select(['id', 'code']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [String(r.id), r.code]));
  return ids.map((id) => byId.get(String(id)) ?? id);
}

export async function idOfCode(
  db: Db,
  table: 'portfolios' | 'committees',
  councilId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? String(row.id) : undefined;
}

/** Is this committee a select committee of the council (CMT has its own audience)? */
export async function selectCommitteeId(
  db: Db,
  councilId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('committees')
    .select('id')
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .where('kind', '=', 'select')
    .executeTakeFirst();
  return row ? String(row.id) : undefined;
}

export async function nameTaken(db: Db, councilId: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('report_sets')
    .select('id')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SetAuditEntry {
  councilId: string;
  userId: string;
  action: string;
  setId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export async function insertSetAudit(db: Db, e: SetAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      council_id: e.councilId,
      user_id: e.userId,
      action: e.action,
      entity: 'report_set',
      entity_id: e.setId,
      before: e.before ? JSON.stringify(e.before) : null,
      after: JSON.stringify(e.after),
    })
    .execute();
}

/**
 * Who changed the set last, and when, from its audit rows: named in a refusal of a stale change. A change request
 * or a returned one leaves the set as it was, so neither counts.
 */
export async function lastSetChange(
  db: Db,
  setId: string,
): Promise<{ user_name: string | null; at: Date } | undefined> {
  const result = await sql<{ user_name: string | null; at: Date }>`
    SELECT u.display_name AS user_name, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.entity = 'report_set' AND a.entity_id = ${setId}
      AND a.action NOT IN ('reportset.change_request', 'reportset.change_return')
    ORDER BY a.at DESC, a.id DESC LIMIT 1`.execute(db);
  return result.rows[0];
}
