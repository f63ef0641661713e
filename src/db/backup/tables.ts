// The tables a backup holds: every table of the public schema, partitions of benchmark_rows included with the bound
// that recreates them; and the foreign keys a restore sets aside while it loads and checks again after.
import type pg from 'pg';

export interface BackupTable {
  name: string;
  /** Stored columns in order; generated ones are left out (the database computes them again). */
  columns: string[];
  /** For a partition: its parent and bound, e.g. `FOR VALUES IN ('12')`. */
  partition: { of: string; bound: string } | null;
}

/** Every table with rows of its own (a partitioned parent holds none; its partitions are listed). */
export async function backupTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const tables = await client.query<{
    name: string;
    columns: string[];
    parent: string | null;
    bound: string | null;
  }>(`
    SELECT c.relname AS name,
           ARRAY(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns,
           parent.relname AS parent,
           CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
      LEFT JOIN pg_class parent ON parent.oid = i.inhparent
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY c.relname`);
  return tables.rows.map((t) => ({
    name: t.name,
    columns: t.columns,
    partition: t.parent && t.bound ? { of: t.parent, bound: t.bound } : null,
  }));
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** The schema's foreign keys as declared (a partition's copies of its parent's keys are left to the parent). */
export async function foreignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const keys = await client.query<ForeignKey>(`
    SELECT k.conrelid::regclass::text AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
      FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE n.nspname = 'public' AND k.contype = 'f' AND k.conparentid = 0
     ORDER BY 1, 2`);
  return keys.rows;
}

/** Double-quoted, for names read from the catalogue. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
