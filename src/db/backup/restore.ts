// `scorecard restore`: a backup loaded into an empty database of the same version, in one transaction. Each table's
// rows are checked against the count and SHA-256 the backup recorded; any difference, and nothing is restored.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db } from '../connection.ts';
import { ValidationError } from '../../web/errors.ts';
import {
  MAGIC,
  type BackupEnd,
  type BackupHeader,
  type TableHeader,
  type TableTrailer,
} from './backup-format.ts';
import { BackupReader } from './backup-reader.ts';
import { backupTables, foreignKeys, quoted } from './tables.ts';

export interface RestoreSummary {
  takenAt: string;
  tables: number;
  rows: number;
}

export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  const reader = new BackupReader(file);
  if ((await reader.line()) !== MAGIC) throw reader.broken('it does not start as one');
  const header = await reader.json<BackupHeader>('its description');
  const client = await poolOf(db).connect();
  try {
    await client.query('BEGIN');
    await refuseUnlessEmptyAndSameVersion(client, header);
    const here = await backupTables(client);
    // The rows are restored as they were: triggers that keep derived tables (scorecard generations) must not run.
    for (const t of here) await client.query(`ALTER TABLE ${quoted(t.name)} DISABLE TRIGGER USER`);
    // Rows the migrations wrote (reference tables) are in the backup too: the backup's copy is the one kept.
    const toEmpty = here
      .filter((t) => t.name !== 'schema_migrations' && !t.partition)
      .map((t) => quoted(t.name));
    if (toEmpty.length > 0) await client.query(`TRUNCATE ${toEmpty.join(', ')} CASCADE`);
    // Some keys point both ways (a dataset's current version, a version's dataset), so no table order satisfies
    // them all: they are set aside for the load and made again after it, which checks every restored row.
    const keys = await foreignKeys(client);
    for (const key of keys)
      await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quoted(key.name)}`);
    let rows = 0;
    for (let n = 0; n < header.tables; n++) {
      const table = await reader.json<TableHeader>(`table ${n + 1}'s description`);
      rows += await restoreTable(client, reader, table);
    }
    const end = await reader.json<BackupEnd>('its end');
    if (end.end !== true || end.tables !== header.tables)
      throw reader.broken('its end does not match its start');
    for (const key of keys)
      await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quoted(key.name)} ${key.definition}`);
    for (const t of await backupTables(client))
      await client.query(`ALTER TABLE ${quoted(t.name)} ENABLE TRIGGER USER`);
    await resetSequences(client);
    await client.query('COMMIT');
    return { takenAt: header.takenAt, tables: header.tables, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function refuseUnlessEmptyAndSameVersion(client: pg.PoolClient, header: BackupHeader): Promise<void> {
  const councils = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM councils');
  const held = councils.rows[0]?.n ?? 0;
  if (held > 0)
    throw ValidationError.field(
      'database',
      `The database already holds ${held} ${held === 1 ? 'council' : 'councils'}: a backup is restored only into an empty database`,
    );
  const migrations = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  const here = migrations.rows.map((r) => r.name);
  if (here.join() !== header.migrations.join())
    throw ValidationError.field(
      'file',
      `The backup was taken at migration ${header.migrations.at(-1) ?? 'none'}; this database is at ${here.at(-1) ?? 'none'}: restore with the version of Civic Scorecard that took it, then upgrade`,
    );
}

async function restoreTable(
  client: pg.PoolClient,
  reader: BackupReader,
  table: TableHeader,
): Promise<number> {
  if (table.table === 'schema_migrations') {
    // Checked equal above; its rows are read past.
    await reader.rows(nowhere(), () => undefined);
    await reader.json<TableTrailer>('the migrations’ row count');
    return 0;
  }
  if (table.partition)
    await client.query(
      `CREATE TABLE ${quoted(table.table)} PARTITION OF ${quoted(table.partition.of)} ${table.partition.bound}`,
    );
  const hash = createHash('sha256');
  let lines = 0;
  const columns = table.columns.map(quoted).join(', ');
  const stream = client.query(copyFrom(`COPY ${quoted(table.table)} (${columns}) FROM STDIN`));
  const done = once(stream, 'finish');
  try {
    await reader.rows(stream, (piece) => {
      hash.update(piece);
      for (let at = piece.indexOf(10); at >= 0; at = piece.indexOf(10, at + 1)) lines++;
    });
  } finally {
    stream.end();
  }
  await done;
  const trailer = await reader.json<TableTrailer>(`${table.table}'s row count`);
  if (trailer.rows !== lines || trailer.sha256 !== hash.digest('hex'))
    throw reader.broken(`${table.table}'s rows do not match the count and checksum recorded with them`);
  return lines;
}

/** Identity and serial columns carry on after the highest id restored. */
async function resetSequences(client: pg.PoolClient): Promise<void> {
  const owned = await client.query<{ sequence: string; table_name: string; column_name: string }>(`
    SELECT s.oid::regclass::text AS sequence, t.oid::regclass::text AS table_name, a.attname AS column_name
      FROM pg_class s
      JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      JOIN pg_namespace n ON n.oid = s.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = 'public'`);
  for (const o of owned.rows)
    await client.query(
      `SELECT setval($1::regclass, coalesce((SELECT max(${quoted(o.column_name)}) FROM ${o.table_name}), 1),
                     (SELECT max(${quoted(o.column_name)}) FROM ${o.table_name}) IS NOT NULL)`,
      [o.sequence],
    );
}

function nowhere(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
