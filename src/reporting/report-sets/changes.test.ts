// Mid-year changes to a signed-off portfolio set in real PostgreSQL: a signed-off add or remove changes the
// measures and is listed by changesSince; a returned one changes nothing; the refusals for the wrong people and sets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../../access/current-user.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import {
  decideReportSetChange,
  requestReportSetChange,
  returnReportSetChange,
  signOffReportSetChange,
} from './changes.service.ts';
import {
  aSet,
  codesOfSet,
  governanceUsers,
  measureIdsOf,
  refused,
  type Who,
} from './report-sets.fixtures.ts';
import { changesSince, type ReportSet, reportSetByName } from './report-sets.queries.ts';
import { proposeReportSet, signOffReportSet } from './sign-off.service.ts';

let t: TestDatabase;
let users: Record<Who, CurrentUser>;

before(async () => {
  t = await freshDatabase('demo');
  users = await governanceUsers(t.db);
});
after(async () => t.drop());

/** A Housing set with HOU-01, HOU-02 and HOU-07, proposed and signed off. */
async function signedOffSet(): Promise<ReportSet> {
  const set = await aSet(t.db, users.officer);
  const proposed = await proposeReportSet(t.db, users.director, set.name, { version: set.version });
  return signOffReportSet(t.db, users.cabinet, set.name, { version: proposed.version });
}

const reload = async (name: string) => {
  const set = await reportSetByName(t.db, users.officer.councilId, name);
  assert.ok(set, name);
  return set;
};

