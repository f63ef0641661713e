// The audit log cannot be changed or emptied by any statement the application sends: only added to.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { deleteCouncilRows } from '../../demo/reset.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('demo');
});
after(() => database.drop());

async function logState(): Promise<string> {
  const row = await sql<{ n: number; digest: string }>`
    SELECT count(*)::int AS n, md5(string_agg(a::text, E'\n' ORDER BY a.id)) AS digest FROM audit_log a`.execute(
    database.db,
  );
  return `${row.rows[0]?.n} ${row.rows[0]?.digest}`;
}

test('updating, deleting or truncating audit rows is refused and every row stays as it was', async () => {
  const before = await logState();
  assert.ok(Number(before.split(' ')[0]) > 0, 'the demo has audit rows');
  await assert.rejects(
    sql`UPDATE audit_log SET action = 'nothing.happened'`.execute(database.db),
    /audit_log is append-only/,
  );
  await assert.rejects(sql`DELETE FROM audit_log`.execute(database.db), /audit_log is append-only/);
  await assert.rejects(
    sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`.execute(database.db),
    /audit_log is append-only/,
  );
  await assert.rejects(
    sql`TRUNCATE audit_log`.execute(database.db),
    /audit_log is append-only: it cannot be truncated/,
  );
  await assert.rejects(
    sql`TRUNCATE improvement_action_notes`.execute(database.db),
    /improvement_action_notes is append-only/,
  );
  assert.equal(await logState(), before);
});

test('new audit rows are still written', async () => {
  const before = Number((await logState()).split(' ')[0]);
  await sql`INSERT INTO audit_log (council_id, action, entity, entity_id)
            SELECT id, 'test.appended', 'council', id::text FROM councils LIMIT 1`.execute(database.db);
  assert.equal(Number((await logState()).split(' ')[0]), before + 1);
});

test("removing a whole council's data (the demo's reset) takes its audit rows with it, in its transaction only", async () => {
  const council = await sql<{ id: string }>`SELECT id::text FROM councils ORDER BY id LIMIT 1`.execute(
    database.db,
  );
  const id = council.rows[0]?.id ?? '';
  await database.db.transaction().execute((trx) => deleteCouncilRows(trx, id));
  const left = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM audit_log WHERE council_id = ${id}`.execute(database.db);
  assert.equal(left.rows[0]?.n, 0);
  // Outside that transaction the setting is gone: a row written now cannot be deleted.
  await sql`INSERT INTO audit_log (council_id, action, entity, entity_id) VALUES (${id}, 'test.after', 'council', ${id})`.execute(
    database.db,
  );
  await assert.rejects(sql`DELETE FROM audit_log`.execute(database.db), /append-only/);
});
