// Runs a use case's writes all-or-nothing: in a transaction of its own, or, when the caller is already inside one
// (the demo loads a council in a single transaction and signs off its sets through these same use cases), behind a
// savepoint, so a refusal undoes the use case's own writes and leaves the caller's.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  await sql`SAVEPOINT report_set_use_case`.execute(db);
  try {
    const result = await work(db);
    await sql`RELEASE SAVEPOINT report_set_use_case`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT report_set_use_case`.execute(db);
    throw error;
  }
}
