// saveValue against real PostgreSQL: versions and 409s, revisions, the audit row, all-or-nothing writes, and
// fifty writers racing on one version.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { aMeasure, aValue, countRows } from '../reporting/fixtures.ts';
import { rejects, saveWorld, type SaveWorld } from './values.fixtures.ts';
import { StaleValueError } from './values.service.ts';

let w: SaveWorld;
before(async () => {
  w = await saveWorld();
});
after(async () => w.t.drop());

describe('saving', () => {
  test('a new figure is stored as submitted, with revision 1 and an audit row, in one go', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const saved = await w.save(m.code, '2025-09', { value: '42', commentary: ' Steady. ', version: '0' });
    assert.equal(saved.created, true);
    const row = await w.t.db
      .selectFrom('data_values')
      .selectAll()
      .where('id', '=', saved.value.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.value), 42);
    assert.equal(row.status, 'submitted');
    assert.equal(row.source, 'form');
    assert.equal(String(row.updated_by), w.officer.id);
    assert.equal(row.commentary, 'Steady.');
    const revisions = await w.t.db
      .selectFrom('data_value_revisions')
      .selectAll()
      .where('data_value_id', '=', saved.value.id)
      .execute();
    assert.deepEqual(
      revisions.map((r) => [r.revision, Number(r.value)]),
      [[1, 42]],
    );
    const audit = await w.t.db
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
    const m = await aMeasure(w.t.db, w.place, { unit: 'percent', calculation_type: 'ratio' });
    const saved = await w.save(m.code, '2025-09', { numerator: '45', denominator: '60' });
    assert.deepEqual(
      [saved.value.value, saved.value.numerator, saved.value.denominator].map(Number),
      [75, 45, 60],
    );
  });

  test('a change with the current version makes revision 2 and audits before and after', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const first = await w.save(m.code, '2025-09', { value: '10' });
    const second = await w.save(m.code, '2025-09', { value: '11', version: String(first.value.version) });
    assert.equal(second.created, false);
    assert.equal(second.value.revision, 2);
    assert.equal(second.value.version, 2);
    const audit = await w.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', second.value.id)
      .where('action', '=', 'value.update')
      .executeTakeFirstOrThrow();
    assert.equal((audit.before as { value: string }).value, '10');
    assert.equal((audit.after as { value: string }).value, '11');
  });

  test('a stale version answers 409 with the other person’s figure and changes nothing', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const first = await w.save(m.code, '2025-09', { value: '10' });
    await w.save(m.code, '2025-09', { value: '12', version: '1' });
    const before = await Promise.all([
      countRows(w.t.db, 'data_value_revisions'),
      countRows(w.t.db, 'audit_log'),
    ]);
    await assert.rejects(w.save(m.code, '2025-09', { value: '99', version: '1' }), (error: unknown) => {
      assert.ok(error instanceof StaleValueError);
      assert.equal(error.statusCode, 409);
      assert.equal(error.current?.value, '12');
      assert.match(error.message, /Someone else changed this figure/);
      return true;
    });
    const row = await w.t.db
      .selectFrom('data_values')
      .select(['value', 'version'])
      .where('id', '=', first.value.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([Number(row.value), row.version], [12, 2]);
    assert.deepEqual(
      await Promise.all([countRows(w.t.db, 'data_value_revisions'), countRows(w.t.db, 'audit_log')]),
      before,
    );
  });

  test('changing an existing figure without a version answers 409', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    await w.save(m.code, '2025-09', { value: '10' });
    await rejects(
      w.save(m.code, '2025-09', { value: '11' }),
      409,
      'version',
      /already has a figure for 2025-09 \(version 1\)/,
    );
    await rejects(
      w.save(m.code, '2025-09', { value: '11', version: '0' }),
      409,
      'version',
      /Someone else changed this figure/,
    );
  });

  test('correcting a published figure makes a new revision marked as revised after publication', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const id = await aValue(w.t.db, w.place.councilId, m.id, '2025-08', { value: 7, status: 'published' });
    const saved = await w.save(m.code, '2025-08', { value: '8', version: '1' });
    assert.equal(saved.value.id, id);
    assert.equal(saved.value.revised_after_publication, true);
    assert.equal(saved.value.status, 'submitted');
    const revisions = await w.t.db
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
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    // A real failure inside the transaction: the audit insert is refused for this one commentary.
    await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.after->>'commentary' = 'make the audit fail' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`.execute(
      w.t.db,
    );
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(
      w.t.db,
    );
    try {
      const counts = await Promise.all([
        countRows(w.t.db, 'data_values'),
        countRows(w.t.db, 'data_value_revisions'),
        countRows(w.t.db, 'audit_log'),
      ]);
      await assert.rejects(
        w.save(m.code, '2025-09', { value: '5', commentary: 'make the audit fail' }),
        /audit refused/,
      );
      assert.deepEqual(
        await Promise.all([
          countRows(w.t.db, 'data_values'),
          countRows(w.t.db, 'data_value_revisions'),
          countRows(w.t.db, 'audit_log'),
        ]),
        counts,
      );
    } finally {
      await sql`DROP TRIGGER refuse_audit ON audit_log`.execute(w.t.db);
      await sql`DROP FUNCTION refuse_audit()`.execute(w.t.db);
    }
  });

  test('of 50 concurrent saves at the same version exactly one succeeds', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const first = await w.save(m.code, '2025-09', { value: '1' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        w.save(m.code, '2025-09', { value: String(100 + i), version: String(first.value.version) }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.ok(
      lost.every((r) => r.reason instanceof StaleValueError),
      String(lost.find((r) => !(r.reason instanceof StaleValueError))?.reason),
    );
    const revisions = await w.t.db
      .selectFrom('data_value_revisions')
      .select('revision')
      .where('data_value_id', '=', first.value.id)
      .execute();
    assert.equal(revisions.length, 2);
  });

  test('of 50 concurrent first saves exactly one creates the figure', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => w.save(m.code, '2025-10', { value: String(i), version: '0' })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof StaleValueError));
  });
});
