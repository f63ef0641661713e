// Queries sent often become prepared statements on their connection; one-off and very long ones never do, and
// DATABASE_PREPARED_STATEMENTS=false turns it off for poolers that cannot keep them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { connect, type Db } from './connection.ts';
import { statementName } from './prepared-statements.ts';

let t: TestDatabase;
before(async () => {
  t = await freshDatabase('empty');
});
after(async () => t.drop());

/** Runs a distinct parameterised query `times` times on one connection; the statements prepared there after. */
async function preparedAfter(db: Db, times: number): Promise<{ answers: number[]; prepared: string[] }> {
  const marker = randomUUID();
  return db.connection().execute(async (connection) => {
    const answers: number[] = [];
    for (let i = 0; i < times; i++) {
      const row = await sql<{ n: number }>`SELECT ${i}::int + 1 AS n -- ${sql.raw(marker)}`.execute(
        connection,
      );
      answers.push(row.rows[0]?.n ?? -1);
    }
    const prepared = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(
      connection,
    );
    return { answers, prepared: prepared.rows.map((r) => r.statement).filter((s) => s.includes(marker)) };
  });
}

describe('prepared statements', () => {
  test('a text is named from its third sending on, always with the same name', () => {
    const text = `SELECT ${randomUUID()}`;
    assert.equal(statementName(text), undefined);
    assert.equal(statementName(text), undefined);
    const name = statementName(text);
    assert.match(name ?? '', /^cs_[\w-]{24}$/);
    assert.equal(statementName(text), name);
    assert.notEqual(statementName(`SELECT ${randomUUID()}`), name);
  });

  test('a very long text is never named', () => {
    const text = `SELECT 1 -- ${'x'.repeat(9_000)}`;
    for (let i = 0; i < 5; i++) assert.equal(statementName(text), undefined);
  });

  test('a query sent often is prepared on its connection, and answers as before', async () => {
    const { answers, prepared } = await preparedAfter(t.db, 6);
    assert.deepEqual(answers, [1, 2, 3, 4, 5, 6]);
    assert.equal(prepared.length, 1, 'prepared once, reused after');
  });

  test('a query sent once or twice is not prepared', async () => {
    const { prepared } = await preparedAfter(t.db, 2);
    assert.equal(prepared.length, 0);
  });

  test('DATABASE_PREPARED_STATEMENTS=false sends every query unnamed', async () => {
    process.env.DATABASE_PREPARED_STATEMENTS = 'false';
    const db = connect(t.url);
    try {
      const { answers, prepared } = await preparedAfter(db, 6);
      assert.deepEqual(answers, [1, 2, 3, 4, 5, 6]);
      assert.equal(prepared.length, 0);
    } finally {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
      await db.destroy();
    }
  });
});
