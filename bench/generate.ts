// Loads the synthetic benchmark council (slug `benchmark`): 8 directorates, 40 services, N measures with a
// headline value and a target for every month, streamed in with COPY; then a performance officer and API token.
import { sql } from 'kysely';
import pg from 'pg';
import { createApiToken, createUser } from '../src/access/users.service.ts';
import type { Db } from '../src/db/connection.ts';
import { copyInto, textArray, type CopyValue } from './copy.ts';
import {
  monthSpans,
  syntheticMeasure,
  targetRows,
  valueRows,
  type MonthSpan,
  type SyntheticMeasure,
} from './synthetic.ts';

export interface GenerateOptions {
  measures: number;
  months: number;
  seed: number;
  /** The newest month loaded; the default is the benchmark's fixed 2026-10, never today's date. */
  lastMonth?: string;
  /** COPY needs a plain pg connection of its own: Kysely does not expose its pool's clients. */
  databaseUrl: string;
}

export interface GeneratedCouncil {
  councilId: string;
  email: string;
  apiToken: string;
  measures: number;
  values: number;
  targets: number;
}

export const BENCH_EMAIL = 'bench@benchmark.example';
const DIRECTORATES = 8;
const SERVICES_PER_DIRECTORATE = 5;
const directorateNames = [
  'Adults and Health',
  'Children and Families',
  'Housing',
  'Place and Environment',
  'Resources',
  'Communities',
  'Regeneration',
  'Customer Services',
];

