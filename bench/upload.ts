// Times a 100,000-row CSV upload — read, previewed and committed through the same code as the web upload, in a
// process of its own (upload-child.ts) — against a plain COPY of the same rows into an unindexed table, in the same
// run; reports rows/s and the upload process's peak memory.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { withFreshDatabase } from './cluster.ts';
import { copyInto } from './copy.ts';
import { BENCH_EMAIL, generateCouncil } from './generate.ts';
import { figure, timed, type BenchRow } from './measure.ts';
import type { UploadChildReport } from './upload-child.ts';
import { randomFor } from '../src/demo/random.ts';

export const title = 'Upload 100,000 figures (CSV)';

const GOAL_SHARE_OF_COPY = 0.25;
const GOAL_PEAK_MIB = 300;
const SEED = 20261126;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

/** Future months from January 2030, so every row is a new figure, as in a council's monthly return. */
function monthKey(i: number): string {
  return `${2030 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The file's rows: value-type measures × as many months as make up the count; deterministic from the seed. Made
 * once for the file and again, after the upload, for the COPY.
 */
function* uploadRows(codes: readonly string[], count: number): Generator<string[]> {
  const random = randomFor(SEED, 'upload');
  let made = 0;
  for (let i = 0; made < count; i++)
    for (const code of codes) {
      if (made++ >= count) return;
      yield [
        code,
        monthKey(i),
        random.between(0, 1000).toFixed(1),
        i % 50 === 0 ? 'Checked with the service' : '',
      ];
    }
}

/** The file's bytes, written 64 KB at a time so that making it leaves little garbage behind to inflate the RSS. */
function csvOf(rows: Iterable<string[]>): Buffer {
  const parts: Buffer[] = [];
  let chunk = 'measure_code,period,value,commentary';
  for (const row of rows) {
    chunk += `\n${row.join(',')}`;
    if (chunk.length >= 64 * 1024) {
      parts.push(Buffer.from(chunk, 'utf8'));
      chunk = '';
    }
  }
  parts.push(Buffer.from(chunk, 'utf8'));
  return Buffer.concat(parts);
}

const repository = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the upload in a child process that does nothing else, with plain node defaults (no heap cap), so its peak
 * RSS is the upload's own and not this process's council generation, COPY or benchmark code.
 */
async function uploadInChild(options: {
  url: string;
  csv: Buffer;
  count: number;
}): Promise<UploadChildReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-upload-'));
  try {
    const file = path.join(dir, 'bench.csv');
    await writeFile(file, options.csv);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join('bench', 'upload-child.ts')],
      {
        cwd: repository,
        env: {
          ...process.env,
          DATABASE_URL: options.url,
          BENCH_UPLOAD_CSV: file,
          BENCH_UPLOAD_EMAIL: BENCH_EMAIL,
          BENCH_UPLOAD_ROWS: String(options.count),
          // Plain node defaults: no heap cap or other flag inherited from whoever started the benchmark.
          NODE_OPTIONS: '',
        },
        maxBuffer: 1024 * 1024,
      },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as UploadChildReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const count = envNumber('BENCH_UPLOAD_ROWS', 100_000);
  return withFreshDatabase(async ({ db, url }) => {
    // A light history: the upload's cost is in the rows it writes, not in the figures already there.
    const { councilId } = await generateCouncil(db, {
      measures: 2000,
      months: 12,
      seed: SEED,
      databaseUrl: url,
    });
    const measures = await db
      .selectFrom('measures')
      .select('code')
      .where('council_id', '=', councilId)
      .where('calculation_type', '=', 'value')
      .orderBy('code')
      .execute();
    const codes = measures.map((m) => m.code);
    const csv = csvOf(uploadRows(codes, count));
    const fileBytes = csv.byteLength;
    const upload = await uploadInChild({ url, csv, count });
    const written = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM data_values WHERE source = 'upload'`.execute(db))
        .rows[0]?.n,
    );

    // The same rows by plain COPY into a table with no index, no trigger, no check: the floor of the cost.
    await sql`CREATE UNLOGGED TABLE bench_copy (measure_code text, period text, value numeric, commentary text)`.execute(
      db,
    );
    // Made before the clock starts, as the upload's file was: the COPY is timed sending rows, not making them.
    const rows = [...uploadRows(codes, count)];
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const copied = await timed(() =>
      copyInto(client, 'bench_copy', ['measure_code', 'period', 'value', 'commentary'], rows),
    );
    // Two floors for any design that stores figures, not just appends rows: the same COPY into a logged table with
    // only a figure's unique key, and an INSERT … SELECT of the copied rows into a copy of data_values with its
    // own indexes and checks but no foreign key, trigger, revision or audit row.
    await sql`CREATE TABLE bench_keyed (measure_code text, period text, value numeric, commentary text, UNIQUE (measure_code, period))`.execute(
      db,
    );
    const keyed = await timed(() =>
      copyInto(client, 'bench_keyed', ['measure_code', 'period', 'value', 'commentary'], rows),
    );
    await sql`CREATE TABLE bench_values (LIKE data_values INCLUDING ALL)`.execute(db);
    const indexed = await timed(() =>
      client.query(`INSERT INTO bench_values (council_id, measure_id, period, period_start, period_end, value, commentary)
         SELECT m.council_id, m.id, c.period, to_date(c.period, 'YYYY-MM'),
                (to_date(c.period, 'YYYY-MM') + interval '1 month - 1 day')::date, c.value, coalesce(c.commentary, '')
           FROM bench_copy c JOIN measures m ON m.code = c.measure_code`),
    );
    await client.end();

    const uploadSeconds = (upload.previewMs + upload.commitMs) / 1000;
    const uploadRate = count / uploadSeconds;
    const copyRate = count / (copied.ms / 1000);
    return [
      {
        ...figure('rows written by the upload', written, 'rows'),
        goal: `= ${count}`,
        met: written === count,
      },
      figure('file size', fileBytes / 2 ** 20, 'MiB'),
      figure('read + preview', upload.previewMs / 1000, 's'),
      figure('commit (one transaction)', upload.commitMs / 1000, 's'),
      figure('upload rate (read + preview + commit)', uploadRate, 'rows/s'),
      figure('COPY of the same rows into an unindexed table', copied.ms / 1000, 's'),
      figure('COPY rate', copyRate, 'rows/s'),
      figure(
        "floor: COPY into a table with only a figure's unique key, / COPY rate",
        copied.ms / keyed.ms,
        '×',
      ),
      figure(
        "floor: INSERT … SELECT into data_values' indexes alone (no FK, trigger, revision, audit), / COPY rate",
        copied.ms / indexed.ms,
        '×',
      ),
      {
        ...figure('upload rate / COPY rate', uploadRate / copyRate, '×'),
        goal: `≥ ${GOAL_SHARE_OF_COPY}`,
        met: uploadRate / copyRate >= GOAL_SHARE_OF_COPY,
      },
      figure(
        'upload process: RSS before the upload (its code loaded, connected, file read)',
        upload.rssBefore / 2 ** 20,
        'MiB',
      ),
      figure(
        'upload process: peak RSS by the end of the preview',
        upload.peakRssByEndOfPreview / 2 ** 20,
        'MiB',
      ),
      figure(
        'benchmark process peak RSS (council generated, COPY; not the upload)',
        process.resourceUsage().maxRSS / 1024,
        'MiB',
      ),
      {
        ...figure('upload process: peak RSS', upload.peakRss / 2 ** 20, 'MiB'),
        goal: `< ${GOAL_PEAK_MIB}`,
        met: upload.peakRss / 2 ** 20 < GOAL_PEAK_MIB,
      },
    ];
  });
}
