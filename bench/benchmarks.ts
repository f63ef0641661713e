// Loads a generated national benchmark file (400 areas × 2,500 metrics × 5 periods = 5,000,000 rows by default)
// through the real importer in a process of its own (benchmarks-child.ts), beside a plain COPY of the same file
// into an unindexed table in the same run; then times 200 peer-group comparisons of one metric over 5 periods.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { compiled } from '../bin/compile.mjs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { compare } from '../src/benchmarking/compare.service.ts';
import { saveGroups } from '../src/benchmarking/groups.service.ts';
import { randomFor } from '../src/demo/random.ts';
import type { BenchmarksChildReport } from './benchmarks-child.ts';
import {
  BENCH_PROFILE,
  benchProfile,
  metricCode,
  neighbourGroups,
  periodKeys,
  writeNationalFile,
  type NationalShape,
} from './benchmarks-data.ts';
import { withFreshDatabase } from './cluster.ts';
import { figure, latencyRows, summarise, timed, timeInterleaved, type BenchRow } from './measure.ts';

export const title = 'Benchmark dataset import (5,000,000 rows) and peer-group comparisons';

const GOAL_SHARE_OF_COPY = 0.5;
const GOAL_PEAK_MIB = 300;
const GOAL_COMPARE_P95_MS = 50;
const SEED = 20261127;
const COMPARISONS = 200;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

const repository = fileURLToPath(new URL('..', import.meta.url));

async function importInChild(url: string, file: string, councilId: string): Promise<BenchmarksChildReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    // Compiled as `scorecard` runs (bin/compile.mjs): plain Node, no TypeScript loader in the importer's process.
    [fileURLToPath(await compiled('bench/benchmarks-child.ts'))],
    {
      cwd: repository,
      env: {
        ...process.env,
        DATABASE_URL: url,
        BENCH_BENCHMARKS_CSV: file,
        BENCH_BENCHMARKS_COUNCIL: councilId,
        // Plain node defaults: no heap cap or other flag inherited from whoever started the benchmark.
        NODE_OPTIONS: '',
      },
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as BenchmarksChildReport;
}

/** The file as it is, by PostgreSQL's own CSV reader: the floor any importer of it is measured against. */
async function plainCopy(client: pg.Client, table: string, file: string): Promise<number> {
  const stream = client.query(
    copyFrom(
      `COPY ${table} (metric_code, area_code, area_name, period, value) FROM STDIN WITH (FORMAT csv, HEADER true)`,
    ),
  );
  await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), stream);
  return stream.rowCount;
}