describe('a signed-off change', () => {
  test('adding and removing change the measures, keep the set signed off, and are listed by changesSince', async () => {
    const set = await signedOffSet();
    const add = await requestReportSetChange(t.db, users.director, set.name, {
      change: 'add',
      measure: 'HOU-08',
      reason: 'The national review of damp and mould asks us to report hazards found.',
    });
    const remove = await requestReportSetChange(t.db, users.officer, set.name, {
      change: 'remove',
      measure: 'HOU-02',
      reason: 'Replaced by the new prevention duty measure.',
    });
    // A request alone changes nothing.
    assert.deepEqual(await codesOfSet(t.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);

    await signOffReportSetChange(t.db, users.cabinet, set.name, add.id);
    const afterFirst = await reload(set.name);
    const firstDecided = (await changesSince(t.db, set.id, null))[0]?.decidedAt;
    assert.ok(firstDecided);
    await signOffReportSetChange(t.db, users.cabinet, set.name, remove.id, 'Agreed at portfolio briefing.');

    const now = await reload(set.name);
    assert.deepEqual(await codesOfSet(t.db, set.id), ['HOU-01', 'HOU-07', 'HOU-08']);
    assert.equal(now.signOff, 'signed_off');
    assert.equal(now.version, afterFirst.version + 1, 'each signed-off change moves the version');
    assert.ok(afterFirst.version > set.version);

    const all = await changesSince(t.db, set.id, null);
    assert.deepEqual(
      all.map((c) => [c.change, c.measureCode, c.reason, c.decidedBy]),
      [
        [
          'add',
          'HOU-08',
          'The national review of damp and mould asks us to report hazards found.',
          'Cllr Priya Shah',
        ],
        ['remove', 'HOU-02', 'Replaced by the new prevention duty measure.', 'Cllr Priya Shah'],
      ],
    );
    assert.ok(all.every((c) => c.measureTitle.length > 0));
    assert.ok(
      all.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.date)),
      'the day, as reports show it',
    );
    const since = await changesSince(t.db, set.id, firstDecided);
    assert.deepEqual(
      since.map((c) => c.measureCode),
      ['HOU-02'],
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'report_set')
      .where('entity_id', '=', set.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(audit.map((a) => a.action).slice(-4), [
      'reportset.change_request',
      'reportset.change_request',
      'reportset.change_sign_off',
      'reportset.change_sign_off',
    ]);
  });

  test('a returned change needs a comment, leaves the measures as they were and is not in changesSince', async () => {
    const set = await signedOffSet();
    const { id } = await requestReportSetChange(t.db, users.director, set.name, {
      change: 'remove',
      measure: 'HOU-07',
      reason: 'Duplicated by the TSM measure.',
    });
    await refused(
      returnReportSetChange(t.db, users.cabinet, set.name, id, ''),
      400,
      /Enter your comments/,
      'comment',
    );
    await returnReportSetChange(t.db, users.cabinet, set.name, id, 'Damp and mould stays: it is a priority.');
    assert.deepEqual(await codesOfSet(t.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);
    assert.deepEqual(await changesSince(t.db, set.id, null), []);
    const row = await t.db
      .selectFrom('report_set_changes')
      .select(['status', 'decision_comment'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      status: 'returned',
      decision_comment: 'Damp and mould stays: it is a priority.',
    });
    // Deciding it again is refused, naming who decided it.
    await refused(
      signOffReportSetChange(t.db, users.cabinet, set.name, id),
      409,
      /already been decided by Cllr Priya Shah/,
    );
  });
});

describe('refusals', () => {
  test('only a director of the portfolio or the performance team requests; only its Cabinet Member decides', async () => {
    const set = await signedOffSet();
    const ask = (who: Who) =>
      requestReportSetChange(t.db, users[who], set.name, {
        change: 'add',
        measure: 'HOU-08',
        reason: 'Needed',
      });
    await refused(ask('owner'), 403, /Only a director of the portfolio or the performance team/);
    await refused(ask('councillor'), 403, /Only a director/);
    await refused(ask('cabinet'), 403, /Only a director/);
    await refused(
      ask('directorAdults'),
      403,
      /Only a director whose directorate answers to the Housing portfolio/,
    );
    const { id } = await ask('director');
    await refused(
      signOffReportSetChange(t.db, users.cabinetAdults, set.name, id),
      403,
      /Only the Cabinet Member for the Housing portfolio/,
    );
    await refused(signOffReportSetChange(t.db, users.director, set.name, id), 403, /permission/);
    await refused(signOffReportSetChange(t.db, users.officer, set.name, id), 403, /permission/);
    await refused(
      decideReportSetChange(t.db, users.cabinet, set.name, '999999', 'sign_off'),
      404,
      /no change request/,
    );
    assert.deepEqual(await codesOfSet(t.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);
  });

  test('bad requests name the field; a second request for the same measure waits for the first', async () => {
    const set = await signedOffSet();
    const ask = (change: string, measure: string, reason = 'A reason') =>
      requestReportSetChange(t.db, users.director, set.name, { change, measure, reason });
    await refused(ask('add', 'HOU-01'), 400, /HOU-01 is already in/, 'measure');
    await refused(ask('remove', 'HOU-08'), 400, /HOU-08 is not in/, 'measure');
    await refused(ask('add', 'NOPE-1'), 400, /There is no measure NOPE-1/, 'measure');
    await refused(ask('add', 'HOU-08', ' '), 400, /Enter the reason/, 'reason');
    await refused(ask('swap', 'HOU-08'), 400, /add or remove/, 'change');
    await ask('add', 'HOU-08');
    await refused(
      ask('add', 'HOU-08'),
      409,
      /already awaiting the Cabinet Member: requested by Angela Foster/,
      'measure',
    );
  });

  test('a set that is not signed off changes directly, not by request', async () => {
    const draft = await aSet(t.db, users.officer);
    await refused(
      requestReportSetChange(t.db, users.director, draft.name, {
        change: 'add',
        measure: 'HOU-08',
        reason: 'x',
      }),
      409,
      /is not signed off yet/,
    );
    const committee = await aSet(t.db, users.officer, {
      audience: 'committee',
      portfolio: '',
      committee: 'SC-PH',
    });
    await refused(
      requestReportSetChange(t.db, users.officer, committee.name, {
        change: 'add',
        measure: 'HOU-08',
        reason: 'x',
      }),
      409,
      /is not a Cabinet portfolio's set/,
    );
  });
});

describe('inside a caller’s transaction', () => {
  test('a change joins it; a refusal undoes only the change’s own writes, and the caller’s commit keeps the rest', async () => {
    const set = await signedOffSet();
    const { id } = await requestReportSetChange(t.db, users.director, set.name, {
      change: 'add',
      measure: 'HOU-08',
      reason: 'Hazards found.',
    });
    await t.db.transaction().execute(async (tx) => {
      const title = 'Housing: renamed inside the caller’s transaction';
      await tx.updateTable('report_sets').set({ title }).where('id', '=', set.id).execute();
      // Someone put HOU-08 in the set by hand: signing the change off decides it, then finds it cannot apply it.
      const [hou08] = await measureIdsOf(tx, ['HOU-08']);
      assert.ok(hou08);
      await tx
        .insertInto('report_set_measures')
        .values({
          council_id: users.officer.councilId,
          report_set_id: set.id,
          measure_id: hou08,
          position: 9,
        })
        .execute();
      await refused(signOffReportSetChange(tx, users.cabinet, set.name, id), 409, /already in/);
    });
    const change = await t.db
      .selectFrom('report_set_changes')
      .select(['status', 'decided_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(change, { status: 'proposed', decided_by: null }, 'the decision was undone');
    assert.equal((await reload(set.name)).title, 'Housing: renamed inside the caller’s transaction');
  });
});
