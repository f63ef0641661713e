// Test data builders for reporting and collection tests: a council with a service, measures, figures and
// targets, each with sensible defaults so a test states only what matters to it.
import { sql } from 'kysely';
import { parsePeriod, periodEnd, periodStart } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import type { NewMeasure, Role, ValueStatus } from '../db/schema.ts';

export interface Place {
  councilId: string;
  directorateId: string;
  serviceId: string;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${process.pid}`;

export async function aCouncil(db: Db): Promise<Place> {
  const council = await db
    .insertInto('councils')
    .values({ slug: unique('c'), name: 'Testshire' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const directorate = await db
    .insertInto('directorates')
    .values({ council_id: council.id, code: unique('D'), name: 'Directorate' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const serviceId = await aService(db, council.id, directorate.id);
  return { councilId: council.id, directorateId: directorate.id, serviceId };
}

export async function aService(db: Db, councilId: string, directorateId: string): Promise<string> {
  const row = await db
    .insertInto('services')
    .values({ council_id: councilId, directorate_id: directorateId, code: unique('S'), name: 'Service' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aUser(db: Db, councilId: string, role: Role, serviceId?: string): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ council_id: councilId, email: `${unique('u')}@test.example`, display_name: 'Test User', role })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (serviceId) {
    await db
      .insertInto('user_scopes')
      .values({ council_id: councilId, user_id: row.id, scope_type: 'service', scope_id: serviceId })
      .execute();
  }
  return row.id;
}

type MeasureOverrides = Partial<Omit<NewMeasure, 'council_id'>>;

export async function aMeasure(
  db: Db,
  place: Place,
  overrides: MeasureOverrides = {},
): Promise<{ id: string; code: string }> {
  const row = await db
    .insertInto('measures')
    .values({
      council_id: place.councilId,
      code: unique('M-'),
      title: 'A measure',
      unit: 'percent',
      decimals: 1,
      polarity: 'up',
      frequency: 'monthly',
      accumulation: 'discrete',
      lead_service_id: place.serviceId,
      version: 1,
      updated_at: new Date(),
      ...overrides,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return row;
}

export interface ValueFields {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  status?: ValueStatus;
  breakdown?: string;
  commentary?: string;
}

export async function aValue(
  db: Db,
  councilId: string,
  measureId: string,
  period: string,
  fields: ValueFields = {},
): Promise<string> {
  const p = parsePeriod(period);
  const row = await db
    .insertInto('data_values')
    .values({
      council_id: councilId,
      measure_id: measureId,
      period,
      period_start: periodStart(p),
      period_end: periodEnd(p),
      breakdown: fields.breakdown ?? '',
      value: fields.value === undefined ? null : fields.value,
      numerator: fields.numerator ?? null,
      denominator: fields.denominator ?? null,
      status: fields.status ?? 'approved',
      commentary: fields.commentary ?? '',
      revision: 1,
      version: 1,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Many figures at once: [period, value] pairs, all approved headline figures. */
export async function someValues(
  db: Db,
  councilId: string,
  measureId: string,
  series: [string, number][],
): Promise<void> {
  for (const [period, value] of series) await aValue(db, councilId, measureId, period, { value });
}

export interface TargetFields {
  value?: number | null;
  low?: number | null;
  high?: number | null;
  tolerance?: { kind: 'absolute' | 'percent'; amount: number };
  source?: 'set' | 'profile';
}

export async function aTarget(
  db: Db,
  councilId: string,
  measureId: string,
  period: string,
  fields: TargetFields,
): Promise<void> {
  const p = parsePeriod(period);
  await db
    .insertInto('targets')
    .values({
      council_id: councilId,
      measure_id: measureId,
      period,
      period_start: periodStart(p),
      period_end: periodEnd(p),
      value: fields.value ?? null,
      low: fields.low ?? null,
      high: fields.high ?? null,
      tolerance_kind: fields.tolerance?.kind ?? null,
      tolerance: fields.tolerance?.amount ?? null,
      source: fields.source ?? 'set',
      version: 1,
      updated_at: new Date(),
    })
    .execute();
}

export async function countRows(
  db: Db,
  table: 'data_values' | 'data_value_revisions' | 'audit_log',
): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}
