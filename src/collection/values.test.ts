// saveValue against real PostgreSQL: every validation message, versions and 409s, revisions, the audit row,
// all-or-nothing writes, and fifty writers racing on one version.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { CurrentUser } from '../access/current-user.ts';
import type { Role } from '../db/schema.ts';
import { aCouncil, aMeasure, aService, aUser, aValue, countRows, type Place } from '../reporting/fixtures.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { AppError } from '../web/errors.ts';
import { saveValue, StaleValueError, type SaveRequest } from './values.service.ts';

let t: TestDatabase;
let place: Place;
let officer: CurrentUser;
let owner: CurrentUser;

async function userOf(role: Role, serviceId?: string): Promise<CurrentUser> {
  const id = await aUser(t.db, place.councilId, role, serviceId);
  return {
    id,
    councilId: place.councilId,
    email: 'x@test.example',
    displayName: 'Tester',
    role,
    scopes: serviceId ? [{ type: 'service', id: serviceId }] : [],
    csrfToken: null,
  };
}

function save(code: string, period: string, input: SaveRequest['input'], user = officer) {
  return saveValue(t.db, { user, code, period, input, source: 'form' });
}

/** Asserts the save fails with this status and that some field problem carries the expected message. */
async function rejects(promise: Promise<unknown>, status: number, field: string, message: string | RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.statusCode, status);
    const problem = error.details.find((d) => d.field === field);
    assert.ok(problem, `a problem on ${field}: ${JSON.stringify(error.details)}`);
    if (typeof message === 'string') assert.equal(problem.message, message);
    else assert.match(problem.message, message);
    return true;
  });
}

before(async () => {
  t = await freshDatabase('empty');
  place = await aCouncil(t.db);
  officer = await userOf('performance_officer');
  owner = await userOf('data_owner', place.serviceId);
});
after(async () => t.drop());

describe('validation names the field and the reason', () => {
  test("rejects text that is not a number: 'abc'", async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    await rejects(save(m.code, '2025-09', { value: 'abc' }), 400, 'value', "value: 'abc' is not a number");
  });

  test('rejects a missing figure', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    await rejects(save(m.code, '2025-09', { value: '  ' }), 400, 'value', 'value: enter the figure');
  });

  test('rejects a negative count', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    await rejects(
      save(m.code, '2025-09', { value: '-3' }),
      400,
      'value',
      'value: -3 is negative; a count cannot be below zero',
    );
  });

  test('accepts a negative amount of money', async () => {
    const m = await aMeasure(t.db, place, { unit: 'gbp', decimals: 0 });
    const saved = await save(m.code, '2025-09', { value: '-1,250' });
    assert.equal(Number(saved.value.value), -1250);
  });

  test('rejects a numerator greater than its denominator for a percentage', async () => {
    const m = await aMeasure(t.db, place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      save(m.code, '2025-09', { numerator: '12', denominator: '10' }),
      400,
      'numerator',
      'numerator: 12 is greater than the denominator 10; a percentage cannot be more than 100%',
    );
  });

  test('rejects a zero denominator', async () => {
    const m = await aMeasure(t.db, place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      save(m.code, '2025-09', { numerator: '0', denominator: '0' }),
      400,
      'denominator',
      'denominator: must not be zero (nothing to divide by)',
    );
  });

  test('rejects a ratio without its numerator, naming it', async () => {
    const m = await aMeasure(t.db, place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      save(m.code, '2025-09', { denominator: '10' }),
      400,
      'numerator',
      'numerator: enter the numerator',
    );
  });

  test('rejects a period that does not match the measure frequency', async () => {
    const m = await aMeasure(t.db, place, { code: 'SOC-01', frequency: 'monthly' });
    await rejects(
      save(m.code, '2025-26-Q2', { value: '5' }),
      400,
      'period',
      'period: 2025-26-Q2 is a quarter but SOC-01 is reported monthly',
    );
  });

  test('rejects a period string that is not a period', async () => {
    const m = await aMeasure(t.db, place);
    await rejects(
      save(m.code, '2025-13', { value: '5' }),
      400,
      'period',
      "period: '2025-13' is not a valid period: month must be 01–12",
    );
  });

  test('reports every problem at once', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count', frequency: 'monthly' });
    await assert.rejects(
      save(m.code, '2025-26-Q1', { value: 'ten', commentary: 'x'.repeat(5001) }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(error.details.map((d) => d.field).sort(), ['commentary', 'period', 'value']);
        return true;
      },
    );
  });

  test('a measure outside the user’s scope is not found, exactly like a missing one', async () => {
    const other = await aService(t.db, place.councilId, place.directorateId);
    const theirs = await aMeasure(t.db, { ...place, serviceId: other });
    const missing = save('NO-SUCH', '2025-09', { value: '1' }, owner);
    await assert.rejects(missing, {
      statusCode: 404,
      message: "There is no measure with the code 'NO-SUCH'",
    });
    await assert.rejects(save(theirs.code, '2025-09', { value: '1' }, owner), {
      statusCode: 404,
      message: `There is no measure with the code '${theirs.code}'`,
    });
    const mine = await aMeasure(t.db, place, { unit: 'count' });
    const saved = await save(mine.code, '2025-09', { value: '1' }, owner);
    assert.equal(saved.created, true);
  });
});

