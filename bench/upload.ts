// Times a 100,000-row CSV upload — read, previewed and committed through the same code as the web upload — against
// a plain COPY of the same rows into an unindexed table, in the same run; reports rows/s and peak memory.
import { sql } from 'kysely';
import pg from 'pg';
import { findUserByEmail, toCurrentUser } from '../src/access/users.queries.ts';
import { defaultLimits } from '../src/collection/upload/limits.ts';
import { commitPreviewed, previewFile } from '../src/collection/upload/upload.service.ts';
import { withFreshDatabase } from './cluster.ts';
import { copyInto } from './copy.ts';
import { BENCH_EMAIL, generateCouncil } from './generate.ts';
import { figure, timed, type BenchRow } from './measure.ts';
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
 * once for the file and again, after the upload, for the COPY, so the benchmark holds no copy of its own while the
 * upload runs and the peak RSS is the upload's.
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
    const userRow = await findUserByEmail(db, BENCH_EMAIL);
    if (!userRow) throw new Error('the benchmark council has no officer');
    const user = toCurrentUser(userRow, null);

    const rssBefore = process.memoryUsage().rss;
    const limits = { ...defaultLimits, maxRows: Math.max(defaultLimits.maxRows, count) };
    // As on the web, the preview is shown and let go before the commit (a request of its own) begins.
    const previewed = await timed(async () => {
      const { preview, uploadId, sha256 } = await previewFile(
        db,
        user,
        { fileName: 'bench.csv', bytes: csv },
        limits,
        { keep: true },
      );
      if (preview.counts.error > 0 || !uploadId)
        throw new Error(
          `the benchmark file has ${preview.counts.error} error rows: ${preview.rows.find((r) => r.status === 'error')?.messages[0]?.text}`,
        );
      return { uploadId, sha256 };
    });
    const { uploadId, sha256 } = previewed.result;
    const previewPeakMiB = process.resourceUsage().maxRSS / 1024;
    const committed = await timed(() => commitPreviewed(db, user, uploadId, sha256, limits));
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const rssAfter = process.memoryUsage().rss;
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
    await client.end();

    const uploadSeconds = (previewed.ms + committed.ms) / 1000;
    const uploadRate = count / uploadSeconds;
    const copyRate = count / (copied.ms / 1000);
    return [
      {
        ...figure('rows written by the upload', written, 'rows'),
        goal: `= ${count}`,
        met: written === count,
      },
      figure('file size', csv.byteLength / 2 ** 20, 'MiB'),
      figure('read + preview', previewed.ms / 1000, 's'),
      figure('commit (one transaction)', committed.ms / 1000, 's'),
      figure('upload rate (read + preview + commit)', uploadRate, 'rows/s'),
      figure('COPY of the same rows into an unindexed table', copied.ms / 1000, 's'),
      figure('COPY rate', copyRate, 'rows/s'),
      {
        ...figure('upload rate / COPY rate', uploadRate / copyRate, '×'),
        goal: `≥ ${GOAL_SHARE_OF_COPY}`,
        met: uploadRate / copyRate >= GOAL_SHARE_OF_COPY,
      },
      figure(
        'RSS before the upload (server code, council loaded, file in memory)',
        rssBefore / 2 ** 20,
        'MiB',
      ),
      figure('peak RSS by the end of the preview', previewPeakMiB, 'MiB'),
      figure('RSS growth during the upload', (rssAfter - rssBefore) / 2 ** 20, 'MiB'),
      {
        ...figure('process peak RSS', peakMiB, 'MiB'),
        goal: `< ${GOAL_PEAK_MIB}`,
        met: peakMiB < GOAL_PEAK_MIB,
      },
    ];
  });
}
