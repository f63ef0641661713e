// The measure library's reads: one measure with everything it links to, the filtered library list, and the
// choices the filter and edit forms offer. Every query is bounded by the council and the reader's reach.
import { sql, type RawBuilder } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import type {
  AccumulationColumn,
  CalculationType,
  ExternalRef,
  FrequencyColumn,
  MeasureStatus,
  PolarityColumn,
  Unit,
} from '../db/schema.ts';
import { measureReachCondition } from '../reporting/scorecard.queries.ts';

export interface MeasureDetailRow {
  id: string;
  code: string;
  title: string;
  definition: string;
  calculation: string;
  calculation_type: CalculationType;
  numerator_label: string;
  denominator_label: string;
  formula: string;
  unit: Unit;
  decimals: number;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
  accumulation: AccumulationColumn;
  tags: string[];
  external_refs: ExternalRef[];
  data_source: string;
  common_mistakes: string;
  status: MeasureStatus;
  effective_from: string | null;
  effective_to: string | null;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
  owner_email: string | null;
  owner_name: string | null;
  lead_service_id: string | null;
  lead_service_code: string | null;
  lead_service_name: string | null;
  services: { code: string; name: string }[];
  /** The lead service and every other service of the measure: what reach is judged against. */
  service_ids: string[];
  outcomes: { code: string; title: string; priorityCode: string; priorityTitle: string }[];
}

/** The measure with its owner, services and outcomes, or undefined when it is missing or out of reach. */
export async function findMeasureDetail(
  db: Db,
  councilId: string,
  by: { code: string } | { id: string },
  reach: ServiceReach,
): Promise<MeasureDetailRow | undefined> {
  const which = 'code' in by ? sql`m.code = ${by.code}` : sql`m.id = ${by.id}`;
  const result = await sql<MeasureDetailRow>`
    SELECT m.id, m.code, m.title, m.definition, m.calculation, m.calculation_type, m.numerator_label,
      m.denominator_label, m.formula, m.unit, m.decimals, m.polarity, m.frequency, m.accumulation, m.tags,
      m.external_refs, m.data_source, m.common_mistakes, m.status, m.effective_from::text AS effective_from,
      m.effective_to::text AS effective_to, m.version, m.updated_at, ub.display_name AS updated_by_name,
      o.email AS owner_email, o.display_name AS owner_name,
      m.lead_service_id, ls.code AS lead_service_code, ls.name AS lead_service_name,
      COALESCE((SELECT json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s.code)
        FROM measure_services ms JOIN services s ON s.id = ms.service_id WHERE ms.measure_id = m.id), '[]') AS services,
      ${measureServiceIds('m')} AS service_ids,
      COALESCE((SELECT json_agg(json_build_object('code', oc.code, 'title', oc.title,
          'priorityCode', p.code, 'priorityTitle', p.title) ORDER BY p.position, p.code, oc.position, oc.code)
        FROM measure_outcomes mo JOIN outcomes oc ON oc.id = mo.outcome_id JOIN priorities p ON p.id = oc.priority_id
        WHERE mo.measure_id = m.id), '[]') AS outcomes
    FROM measures m
    LEFT JOIN services ls ON ls.id = m.lead_service_id
    LEFT JOIN users o ON o.id = m.owner_user_id
    LEFT JOIN users ub ON ub.id = m.updated_by
    WHERE m.council_id = ${councilId} AND ${which} AND ${measureReachCondition(reach)}`.execute(db);
  return result.rows[0];
}

/** The ids of a measure's lead service and its other services, as text: what reach is judged against. */
export function measureServiceIds(measureAlias: string): RawBuilder<string[]> {
  const m = sql.ref(measureAlias);
  return sql<string[]>`ARRAY(SELECT ${m}.lead_service_id::text WHERE ${m}.lead_service_id IS NOT NULL
    UNION SELECT ms.service_id::text FROM measure_services ms WHERE ms.measure_id = ${m}.id)`;
}

export interface MeasureFilter {
  councilId: string;
  reach: ServiceReach;
  q?: string;
  directorate?: string;
  portfolio?: string;
  committee?: string;
  outcome?: string;
  tag?: string;
  status?: string;
}

export interface MeasureListRow {
  id: string;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
  status: MeasureStatus;
  tags: string[];
  lead_service_code: string | null;
  lead_service_name: string | null;
}