describe('saving', () => {
  test('a new figure is stored as submitted, with revision 1 and an audit row, in one go', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const saved = await save(m.code, '2025-09', { value: '42', commentary: ' Steady. ', version: '0' });
    assert.equal(saved.created, true);
    const row = await t.db
      .selectFrom('data_values')
      .selectAll()
      .where('id', '=', saved.value.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.value), 42);
    assert.equal(row.status, 'submitted');
    assert.equal(row.source, 'form');
    assert.equal(String(row.updated_by), officer.id);
    assert.equal(row.commentary, 'Steady.');
    const revisions = await t.db
      .selectFrom('data_value_revisions')
      .selectAll()
      .where('data_value_id', '=', saved.value.id)
      .execute();
    assert.deepEqual(
      revisions.map((r) => [r.revision, Number(r.value)]),
      [[1, 42]],
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'data_value')
      .where('entity_id', '=', saved.value.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'value.create');
    assert.equal(audit[0]?.before, null);
    assert.equal((audit[0]?.after as { value: string }).value, '42');
  });

  test('a ratio figure is worked out from numerator and denominator', async () => {
    const m = await aMeasure(t.db, place, { unit: 'percent', calculation_type: 'ratio' });
    const saved = await save(m.code, '2025-09', { numerator: '45', denominator: '60' });
    assert.deepEqual(
      [saved.value.value, saved.value.numerator, saved.value.denominator].map(Number),
      [75, 45, 60],
    );
  });

  test('a change with the current version makes revision 2 and audits before and after', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const first = await save(m.code, '2025-09', { value: '10' });
    const second = await save(m.code, '2025-09', { value: '11', version: String(first.value.version) });
    assert.equal(second.created, false);
    assert.equal(second.value.revision, 2);
    assert.equal(second.value.version, 2);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', second.value.id)
      .where('action', '=', 'value.update')
      .executeTakeFirstOrThrow();
    assert.equal((audit.before as { value: string }).value, '10');
    assert.equal((audit.after as { value: string }).value, '11');
  });

  test('a stale version answers 409 with the other person’s figure and changes nothing', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const first = await save(m.code, '2025-09', { value: '10' });
    await save(m.code, '2025-09', { value: '12', version: '1' });
    const before = await Promise.all([countRows(t.db, 'data_value_revisions'), countRows(t.db, 'audit_log')]);
    await assert.rejects(save(m.code, '2025-09', { value: '99', version: '1' }), (error: unknown) => {
      assert.ok(error instanceof StaleValueError);
      assert.equal(error.statusCode, 409);
      assert.equal(error.current?.value, '12');
      assert.match(error.message, /Someone else changed this figure/);
      return true;
    });
    const row = await t.db
      .selectFrom('data_values')
      .select(['value', 'version'])
      .where('id', '=', first.value.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([Number(row.value), row.version], [12, 2]);
    assert.deepEqual(
      await Promise.all([countRows(t.db, 'data_value_revisions'), countRows(t.db, 'audit_log')]),
      before,
    );
  });

  test('changing an existing figure without a version answers 409', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    await save(m.code, '2025-09', { value: '10' });
    await rejects(
      save(m.code, '2025-09', { value: '11' }),
      409,
      'version',
      /already has a figure for 2025-09 \(version 1\)/,
    );
    await rejects(
      save(m.code, '2025-09', { value: '11', version: '0' }),
      409,
      'version',
      /Someone else changed this figure/,
    );
  });

  test('correcting a published figure makes a new revision marked as revised after publication', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const id = await aValue(t.db, place.councilId, m.id, '2025-08', { value: 7, status: 'published' });
    const saved = await save(m.code, '2025-08', { value: '8', version: '1' });
    assert.equal(saved.value.id, id);
    assert.equal(saved.value.revised_after_publication, true);
    assert.equal(saved.value.status, 'submitted');
    const revisions = await t.db
      .selectFrom('data_value_revisions')
      .select(['revision', 'value', 'status'])
      .where('data_value_id', '=', id)
      .orderBy('revision')
      .execute();
    assert.deepEqual(
      revisions.map((r) => [r.revision, Number(r.value), r.status]),
      [
        [1, 7, 'published'],
        [2, 8, 'submitted'],
      ],
    );
  });

  test('nothing is half-written when a step of the save fails', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    // A real failure inside the transaction: the audit insert is refused for this one commentary.
    await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.after->>'commentary' = 'make the audit fail' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`.execute(
      t.db,
    );
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(
      t.db,
    );
    try {
      const counts = await Promise.all([
        countRows(t.db, 'data_values'),
        countRows(t.db, 'data_value_revisions'),
        countRows(t.db, 'audit_log'),
      ]);
      await assert.rejects(
        save(m.code, '2025-09', { value: '5', commentary: 'make the audit fail' }),
        /audit refused/,
      );
      assert.deepEqual(
        await Promise.all([
          countRows(t.db, 'data_values'),
          countRows(t.db, 'data_value_revisions'),
          countRows(t.db, 'audit_log'),
        ]),
        counts,
      );
    } finally {
      await sql`DROP TRIGGER refuse_audit ON audit_log`.execute(t.db);
      await sql`DROP FUNCTION refuse_audit()`.execute(t.db);
    }
  });

  test('of 50 concurrent saves at the same version exactly one succeeds', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const first = await save(m.code, '2025-09', { value: '1' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        save(m.code, '2025-09', { value: String(100 + i), version: String(first.value.version) }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.ok(
      lost.every((r) => r.reason instanceof StaleValueError),
      String(lost.find((r) => !(r.reason instanceof StaleValueError))?.reason),
    );
    const revisions = await t.db
      .selectFrom('data_value_revisions')
      .select('revision')
      .where('data_value_id', '=', first.value.id)
      .execute();
    assert.equal(revisions.length, 2);
  });

  test('of 50 concurrent first saves exactly one creates the figure', async () => {
    const m = await aMeasure(t.db, place, { unit: 'count' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => save(m.code, '2025-10', { value: String(i), version: '0' })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof StaleValueError));
  });
});
