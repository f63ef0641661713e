// Opens the Kysely connection pool for a PostgreSQL URL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' rather than a Date at local midnight,
// which would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export function connect(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection can be cut by the server (a restart, a dropped test database); the pool replaces it on the
  // next checkout, so the event is reported, not allowed to crash the process as an unhandled 'error'.
  pool.on('error', (error) => process.stderr.write(`[database] idle connection closed: ${error.message}\n`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
