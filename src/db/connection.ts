// Opens the Kysely connection pool for a PostgreSQL URL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PreparingClient } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' rather than a Date at local midnight,
// which would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

// Each Db's pool, for the few jobs Kysely cannot do: COPY needs a client of its own (benchmarking/import).
const pools = new WeakMap<Db, pg.Pool>();

/** The pool behind a Db made by connect(). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Db was not made by connect(): it has no pool to lend a client from');
  return pool;
}

/**
 * `DATABASE_PREPARED_STATEMENTS=false` sends every query unnamed, for a connection pooler that cannot keep
 * prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
 */
export function connect(url: string, options: { max?: number } = {}): Db {
  const prepared = process.env.DATABASE_PREPARED_STATEMENTS !== 'false';
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(prepared ? { Client: PreparingClient } : {}),
  });
  // An idle connection can be cut by the server (a restart, a dropped test database); the pool replaces it on the
  // next checkout, so the event is reported, not allowed to crash the process as an unhandled 'error'.
  pool.on('error', (error) => process.stderr.write(`[database] idle connection closed: ${error.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}