async function createStructure(db: Db): Promise<{ councilId: string; serviceIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    const council = await trx
      .insertInto('councils')
      .values({ slug: 'benchmark', name: 'Benchmark Borough Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const serviceIds: string[] = [];
    for (let d = 0; d < DIRECTORATES; d++) {
      const directorate = await trx
        .insertInto('directorates')
        .values({
          council_id: council.id,
          code: `DIR-${d + 1}`,
          name: directorateNames[d] ?? `Directorate ${d + 1}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const services = await trx
        .insertInto('services')
        .values(
          Array.from({ length: SERVICES_PER_DIRECTORATE }, (_, s) => ({
            council_id: council.id,
            directorate_id: directorate.id,
            code: `SVC-${d + 1}-${s + 1}`,
            name: `${directorateNames[d] ?? 'Directorate'} service ${s + 1}`,
          })),
        )
        .returning('id')
        .execute();
      serviceIds.push(...services.map((s) => s.id));
    }
    return { councilId: council.id, serviceIds };
  });
}

function serviceId(serviceIds: readonly string[], index: number): string {
  const id = serviceIds[index];
  if (id === undefined) throw new RangeError(`no service at index ${index}`);
  return id;
}

function* measureRows(
  councilId: string,
  measures: readonly SyntheticMeasure[],
  serviceIds: readonly string[],
) {
  for (const m of measures) {
    const ratio = m.calculationType === 'ratio';
    yield [
      councilId,
      m.code,
      m.title,
      `How many ${m.title.toLowerCase()}, each month.`,
      ratio ? 'Numerator divided by denominator, as a percentage.' : 'Counted from the service system.',
      m.calculationType,
      ratio ? 'Cases meeting the standard' : '',
      ratio ? 'All cases' : '',
      m.unit,
      m.decimals,
      m.polarity,
      'monthly',
      m.accumulation,
      serviceId(serviceIds, m.services[0] ?? 0),
      textArray(m.tags),
      'Synthetic benchmark data',
      'active',
    ] satisfies CopyValue[];
  }
}

function* measureServiceRows(
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  serviceIds: readonly string[],
) {
  for (const m of measures) {
    for (const s of m.services) yield [measureId(ids, m), serviceId(serviceIds, s)] satisfies CopyValue[];
  }
}

function* dataValueRows(
  councilId: string,
  seed: number,
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  months: readonly MonthSpan[],
) {
  for (const m of measures) {
    const id = measureId(ids, m);
    for (const v of valueRows(seed, m, months)) {
      yield [
        councilId,
        id,
        v.period.key,
        v.period.start,
        v.period.end,
        v.value,
        v.numerator,
        v.denominator,
        v.commentary,
        v.status,
        v.publishedAt,
        'import',
        'benchmark',
      ] satisfies CopyValue[];
    }
  }
}

function* targetCopyRows(
  councilId: string,
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  months: readonly MonthSpan[],
) {
  for (const m of measures) {
    const id = measureId(ids, m);
    for (const t of targetRows(m, months)) {
      yield [
        councilId,
        id,
        t.period.key,
        t.period.start,
        t.period.end,
        t.value,
        t.low,
        t.high,
        m.tolerance.kind,
        m.tolerance.amount,
      ] satisfies CopyValue[];
    }
  }
}

function measureId(ids: ReadonlyMap<string, string>, m: SyntheticMeasure): string {
  const id = ids.get(m.code);
  if (id === undefined) throw new Error(`measure ${m.code} was not loaded`);
  return id;
}

async function copyMeasuresAndFigures(
  client: pg.ClientBase,
  councilId: string,
  serviceIds: readonly string[],
  options: GenerateOptions,
): Promise<{ values: number; targets: number; measures: number }> {
  const measures = Array.from({ length: options.measures }, (_, i) =>
    syntheticMeasure(options.seed, i, serviceIds.length),
  );
  const months = monthSpans(options.months, options.lastMonth ?? '2026-10');
  const loaded = await copyInto(
    client,
    'measures',
    [
      'council_id',
      'code',
      'title',
      'definition',
      'calculation',
      'calculation_type',
      'numerator_label',
      'denominator_label',
      'unit',
      'decimals',
      'polarity',
      'frequency',
      'accumulation',
      'lead_service_id',
      'tags',
      'data_source',
      'status',
    ],
    measureRows(councilId, measures, serviceIds),
  );
  // Identity columns cannot be supplied through COPY, so the ids are read back once by code.
  const idRows = await client.query<{ id: string; code: string }>(
    'SELECT id, code FROM measures WHERE council_id = $1',
    [councilId],
  );
  const ids = new Map(idRows.rows.map((r) => [r.code, String(r.id)]));
  await copyInto(
    client,
    'measure_services',
    ['measure_id', 'service_id'],
    measureServiceRows(measures, ids, serviceIds),
  );
  const targets = await copyInto(
    client,
    'targets',
    [
      'council_id',
      'measure_id',
      'period',
      'period_start',
      'period_end',
      'value',
      'low',
      'high',
      'tolerance_kind',
      'tolerance',
    ],
    targetCopyRows(councilId, measures, ids, months),
  );
  const values = await copyInto(
    client,
    'data_values',
    [
      'council_id',
      'measure_id',
      'period',
      'period_start',
      'period_end',
      'value',
      'numerator',
      'denominator',
      'commentary',
      'status',
      'published_at',
      'source',
      'source_ref',
    ],
    dataValueRows(councilId, options.seed, measures, ids, months),
  );
  return { measures: loaded, values, targets };
}

/** Creates and loads the council; the COPY work is one transaction, so a failure leaves no half-loaded figures. */
export async function generateCouncil(db: Db, options: GenerateOptions): Promise<GeneratedCouncil> {
  const { councilId, serviceIds } = await createStructure(db);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let counts: { values: number; targets: number; measures: number };
  try {
    await client.query('BEGIN');
    counts = await copyMeasuresAndFigures(client, councilId, serviceIds, options);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  // Fresh statistics, as autovacuum would give a real database after a load, so the planner sees the real sizes.
  await sql`ANALYZE measures, measure_services, targets, data_values`.execute(db);
  await createUser(db, {
    councilId,
    email: BENCH_EMAIL,
    displayName: 'Benchmark',
    role: 'performance_officer',
    scopes: [],
  });
  const apiToken = await createApiToken(db, { email: BENCH_EMAIL, name: 'benchmark' });
  return { councilId, email: BENCH_EMAIL, apiToken, ...counts };
}
