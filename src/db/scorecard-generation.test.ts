// The council's scorecard generation moves once for each committed transaction that changed what the scorecard
// reads, when it commits (migration 021): saves in one council no longer queue behind each other's open
// transactions, and no reader sees the new generation before it can see the change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import type { Db } from './connection.ts';

let t: TestDatabase;
let councilId: string;
let figures: string[];

before(async () => {
  t = await freshDatabase('demo');
  councilId = String((await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow()).id);
  const rows = await t.db.selectFrom('data_values').select('id').orderBy('id').limit(3).execute();
  figures = rows.map((r) => String(r.id));
});
after(async () => t.drop());

async function generation(db: Db): Promise<number> {
  const row = await sql<{ generation: string }>`
    SELECT generation FROM scorecard_generations WHERE council_id = ${councilId}`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}

function touch(db: Db, id: string | undefined) {
  return sql`UPDATE data_values SET commentary = commentary || '.' WHERE id = ${id}`.execute(db);
}

describe('the scorecard generation', () => {
  test('does not make a save wait for another open transaction of the same council', async () => {
    await t.db.transaction().execute(async (first) => {
      await touch(first, figures[0]);
      // Before, the first transaction held the council's generation row until it committed.
      await t.db.transaction().execute(async (second) => {
        await sql`SET LOCAL lock_timeout = '2s'`.execute(second);
        await touch(second, figures[1]);
      });
    });
  });

  test('moves when the change commits, and not before, once for the transaction', async () => {
    const before = await generation(t.db);
    await t.db.transaction().execute(async (trx) => {
      await touch(trx, figures[0]);
      await touch(trx, figures[1]);
      await sql`UPDATE targets SET value = value WHERE id = (SELECT min(id) FROM targets)`.execute(trx);
      assert.equal(await generation(t.db), before, 'others do not see it move before the commit');
    });
    assert.equal(await generation(t.db), before + 1);
    const left = await sql<{ n: string }>`SELECT count(*) AS n FROM scorecard_changes`.execute(t.db);
    assert.equal(Number(left.rows[0]?.n), 0, 'the notes of what changed are gone with the commit');
  });

  test('does not move for a transaction rolled back', async () => {
    const before = await generation(t.db);
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await touch(trx, figures[2]);
        throw new Error('changed our mind');
      }),
      /changed our mind/,
    );
    assert.equal(await generation(t.db), before);
  });

  test('moves for a change made outside an explicit transaction', async () => {
    const before = await generation(t.db);
    await touch(t.db, figures[2]);
    assert.equal(await generation(t.db), before + 1);
  });
});
