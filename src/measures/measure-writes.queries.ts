// The measure library's writes: the measure row, its links, its version history and the audit trail. Callers
// run these inside one transaction so a change and its record are never apart.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CompleteMeasure } from './measures.validation.ts';

export interface ResolvedLinks {
  ownerUserId: string | null;
  leadServiceId: string | null;
  serviceIds: string[];
  outcomeIds: string[];
}

/** Looks up the codes and e-mail a measure refers to; anything missing from the result does not exist here. */
export async function resolveReferences(db: Db, councilId: string, m: CompleteMeasure) {
  const serviceCodes = [...new Set([...m.services, ...(m.leadService ? [m.leadService] : [])])];
  const [services, outcomes, owner] = await Promise.all([
    serviceCodes.length
      ? db
          .selectFrom('services')
          .select(['id', 'code'])
          .where('council_id', '=', councilId)
          .where('code', 'in', serviceCodes)
          .execute()
      : [],
    m.outcomes.length
      ? db
          .selectFrom('outcomes')
          .select(['id', 'code'])
          .where('council_id', '=', councilId)
          .where('code', 'in', m.outcomes)
          .execute()
      : [],
    m.owner
      ? db
          .selectFrom('users')
          .select('id')
          .where('council_id', '=', councilId)
          .where('disabled', '=', false)
          .where(sql<boolean>`lower(email) = lower(${m.owner})`)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    services: new Map(services.map((s) => [s.code, s.id])),
    outcomes: new Map(outcomes.map((o) => [o.code, o.id])),
    ownerUserId: owner?.id ?? null,
  };
}

/** A measure's own fields: its owner, lead service, services and outcomes come resolved, as ResolvedLinks. */
type MeasureRecord = Omit<CompleteMeasure, 'owner' | 'leadService' | 'services' | 'outcomes'>;

/** The measures row's own columns; who changed it and when are the caller's to add. */
export function measureColumns(m: MeasureRecord, links: ResolvedLinks) {
  return {
    code: m.code,
    title: m.title,
    definition: m.definition,
    calculation: m.calculation,
    calculation_type: m.calculationType,
    numerator_label: m.numeratorLabel,
    denominator_label: m.denominatorLabel,
    formula: m.formula,
    unit: m.unit,
    decimals: m.decimals,
    polarity: m.polarity,
    frequency: m.frequency,
    accumulation: m.accumulation,
    owner_user_id: links.ownerUserId,
    lead_service_id: links.leadServiceId,
    tags: m.tags,
    external_refs: JSON.stringify(m.externalRefs),
    data_source: m.dataSource,
    common_mistakes: m.commonMistakes,
    status: m.status,
    effective_from: m.effectiveFrom,
    effective_to: m.effectiveTo,
  };
}

function columns(m: CompleteMeasure, links: ResolvedLinks, userId: string) {
  return { ...measureColumns(m, links), updated_at: sql<Date>`now()`, updated_by: userId };
}

export async function insertMeasure(
  db: Db,
  councilId: string,
  m: CompleteMeasure,
  links: ResolvedLinks,
  userId: string,
): Promise<string> {
  const row = await db
    .insertInto('measures')
    .values({ council_id: councilId, version: 1, ...columns(m, links, userId) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates only if the row is still at `version`; undefined means someone else got there first. */
export async function updateMeasure(
  db: Db,
  id: string,
  version: number,
  m: CompleteMeasure,
  links: ResolvedLinks,
  userId: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('measures')
    .set({ ...columns(m, links, userId), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function replaceMeasureLinks(
  db: Db,
  councilId: string,
  measureId: string,
  links: ResolvedLinks,
): Promise<void> {
  await db.deleteFrom('measure_services').where('measure_id', '=', measureId).execute();
  await db.deleteFrom('measure_outcomes').where('measure_id', '=', measureId).execute();
  if (links.serviceIds.length) {
    await db
      .insertInto('measure_services')
      .values(
        links.serviceIds.map((service_id) => ({ council_id: councilId, measure_id: measureId, service_id })),
      )
      .execute();
  }
  if (links.outcomeIds.length) {
    await db
      .insertInto('measure_outcomes')
      .values(
        links.outcomeIds.map((outcome_id) => ({ council_id: councilId, measure_id: measureId, outcome_id })),
      )
      .execute();
  }
}

export async function insertMeasureVersion(
  db: Db,
  v: {
    councilId: string;
    measureId: string;
    version: number;
    snapshot: unknown;
    userId: string;
    note: string;
  },
): Promise<void> {
  await db
    .insertInto('measure_versions')
    .values({
      council_id: v.councilId,
      measure_id: v.measureId,
      version: v.version,
      snapshot: JSON.stringify(v.snapshot),
      changed_by: v.userId,
      note: v.note,
    })
    .execute();
}

export interface AuditEntry {
  councilId: string;
  userId: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      council_id: e.councilId,
      user_id: e.userId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before: e.before == null ? null : JSON.stringify(e.before),
      after: e.after == null ? null : JSON.stringify(e.after),
    })
    .execute();
}

export interface VersionRow {
  version: number;
  snapshot: Record<string, unknown>;
  changed_at: Date;
  changed_by_name: string | null;
  note: string;
}

export function listMeasureVersions(db: Db, measureId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('measure_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.snapshot', 'v.changed_at', 'u.display_name as changed_by_name', 'v.note'])
    .where('v.measure_id', '=', measureId)
    .orderBy('v.version', 'desc')
    .execute();
}