export async function run(): Promise<BenchRow[]> {
  const shape: NationalShape = {
    areas: envNumber('BENCH_BENCHMARKS_AREAS', 400),
    metrics: envNumber('BENCH_BENCHMARKS_METRICS', 2500),
    periods: envNumber('BENCH_BENCHMARKS_PERIODS', 5),
  };
  const expected = shape.areas * shape.metrics * shape.periods;
  const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-benchmarks-'));
  try {
    const file = path.join(dir, 'national.csv');
    const written = await writeNationalFile(file, SEED, shape);
    const fileBytes = (await stat(file)).size;
    return await withFreshDatabase(async ({ db, url }) => {
      const { id: councilId } = await db
        .insertInto('councils')
        .values({ slug: 'bench-benchmarks', name: 'Benchmark council', area_code: 'E06000001' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('benchmark_profiles')
        .values({ council_id: councilId, name: BENCH_PROFILE, definition: JSON.stringify(benchProfile) })
        .execute();

      const loaded = await importInChild(url, file, councilId);

      // The same file by plain COPY, into a table with no index, in the same run.
      await sql
        .raw(
          `CREATE TABLE bench_plain (metric_code text COLLATE "C", area_code text COLLATE "C", area_name text,
                                     period text COLLATE "C", value numeric)`,
        )
        .execute(db);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const copied = await timed(() => plainCopy(client, 'bench_plain', file));
      // The floor of this design with no JavaScript at all: the plain COPY, then the importer's own index built
      // with the importer's sort memory, so the floor differs from the import only by the reading and checking.
      await client.query(`SET maintenance_work_mem = '256MB'`);
      const plainIndex = await timed(() =>
        client.query(`CREATE INDEX bench_plain_metric ON bench_plain (metric_code)`),
      );
      // The design given up, for the record: the database checking uniqueness with a key over metric, period
      // and area (bench/README.md).
      await client.query('DROP INDEX bench_plain_metric');
      const uniqueKey = await timed(() =>
        client.query(`CREATE UNIQUE INDEX ON bench_plain (metric_code, period, area_code) INCLUDE (value)`),
      );
      await client.end();
      await sql`DROP TABLE bench_plain`.execute(db);

      // Comparisons: one metric over every period against an area's nearest neighbours, a different metric and
      // group each time, as measure pages across the country would ask.
      await db
        .updateTable('benchmark_metrics')
        .set({ polarity: 'higher' })
        .where('dataset_id', '=', loaded.datasetId)
        .execute();
      const groups = neighbourGroups(shape.areas).slice(0, 50);
      await saveGroups(
        db,
        { councilId, userId: null },
        groups.map((g) => ({ ...g, kind: 'nearest-neighbours' as const, source: 'bench' })),
      );
      const random = randomFor(SEED, 'comparisons');
      const periods = periodKeys(shape.periods);
      let answered = 0;
      const ask = async () => {
        const comparisons = await compare(db, councilId, {
          dataset: loaded.datasetId,
          metric: metricCode(Math.floor(random.next() * shape.metrics)),
          periods,
          group: random.pick(groups).name,
        });
        if (comparisons.length !== periods.length || (comparisons[0]?.count ?? 0) < 10)
          throw new Error('a comparison came back short');
        answered++;
      };
      const [samples = []] = await timeInterleaved([ask], 10, COMPARISONS);

      const importRate = loaded.rows / (loaded.importMs / 1000);
      const copyRate = copied.result / (copied.ms / 1000);
      const peakMib = loaded.peakRss / 2 ** 20;
      const p95 = summarise(samples).p95;
      return [
        {
          ...figure('rows loaded by the importer', loaded.rows, 'rows'),
          goal: `= ${expected}`,
          met: loaded.rows === expected && written === expected,
        },
        figure('file size', fileBytes / 2 ** 20, 'MiB'),
        figure('import (read, check, COPY, index, attach, one transaction)', loaded.importMs / 1000, 's'),
        figure('import rate', importRate, 'rows/s'),
        ...Object.entries(loaded.timings).map(([step, ms]) =>
          figure(`  import step: ${step}`, ms / 1000, 's'),
        ),
        figure('plain COPY of the same file into an unindexed table', copied.ms / 1000, 's'),
        figure('plain COPY rate', copyRate, 'rows/s'),
        figure(
          'floor: plain COPY then the same index built, / plain COPY rate',
          copied.ms / (copied.ms + plainIndex.ms),
          '×',
        ),
        figure(
          '(given up) plain COPY then a unique key built, / plain COPY rate',
          copied.ms / (copied.ms + uniqueKey.ms),
          '×',
        ),
        {
          ...figure('import rate / plain COPY rate', importRate / copyRate, '×'),
          goal: `≥ ${GOAL_SHARE_OF_COPY}`,
          met: importRate / copyRate >= GOAL_SHARE_OF_COPY,
        },
        figure(
          'import process: RSS before the import (code loaded, connected)',
          loaded.rssBefore / 2 ** 20,
          'MiB',
        ),
        {
          ...figure('import process: peak RSS', peakMib, 'MiB'),
          goal: `< ${GOAL_PEAK_MIB}`,
          met: peakMib < GOAL_PEAK_MIB,
        },
        figure('comparisons answered', answered - 10, ''),
        ...latencyRows('peer-group comparison, one metric over 5 periods', summarise(samples)).map((row) =>
          row.name.endsWith('p95')
            ? { ...row, goal: `< ${GOAL_COMPARE_P95_MS}`, met: p95 < GOAL_COMPARE_P95_MS }
            : row,
        ),
      ];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
