// PostgreSQL restarted under load: while it is down every request is answered 503 with Retry-After (never a 500 or
// a dropped connection), and once it is back the app serves again by itself, with no restart.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../access/guard.ts';
import { readConfig } from '../config.ts';
import { connect, type Db } from '../db/connection.ts';
import { startEmbedded, type DatabaseHandle } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { buildServer } from './server.ts';

let dataDir: string;
let cluster: DatabaseHandle;
let port: number;
let db: Db;
let app: FastifyInstance;
let baseUrl: string;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'scorecard-restart-'));
  // Run as root, PostgreSQL runs as an unprivileged user that must reach its cluster inside.
  await chmod(dataDir, 0o755);
  cluster = await startEmbedded(dataDir, { quiet: true });
  port = Number(new URL(cluster.url).port);
  db = connect(cluster.url);
  await migrate(db);
  app = await buildServer({ db, config: { ...readConfig({}), logLevel: 'silent' } }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  await app.close();
  await db.destroy();
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A page that reads the database on every request: the guard looks the session cookie up. */
async function ask(): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    headers: { cookie: `${SESSION_COOKIE}=not-a-session` },
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  };
}

/** Eight callers asking over and over until told to stop; every answer is kept. */
function underLoad(): { stop(): Promise<{ status: number; retryAfter: string | null; body: string }[]> } {
  let running = true;
  const answers: { status: number; retryAfter: string | null; body: string }[] = [];
  const callers = Array.from({ length: 8 }, async () => {
    while (running) answers.push(await ask());
  });
  return {
    async stop() {
      running = false;
      await Promise.all(callers);
      return answers;
    },
  };
}

test('while PostgreSQL is down the app answers 503, and it serves again on its own when PostgreSQL is back', async () => {
  assert.equal((await ask()).status, 200);
  const load = underLoad();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await cluster.stop();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const whileDown = await ask();
  assert.equal(whileDown.status, 503);
  assert.equal(whileDown.retryAfter, '5');
  assert.match(whileDown.body, /The database is not available at the moment/);

  cluster = await startEmbedded(dataDir, { quiet: true, port });
  let recovered = false;
  for (let waited = 0; waited < 15_000 && !recovered; waited += 100) {
    recovered = (await ask()).status === 200;
    if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answers = await load.stop();
  assert.ok(recovered, 'the app did not serve again after PostgreSQL came back');
  const statuses = new Set(answers.map((a) => a.status));
  assert.deepEqual([...statuses].sort(), [200, 503], `statuses seen under load: ${[...statuses].join(', ')}`);
  assert.ok(answers.length > 50, `${answers.length} answers under load`);
});
