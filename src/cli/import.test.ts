// `scorecard import values` as a script runs it: problems printed with their row and column, exit 1 when any row
// has an error, a second import of the same file changing nothing, and a process killed half-way through its
// commit leaving no figure and no committed upload behind.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { aCenturyOfBreakdowns } from '../collection/upload/large-file.fixtures.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';

let database: TestDatabase;
let dir: string;

before(async () => {
  database = await freshDatabase('demo');
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-import-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await database.drop();
});

const officer = 'performance@anytown.example';

async function csvFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

function scorecard(...args: string[]) {
  return spawnSync(process.execPath, ['bin/scorecard.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.url },
  });
}

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(database.db)).rows[0]?.n ?? -1;
}

test('a dry run prints each problem with its row and column, writes nothing and exits 1', async () => {
  const file = await csvFile('bad.csv', 'measure_code,period,value\nHOU-08,2031-04,3\nHOU-08,2031-05,abc\n');
  const run = scorecard('import', 'values', file, '--dry-run', '--email', officer);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /error: row 3, column value: 'abc' is not a number/);
  assert.match(run.stdout, /1 accepted, 0 with warnings, 1 with errors\./);
  assert.match(run.stderr, /scorecard: 1 row has errors: nothing was written/);
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM data_values WHERE period LIKE '2031-%'`), 0);
});

test('a clean file is committed with exit 0, and importing it again changes nothing', async () => {
  const file = await csvFile('good.csv', 'measure_code,period,value\nHOU-08,2032-04,3\nHOU-08,2032-05,4\n');
  const dry = scorecard('import', 'values', file, '--dry-run', '--email', officer);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /Dry run: nothing was written\./);
  const first = scorecard('import', 'values', file, '--email', officer);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Committed upload \d+: 2 figures written, 0 unchanged\./);
  const second = scorecard('import', 'values', file, '--email', officer);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /already committed .*nothing has changed\./);
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM data_values WHERE period LIKE '2032-%'`), 2);
});

test('the progress bar goes to stderr and a file with a warning row is committed with exit 3', async () => {
  // HOU-05 has a soft range rule up to 365 days; the commentary explains the figure, so it goes in with a warning.
  const file = await csvFile(
    'warned.csv',
    'measure_code,period,value,commentary\nHOU-05,2034-04,400,Two long-void flats let after major works\nHOU-08,2034-04,3,\n',
  );
  const run = scorecard('import', 'values', file, '--email', officer);
  assert.equal(run.status, 3, run.stderr);
  assert.match(run.stderr, /Checking rows\s+\[[=\-\s█░]*\] 100% \| 2\/2/);
  assert.match(run.stderr, /Writing figures\s+\[[=\-\s█░]*\] 100% \| 2\/2/);
  assert.match(
    run.stderr,
    /scorecard: 1 row has warnings \(printed above\); the figures were written with them/,
  );
  assert.match(run.stdout, /Committed upload \d+: 2 figures written/);
  assert.doesNotMatch(run.stdout, /Checking rows/, 'the bar stays off stdout');
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM data_values WHERE period = '2034-04'`), 2);
});

test('an unknown user is refused, naming the field', async () => {
  const file = await csvFile('who.csv', 'measure_code,period,value\nHOU-08,2033-04,3\n');
  const run = scorecard('import', 'values', file, '--email', 'nobody@anytown.example');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /email: no user with the e-mail address 'nobody@anytown.example'/);
});

test('killing the import in the middle of its commit leaves no figure and no committed upload', async () => {
  const file = await csvFile('large.csv', aCenturyOfBreakdowns());
  const before = await count(sql`SELECT count(*)::int AS n FROM data_values`);

  const child = spawn(process.execPath, ['bin/scorecard.js', 'import', 'values', file, '--email', officer], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  // The commit has begun writing once a backend of this database holds a transaction id.
  const writing = sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`;
  const deadline = Date.now() + 120_000;
  while ((await count(writing)) === 0) {
    assert.ok(Date.now() < deadline, 'the import never started writing');
    assert.equal(child.exitCode, null, 'the import ended before it was killed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Let it write a good many figures inside the transaction, then kill it without warning.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');

  // PostgreSQL rolls the transaction back when it sees the connection gone.
  const others = sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  while ((await count(others)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM data_values`), before);
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM data_values WHERE period LIKE '21%'`), 0);
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM uploads WHERE file_name = 'large.csv'`), 0);
});
