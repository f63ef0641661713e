// A backup of the demo council restored into a fresh database holds every table's rows exactly; a damaged file, a
// database that already holds a council, or another version's backup is refused with nothing restored.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { writeBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

let demo: TestDatabase;
let dir: string;
let file: string;
before(async () => {
  demo = await freshDatabase('demo');
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-backup-'));
  file = path.join(dir, 'demo.backup');
  await writeBackup(demo.db, file);
});
after(async () => {
  await demo.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Every table of the public schema: its row count and an MD5 of all its rows as text, in a stable order. */
async function contents(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1`.execute(
    db,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number; digest: string | null }>`
      SELECT count(*)::int AS n, md5(string_agg(t::text, E'\n' ORDER BY t::text)) AS digest
        FROM ${sql.table(name)} t`.execute(db);
    out[name] = `${row.rows[0]?.n ?? 0} rows, ${row.rows[0]?.digest ?? 'empty'}`;
  }
  return out;
}

async function withEmptyDatabase(work: (db: Db) => Promise<void>): Promise<void> {
  const empty = await freshDatabase('empty');
  try {
    await work(empty.db);
  } finally {
    await empty.drop();
  }
}

test('a restored backup holds every table row for row, and ids carry on after the highest restored', async () => {
  const before = await contents(demo.db);
  assert.ok(Number.parseInt(before.data_values ?? '0', 10) > 1000, 'the demo has figures');
  assert.ok(
    Object.keys(before).some((t) => t.startsWith('benchmark_rows_v')),
    'the demo has benchmark partitions',
  );
  await withEmptyDatabase(async (db) => {
    const summary = await restoreBackup(db, file);
    assert.ok(summary.rows > 1000);
    assert.deepEqual(await contents(db), before);
    const next = await sql<{ id: string }>`
      INSERT INTO councils (slug, name) VALUES ('after-restore', 'After') RETURNING id`.execute(db);
    const highest = await sql<{
      id: string;
    }>`SELECT max(id)::text AS id FROM councils WHERE slug <> 'after-restore'`.execute(db);
    assert.ok(BigInt(next.rows[0]?.id ?? 0) > BigInt(highest.rows[0]?.id ?? 0));
  });
});

test('a backup is refused by a database that already holds a council, and that database is left as it was', async () => {
  const before = await contents(demo.db);
  await assert.rejects(
    restoreBackup(demo.db, file),
    /already holds 1 council: a backup is restored only into an empty database/,
  );
  assert.deepEqual(await contents(demo.db), before);
});

test('a damaged backup is refused naming what is wrong, and nothing is restored', async () => {
  const whole = gunzipSync(await readFile(file));
  const cut = path.join(dir, 'cut.backup');
  await writeFile(cut, gzipSync(whole.subarray(0, Math.floor(whole.length / 2))));
  const altered = path.join(dir, 'altered.backup');
  const text = whole.toString('utf8');
  const at = text.indexOf('Anytown');
  await writeFile(altered, gzipSync(Buffer.from(`${text.slice(0, at)}Anyt0wn${text.slice(at + 7)}`)));
  const notOne = path.join(dir, 'not-one.backup');
  await writeFile(notOne, gzipSync(Buffer.from('name,value\nx,1\n')));
  await withEmptyDatabase(async (db) => {
    const empty = await contents(db);
    await assert.rejects(
      restoreBackup(db, cut),
      /is not a complete Civic Scorecard backup: it ends part-way/,
    );
    await assert.rejects(
      restoreBackup(db, altered),
      /rows do not match the count and checksum recorded with them/,
    );
    await assert.rejects(restoreBackup(db, notOne), /does not start as one/);
    assert.deepEqual(await contents(db), empty);
  });
});

test("another version's backup is refused, naming both versions", async () => {
  const [magic = '', headerLine = '', ...rest] = gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n');
  const header = JSON.parse(headerLine) as { migrations: string[] };
  const latest = header.migrations.at(-1) ?? '';
  const previous = header.migrations.at(-2) ?? '';
  const older = path.join(dir, 'older.backup');
  const olderHeader = { ...header, migrations: header.migrations.slice(0, -1) };
  await writeFile(older, gzipSync(Buffer.from([magic, JSON.stringify(olderHeader), ...rest].join('\n'))));
  await withEmptyDatabase(async (db) => {
    await assert.rejects(
      restoreBackup(db, older),
      new RegExp(
        `taken at migration ${previous.replace('.', '\\.')}; this database is at ${latest.replace('.', '\\.')}`,
      ),
    );
  });
});

test('a backup that cannot be finished leaves no file behind, not even a partial one', async () => {
  // A directory where the backup should go: everything is written, then the last step (the rename) fails.
  const target = path.join(dir, 'occupied');
  await mkdir(path.join(target, 'inside'), { recursive: true });
  await assert.rejects(writeBackup(demo.db, target));
  assert.ok((await stat(target)).isDirectory());
  await assert.rejects(stat(`${target}.partial`));
});
