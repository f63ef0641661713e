// Deletes every row belonging to one council, in an order the foreign keys allow. The order is read from
// the catalogue rather than written down, so tables added by later migrations are cleared too.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';

interface ForeignKey {
  child: string;
  child_cols: string[];
  parent: string;
  parent_cols: string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  on_delete: string;
}

async function foreignKeys(db: Kysely<Database>): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    SELECT ch.relname AS child, pa.relname AS parent, c.confdeltype::text AS on_delete,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS child_cols,
      ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS parent_cols
    FROM pg_constraint c
    JOIN pg_class ch ON ch.oid = c.conrelid
    JOIN pg_class pa ON pa.oid = c.confrelid
    WHERE c.contype = 'f' AND ch.relnamespace = current_schema()::regnamespace
    ORDER BY ch.relname, c.conname`.execute(db);
  return result.rows;
}

/** Tables (not views, not partitions) in the current schema with a council_id column, councils aside. */
async function councilTables(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT cl.relname AS name FROM pg_class cl
    JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attname = 'council_id' AND NOT a.attisdropped
    WHERE cl.relnamespace = current_schema()::regnamespace AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
    ORDER BY cl.relname`.execute(db);
  return result.rows.map((r) => r.name);
}

const columns = (names: string[]) => sql.join(names.map((n) => sql.ref(n)));

/** Children before parents where the foreign keys say so; cycles are broken arbitrarily. */
function deletionOrder(tables: string[], keys: ForeignKey[]): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (order.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const fk of keys) if (fk.parent === table && tables.includes(fk.child)) visit(fk.child);
    visiting.delete(table);
    order.push(table);
  };
  tables.forEach(visit);
  return order;
}

export async function deleteCouncilRows(db: Kysely<Database>, councilId: string): Promise<void> {
  // Append-only tables (improvement actions' progress notes) let this council's rows go in this transaction only.
  await sql`SELECT set_config('scorecard.removing_council', ${String(councilId)}, true)`.execute(db);
  const keys = await foreignKeys(db);
  const tables = deletionOrder(await councilTables(db), keys);

  /**
   * Removes the rows that would stop `where`'s rows of `table` being deleted: referencing rows without
   * ON DELETE CASCADE are deleted first (their own dependants before them); cascading ones are only searched.
   */
  const clearDependants = async (
    table: string,
    where: RawBuilder<unknown>,
    path: string[],
  ): Promise<void> => {
    for (const fk of keys) {
      if (fk.parent !== table || fk.child === table || path.includes(fk.child)) continue;
      if (fk.on_delete === 'n' || fk.on_delete === 'd') continue;
      const childWhere = sql`(${columns(fk.child_cols)}) IN (SELECT ${columns(fk.parent_cols)} FROM ${sql.table(table)} WHERE ${where})`;
      await clearDependants(fk.child, childWhere, [...path, table]);
      if (fk.on_delete !== 'c') await sql`DELETE FROM ${sql.table(fk.child)} WHERE ${childWhere}`.execute(db);
    }
  };

  for (const table of tables) {
    const where = sql`council_id = ${councilId}`;
    await clearDependants(table, where, []);
    await sql`DELETE FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  }
}