/** A measure serves a set of services when its lead service or any of its services is in the set. */
function servesAnyOf(services: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(m.lead_service_id IN (${services})
    OR EXISTS (SELECT 1 FROM measure_services fs WHERE fs.measure_id = m.id AND fs.service_id IN (${services})))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listMeasureRows(db: Db, f: MeasureFilter): Promise<MeasureListRow[]> {
  const conditions: RawBuilder<unknown>[] = [
    sql`m.council_id = ${f.councilId}`,
    measureReachCondition(f.reach),
  ];
  const q = f.q?.trim();
  if (q) {
    // Words go through full-text search ('damp' finds 'Damp and mould…'); codes and fragments through ILIKE ('HOU-0').
    conditions.push(sql`(m.search @@ websearch_to_tsquery('english', ${q})
      OR m.code ILIKE ${`${escapeLike(q)}%`} OR m.title ILIKE ${`%${escapeLike(q)}%`})`);
  }
  if (f.directorate) {
    conditions.push(
      servesAnyOf(sql`SELECT s.id FROM services s JOIN directorates d ON d.id = s.directorate_id
        WHERE d.council_id = ${f.councilId} AND d.code = ${f.directorate}`),
    );
  }
  if (f.portfolio) {
    conditions.push(
      servesAnyOf(sql`SELECT ps.service_id FROM portfolio_services ps JOIN portfolios p ON p.id = ps.portfolio_id
        WHERE p.council_id = ${f.councilId} AND p.code = ${f.portfolio}`),
    );
  }
  if (f.committee) {
    conditions.push(
      servesAnyOf(sql`SELECT cs.service_id FROM committee_services cs JOIN committees c ON c.id = cs.committee_id
        WHERE c.council_id = ${f.councilId} AND c.code = ${f.committee}`),
    );
  }
  if (f.outcome) {
    conditions.push(sql`EXISTS (SELECT 1 FROM measure_outcomes mo JOIN outcomes oc ON oc.id = mo.outcome_id
      WHERE mo.measure_id = m.id AND oc.code = ${f.outcome})`);
  }
  if (f.tag) conditions.push(sql`m.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.status) conditions.push(sql`m.status = ${f.status}`);
  const result = await sql<MeasureListRow>`
    SELECT m.id, m.code, m.title, m.unit, m.decimals, m.polarity, m.frequency, m.status, m.tags,
      ls.code AS lead_service_code, ls.name AS lead_service_name
    FROM measures m LEFT JOIN services ls ON ls.id = m.lead_service_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY m.code`.execute(db);
  return result.rows;
}

export interface Choice {
  code: string;
  name: string;
}

export interface OutcomeChoice extends Choice {
  priority: string;
}

/** The directorates, portfolios, committees and outcomes the library can be filtered by. */
export async function filterChoices(db: Db, councilId: string) {
  const [directorates, portfolios, committees, outcomes] = await Promise.all([
    db
      .selectFrom('directorates')
      .select(['code', 'name'])
      .where('council_id', '=', councilId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('portfolios')
      .select(['code', 'title as name'])
      .where('council_id', '=', councilId)
      .orderBy('title')
      .execute(),
    db
      .selectFrom('committees')
      .select(['code', 'title as name'])
      .where('council_id', '=', councilId)
      .orderBy('title')
      .execute(),
    outcomeChoices(db, councilId),
  ]);
  return { directorates, portfolios, committees, outcomes };
}

function outcomeChoices(db: Db, councilId: string): Promise<OutcomeChoice[]> {
  return db
    .selectFrom('outcomes as o')
    .innerJoin('priorities as p', 'p.id', 'o.priority_id')
    .select(['o.code', 'o.title as name', 'p.title as priority'])
    .where('o.council_id', '=', councilId)
    .orderBy('p.position')
    .orderBy('p.code')
    .orderBy('o.position')
    .orderBy('o.code')
    .execute();
}

/** The services, outcomes and people the measure form offers. */
export async function formChoices(db: Db, councilId: string) {
  const [services, outcomes, owners] = await Promise.all([
    db
      .selectFrom('services')
      .select(['id', 'code', 'name'])
      .where('council_id', '=', councilId)
      .orderBy('code')
      .execute(),
    outcomeChoices(db, councilId),
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name as name', 'role'])
      .where('council_id', '=', councilId)
      .where('disabled', '=', false)
      .orderBy('display_name')
      .execute(),
  ]);
  return { services, outcomes, owners };
}

export type FormChoices = Awaited<ReturnType<typeof formChoices>>;

export async function measureIdWithCode(
  db: Db,
  councilId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('measures')
    .select('id')
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}
