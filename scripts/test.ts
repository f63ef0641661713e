// `npm test`: starts one embedded PostgreSQL for the whole run, prepares two template databases (empty and
// demo), then runs every test file with Node's test runner. Each test clones a template, so tests never share data.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connection.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load.ts';

async function testFiles(dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.test.ts'))
        found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}

async function prepareTemplates(adminUrl: string): Promise<void> {
  const admin = connect(adminUrl, { max: 1 });
  for (const name of ['scorecard_template_empty', 'scorecard_template_demo']) {
    await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
    const db = connect(adminUrl.replace(/\/[^/]+$/, `/${name}`), { max: 2 });
    await migrate(db);
    if (name.endsWith('demo')) await loadDemo(db);
    await db.destroy();
  }
  await admin.destroy();
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const files = requested.length > 0 ? requested : await testFiles(['src', 'e2e', 'bench']);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'scorecard-test-'));
  // PostgreSQL runs as an unprivileged user when we are root; it must be able to reach its directory.
  await chmod(dataDir, 0o755);
  const cluster = await startEmbedded(dataDir, { quiet: true });
  let code = 1;
  try {
    const adminUrl = cluster.url.replace(/\/[^/]+$/, '/postgres');
    await prepareTemplates(adminUrl);
    code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
        stdio: 'inherit',
        env: { ...process.env, TEST_DATABASE_URL: adminUrl, NODE_ENV: 'test' },
      });
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
  } finally {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

await main();
