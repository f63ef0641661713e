// The real `scorecard serve` in a process of its own, on a test database, so a test can kill it without warning
// (SIGKILL) and start it again. Its database connections carry their own application name, so the test can wait
// for PostgreSQL to notice they are gone and roll back what they had begun.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface ServerProcess {
  baseUrl: string;
  /** SIGKILL, and wait for the process to end. */
  kill(): Promise<void>;
  /**
   * Waits until PostgreSQL has ended every connection the killed process had, rolling back what they had begun. A
   * backend waiting on a lock notices its client is gone only once it gets the lock.
   */
  disconnected(): Promise<void>;
  /** A clean stop (SIGTERM), as an operator would. */
  stop(): Promise<void>;
}

export async function startServerProcess(
  db: Db,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const applicationName = `scorecard-test-${process.pid}-${port}`;
  const child = spawn(process.execPath, ['bin/scorecard.js', 'serve'], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PGAPPNAME: applicationName,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await untilServing(child, baseUrl, () => stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseUrl,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    disconnected: () => untilDisconnected(db, applicationName),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function untilServing(child: ChildProcess, baseUrl: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`scorecard serve exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`scorecard serve did not answer within 2 minutes: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function untilDisconnected(db: Db, applicationName: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const left = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${applicationName}`.execute(
      db,
    );
    if ((left.rows[0]?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error('PostgreSQL still holds the killed server’s connections');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port nothing is listening on now (loopback only). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The backends of that server which are inside a transaction holding a write lock on the table. */
export async function writingTo(db: Db, table: string): Promise<boolean> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE c.relname = ${table} AND l.mode = 'RowExclusiveLock' AND l.granted AND a.pid <> pg_backend_pid()
      AND a.application_name LIKE 'scorecard-test-%'`.execute(db);
  return (result.rows[0]?.n ?? 0) > 0;
}
