// A benchmark import killed part-way (SIGKILL, mid-COPY) leaves nothing behind — no dataset, version, partition or
// row — and the same import then runs to the end. The load is one transaction; this proves it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { BENCH_PROFILE, benchProfile, writeNationalFile } from '../../bench/benchmarks-data.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';

let database: TestDatabase;
let dir: string;
let file: string;
const ROWS = 200 * 1000 * 5;

before(async () => {
  database = await freshDatabase('demo');
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-killed-'));
  file = path.join(dir, 'national.csv');
  await writeNationalFile(file, 7, { areas: 200, metrics: 1000, periods: 5 });
  await sql`INSERT INTO benchmark_profiles (council_id, name, definition)
            SELECT id, ${BENCH_PROFILE}, ${JSON.stringify(benchProfile)} FROM councils ORDER BY id LIMIT 1`.execute(
    database.db,
  );
});
after(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

function importing() {
  return spawn(
    process.execPath,
    ['bin/scorecard.js', 'benchmarks', 'import', file, '--profile', BENCH_PROFILE, '--dataset', 'national'],
    { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

async function leftBehind(): Promise<Record<string, number>> {
  const counts = await sql<{ datasets: number; versions: number; partitions: number; rows: number }>`
    SELECT (SELECT count(*)::int FROM benchmark_datasets WHERE name = 'national') AS datasets,
           (SELECT count(*)::int FROM benchmark_dataset_versions v JOIN benchmark_datasets d ON d.id = v.dataset_id
             WHERE d.name = 'national') AS versions,
           (SELECT count(*)::int FROM pg_class WHERE relname LIKE 'benchmark_rows_v%' AND relkind = 'r'
             AND NOT relispartition) AS partitions,
           (SELECT count(*)::int FROM benchmark_rows r JOIN benchmark_dataset_versions v ON v.id = r.version_id
              JOIN benchmark_datasets d ON d.id = v.dataset_id WHERE d.name = 'national') AS rows`.execute(
    database.db,
  );
  return { ...counts.rows[0] } as Record<string, number>;
}

test('an import killed mid-COPY leaves nothing, and the same import then completes', async () => {
  const before = await leftBehind();
  const child = importing();
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  // Killed once PostgreSQL has taken some rows but well before the end.
  let copied = 0;
  for (let waited = 0; copied < 50_000; waited += 20) {
    assert.ok(waited < 60_000, 'the import never started copying');
    const progress = await sql<{ n: string }>`
      SELECT coalesce(max(tuples_processed), 0)::text AS n FROM pg_stat_progress_copy`.execute(database.db);
    copied = Number(progress.rows[0]?.n ?? 0);
    if (copied < 50_000) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.ok(copied < ROWS, `killed part-way (${copied} of ${ROWS} rows copied)`);
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  // The server ends the dead connection's transaction; wait until its backend has gone.
  for (let waited = 0; ; waited += 50) {
    const busy = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_progress_copy`.execute(
      database.db,
    );
    if ((busy.rows[0]?.n ?? 0) === 0) break;
    assert.ok(waited < 10_000, 'the killed COPY is still running');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(await leftBehind(), before);

  const again = importing();
  let out = '';
  let err = '';
  again.stdout.on('data', (d: Buffer) => (out += d.toString()));
  again.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => again.on('exit', (c) => resolve(c)));
  assert.equal(code, 0, err);
  assert.match(out.trim(), /^\d+$/);
  assert.deepEqual(await leftBehind(), { ...before, datasets: 1, versions: 1, rows: ROWS });
});
