// Writes to the Council Strategy, the organisation and governance: version-checked updates that report whether
// they matched, inserts, link replacement, and the audit row that records every change.
import type { Db } from '../db/connection.ts';

export type CodedTable =
  'priorities' | 'outcomes' | 'directorates' | 'services' | 'portfolios' | 'committees';

export async function codeTaken(
  db: Db,
  table: CodedTable,
  councilId: string,
  code: string,
  exceptId?: string,
) {
  let query = db.selectFrom(table).select('id').where('council_id', '=', councilId).where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Maps each code that exists in the council to its id; codes left out of the map do not exist. */
export async function idsByCode(
  db: Db,
  table: CodedTable,
  councilId: string,
  codes: string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code'])
    .where('council_id', '=', councilId)
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, String(r.id)]));
}

export async function nextPosition(
  db: Db,
  table: 'priorities' | 'outcomes',
  parentId: string,
): Promise<number> {
  const parent = table === 'priorities' ? 'strategy_id' : 'priority_id';
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('max'))
    .where(parent, '=', parentId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export interface PriorityValues {
  code: string;
  title: string;
  description: string;
  position: number;
}

export async function insertPriority(db: Db, councilId: string, strategyId: string, v: PriorityValues) {
  const row = await db
    .insertInto('priorities')
    .values({ council_id: councilId, strategy_id: strategyId, ...pick(v) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updatePriority(
  db: Db,
  id: string,
  version: number,
  v: PriorityValues,
): Promise<boolean> {
  const result = await db
    .updateTable('priorities')
    .set({ ...pick(v), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Only the priority's own columns, so a caller's extra fields never reach the SQL. */
function pick(v: PriorityValues): PriorityValues {
  return { code: v.code, title: v.title, description: v.description, position: v.position };
}

export interface OutcomeValues extends PriorityValues {
  priority_id: string;
}

export async function insertOutcome(db: Db, councilId: string, v: OutcomeValues): Promise<string> {
  const row = await db
    .insertInto('outcomes')
    .values({ council_id: councilId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updateOutcome(db: Db, id: string, version: number, v: OutcomeValues): Promise<boolean> {
  const result = await db
    .updateTable('outcomes')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface DirectorateValues {
  code: string;
  name: string;
  director_name: string;
}

export async function insertDirectorate(db: Db, councilId: string, v: DirectorateValues): Promise<string> {
  const row = await db
    .insertInto('directorates')
    .values({ council_id: councilId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updateDirectorate(db: Db, id: string, version: number, v: DirectorateValues) {
  const result = await db
    .updateTable('directorates')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface ServiceValues {
  code: string;
  name: string;
  head_of_service: string;
  directorate_id: string;
}

export async function insertService(db: Db, councilId: string, v: ServiceValues): Promise<string> {
  const row = await db
    .insertInto('services')
    .values({ council_id: councilId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updateService(db: Db, id: string, version: number, v: ServiceValues): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface PortfolioValues {
  code: string;
  title: string;
  cabinet_member_name: string;
}

export async function insertPortfolio(db: Db, councilId: string, v: PortfolioValues): Promise<string> {
  const row = await db
    .insertInto('portfolios')
    .values({ council_id: councilId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updatePortfolio(
  db: Db,
  id: string,
  version: number,
  v: PortfolioValues,
): Promise<boolean> {
  const result = await db
    .updateTable('portfolios')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Replaces the portfolio's directorates and services with exactly the given sets. */
export async function setPortfolioLinks(
  db: Db,
  councilId: string,
  portfolioId: string,
  directorateIds: string[],
  serviceIds: string[],
) {
  await db.deleteFrom('portfolio_directorates').where('portfolio_id', '=', portfolioId).execute();
  await db.deleteFrom('portfolio_services').where('portfolio_id', '=', portfolioId).execute();
  if (directorateIds.length > 0) {
    await db
      .insertInto('portfolio_directorates')
      .values(
        directorateIds.map((id) => ({
          council_id: councilId,
          portfolio_id: portfolioId,
          directorate_id: id,
        })),
      )
      .execute();
  }
  if (serviceIds.length > 0) {
    await db
      .insertInto('portfolio_services')
      .values(serviceIds.map((id) => ({ council_id: councilId, portfolio_id: portfolioId, service_id: id })))
      .execute();
  }
}

export interface CommitteeValues {
  code: string;
  title: string;
  kind: 'select' | 'cmt';
  chair_name: string;
  terms_of_reference: string;
  themes: string[];
}

export async function insertCommittee(db: Db, councilId: string, v: CommitteeValues): Promise<string> {
  const row = await db
    .insertInto('committees')
    .values({ council_id: councilId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updateCommittee(
  db: Db,
  id: string,
  version: number,
  v: CommitteeValues,
): Promise<boolean> {
  const result = await db
    .updateTable('committees')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setCommitteeServices(
  db: Db,
  councilId: string,
  committeeId: string,
  serviceIds: string[],
): Promise<void> {
  await db.deleteFrom('committee_services').where('committee_id', '=', committeeId).execute();
  if (serviceIds.length > 0) {
    await db
      .insertInto('committee_services')
      .values(serviceIds.map((id) => ({ council_id: councilId, committee_id: committeeId, service_id: id })))
      .execute();
  }
}

/** Another committee of kind 'cmt' in the council, if there is one: a council has a single CMT. */
export async function otherCmtExists(db: Db, councilId: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('committees')
    .select('id')
    .where('council_id', '=', councilId)
    .where('kind', '=', 'cmt');
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

interface AuditEntry {
  councilId: string;
  userId: string;
  action: 'create' | 'update';
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      council_id: entry.councilId,
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: JSON.stringify(entry.after),
    })
    .execute();
}
