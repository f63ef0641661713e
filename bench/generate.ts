// Loads the synthetic benchmark council (slug `benchmark`): 8 directorates, 40 services, N measures with a
// headline value and a target for every month, streamed in with COPY; then a performance officer and API token.
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApiToken } from '../src/access/api-tokens.ts';
import { createUser } from '../src/access/users.service.ts';
import type { Db } from '../src/db/connection.ts';
import { copyInto } from './copy.ts';
import {
  dataValueRows,
  measureColumns,
  measureRows,
  measureServiceRows,
  targetColumns,
  targetCopyRows,
  valueColumns,
} from './generate.rows.ts';
import { monthSpans, syntheticMeasure } from './synthetic.ts';

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
  /** Where the load's time went, in order. */
  phases: Phase[];
}

export interface Phase {
  name: string;
  ms: number;
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

async function copyMeasuresAndFigures(
  client: pg.ClientBase,
  councilId: string,
  serviceIds: readonly string[],
  options: GenerateOptions,
  phase: PhaseTimer,
): Promise<{ values: number; targets: number; measures: number }> {
  const measures = Array.from({ length: options.measures }, (_, i) =>
    syntheticMeasure(options.seed, i, serviceIds.length),
  );
  const months = monthSpans(options.months, options.lastMonth ?? '2026-10');
  const loaded = await phase('COPY measures', () =>
    copyInto(client, 'measures', measureColumns, measureRows(councilId, measures, serviceIds)),
  );
  // Identity columns cannot be supplied through COPY, so the ids are read back once by code.
  const idRows = await client.query<{ id: string; code: string }>(
    'SELECT id, code FROM measures WHERE council_id = $1',
    [councilId],
  );
  const ids = new Map(idRows.rows.map((r) => [r.code, String(r.id)]));
  await phase('COPY measure_services', () =>
    copyInto(
      client,
      'measure_services',
      ['council_id', 'measure_id', 'service_id'],
      measureServiceRows(councilId, measures, ids, serviceIds),
    ),
  );
  const targets = await phase('COPY targets', () =>
    copyInto(client, 'targets', targetColumns, targetCopyRows(councilId, measures, ids, months)),
  );
  const values = await phase('COPY data_values', () =>
    copyInto(
      client,
      'data_values',
      valueColumns,
      dataValueRows(councilId, options.seed, measures, ids, months),
    ),
  );
  return { measures: loaded, values, targets };
}

type PhaseTimer = <T>(name: string, work: () => Promise<T>) => Promise<T>;

function phaseTimer(phases: Phase[]): PhaseTimer {
  return async (name, work) => {
    const start = performance.now();
    const result = await work();
    phases.push({ name, ms: performance.now() - start });
    return result;
  };
}

/** Creates and loads the council; the COPY work is one transaction, so a failure leaves no half-loaded figures. */
export async function generateCouncil(db: Db, options: GenerateOptions): Promise<GeneratedCouncil> {
  const phases: Phase[] = [];
  const phase = phaseTimer(phases);
  const { councilId, serviceIds } = await phase('council, directorates and services', () =>
    createStructure(db),
  );
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let counts: { values: number; targets: number; measures: number };
  try {
    await client.query('BEGIN');
    counts = await copyMeasuresAndFigures(client, councilId, serviceIds, options, phase);
    await phase('COMMIT', () => client.query('COMMIT'));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  // Fresh statistics and a visibility map, as autovacuum gives a real database after a load (PostgreSQL 13+
  // vacuums insert-only tables too): the planner sees the real sizes and index-only scans skip the heap.
  await phase('VACUUM ANALYZE', () =>
    sql`VACUUM ANALYZE measures, measure_services, targets, data_values`.execute(db),
  );
  const apiToken = await phase('user and API token', async () => {
    await createUser(db, {
      councilId,
      email: BENCH_EMAIL,
      displayName: 'Benchmark',
      role: 'performance_officer',
      scopes: [],
    });
    return createApiToken(db, { email: BENCH_EMAIL, name: 'benchmark', scopes: ['read'] });
  });
  return { councilId, email: BENCH_EMAIL, apiToken, phases, ...counts };
}
