// Test support: a fresh database per test file, cloned from the empty or demo template that `npm test` prepared.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect, type Db } from '../db/connection.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test` (it starts PostgreSQL)');
  return url;
}

export async function freshDatabase(template: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const name = `t_${template}_${randomBytes(6).toString('hex')}`;
  const admin = connect(adminUrl(), { max: 1 });
  try {
    // CREATE DATABASE … TEMPLATE needs the template to have no other connections; retry briefly if one lingers.
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.raw(`CREATE DATABASE ${name} TEMPLATE scorecard_template_${template}`).execute(admin);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.destroy();
  }
  const url = adminUrl().replace(/\/[^/]+$/, `/${name}`);
  const db = connect(url);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      const dropper = connect(adminUrl(), { max: 1 });
      try {
        await dropDatabase(dropper, name);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

/**
 * Drops a test database once its connections have gone. A closed pool's sockets linger for a moment; forcing
 * the drop then would cut them mid-close, and the cut surfaces in the test process as an uncaught error.
 */
export async function dropDatabase(admin: Db, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const open = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ${name}`.execute(admin);
    if ((open.rows[0]?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
}
