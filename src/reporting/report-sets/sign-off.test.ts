// Portfolio sign-off against the demo council in real PostgreSQL: the director proposes, the Cabinet Member signs
// off (locking the measures) or returns with a comment; every refusal, the stale version, and the audit rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../../access/current-user.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { aSet, codesOfSet, governanceUsers, refused, setInput, type Who } from './report-sets.fixtures.ts';
import { reportSetByName } from './report-sets.queries.ts';
import { saveReportSet } from './report-sets.service.ts';
import {
  proposeReportSet,
  returnReportSet,
  signOffReportSet,
  transitionReportSet,
} from './sign-off.service.ts';

let t: TestDatabase;
let users: Record<Who, CurrentUser>;

before(async () => {
  t = await freshDatabase('demo');
  users = await governanceUsers(t.db);
});
after(async () => t.drop());

const current = async (name: string) => {
  const set = await reportSetByName(t.db, users.officer.councilId, name);
  assert.ok(set, name);
  return set;
};

async function auditActions(setId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'report_set')
    .where('entity_id', '=', setId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('proposing and signing off a portfolio set', () => {
  test('the director proposes, the Cabinet Member signs off, and the signed-off measures are locked', async () => {
    const set = await aSet(t.db, users.officer);
    assert.equal(set.signOff, 'draft');
    const proposed = await proposeReportSet(t.db, users.director, set.name, { version: set.version });
    assert.equal(proposed.signOff, 'proposed');
    assert.equal(proposed.proposedBy, 'Angela Foster');
    const signed = await signOffReportSet(t.db, users.cabinet, set.name, { version: proposed.version });
    assert.equal(signed.signOff, 'signed_off');
    assert.equal(signed.decidedBy, 'Cllr Priya Shah');
    assert.ok(signed.decidedAt);

    // Changing the measures directly is refused, pointing to a change request; nothing changes.
    await refused(
      saveReportSet(t.db, users.officer, {
        input: setInput({ name: set.name, measures: ['HOU-01', 'HOU-02'] }),
        existing: { name: set.name, version: signed.version },
      }),
      409,
      /signed off by Cllr Priya Shah .* locked\. To add or remove a measure, request a change/,
      'measures',
    );
    assert.deepEqual(await codesOfSet(t.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);
    await refused(
      saveReportSet(t.db, users.officer, {
        input: setInput({ name: set.name, year: '2032-33' }),
        existing: { name: set.name, version: signed.version },
      }),
      409,
      /cannot be changed/,
      'year',
    );
    // The title and recipients are not what was signed off: they may still change.
    const retitled = await saveReportSet(t.db, users.officer, {
      input: setInput({ name: set.name, title: 'Housing performance', recipients: [] }),
      existing: { name: set.name, version: signed.version },
    });
    assert.equal(retitled.title, 'Housing performance');
    assert.equal(retitled.signOff, 'signed_off');

    assert.deepEqual(await auditActions(set.id), [
      'reportset.create',
      'reportset.propose',
      'reportset.sign_off',
      'reportset.update',
    ]);
  });

  test('a return needs a comment; the returned set shows it and can be proposed again', async () => {
    const set = await aSet(t.db, users.officer);
    const proposed = await proposeReportSet(t.db, users.director, set.name, { version: set.version });
    await refused(
      returnReportSet(t.db, users.cabinet, set.name, { version: proposed.version, comment: '  ' }),
      400,
      /Enter your comments/,
      'comment',
    );
    assert.equal((await current(set.name)).signOff, 'proposed');
    const returned = await returnReportSet(t.db, users.cabinet, set.name, {
      version: proposed.version,
      comment: 'Add the damp and mould measures before I sign.',
    });
    assert.equal(returned.signOff, 'returned');
    assert.equal(returned.returnComment, 'Add the damp and mould measures before I sign.');

    // While returned the selection may change again, and then be proposed afresh.
    const edited = await saveReportSet(t.db, users.officer, {
      input: setInput({ name: set.name, measures: ['HOU-01', 'HOU-07', 'HOU-08'] }),
      existing: { name: set.name, version: returned.version },
    });
    const again = await proposeReportSet(t.db, users.director, set.name, { version: edited.version });
    assert.equal(again.signOff, 'proposed');
    assert.equal(again.returnComment, '');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'report_set')
      .where('entity_id', '=', set.id)
      .where('action', '=', 'reportset.return')
      .executeTakeFirstOrThrow();
    assert.equal(
      (audit.after as { comment: string }).comment,
      'Add the damp and mould measures before I sign.',
    );
  });
});

describe('refusals', () => {
  test('the wrong people are refused with 403: a data owner, a councillor, the officer, another portfolio’s Cabinet Member, a director of another directorate', async () => {
    const set = await aSet(t.db, users.officer);
    const propose = (who: Who) => proposeReportSet(t.db, users[who], set.name, { version: set.version });
    await refused(propose('owner'), 403, /permission/);
    await refused(propose('councillor'), 403, /permission/);
    await refused(propose('officer'), 403, /permission/);
    await refused(propose('cabinet'), 403, /permission/);
    await refused(
      propose('directorAdults'),
      403,
      /Only a director whose directorate answers to the Housing portfolio/,
    );

    const proposed = await proposeReportSet(t.db, users.director, set.name, { version: set.version });
    const decide = (who: Who) => signOffReportSet(t.db, users[who], set.name, { version: proposed.version });
    await refused(
      decide('cabinetAdults'),
      403,
      /Only the Cabinet Member for the Housing portfolio \(Cllr Priya Shah\)/,
    );
    await refused(decide('director'), 403, /permission/);
    await refused(decide('officer'), 403, /permission/);
    await refused(decide('owner'), 403, /permission/);
    await refused(
      returnReportSet(t.db, users.cabinetAdults, set.name, { version: proposed.version, comment: 'No' }),
      403,
      /Only the Cabinet Member/,
    );
    assert.equal((await current(set.name)).signOff, 'proposed');
  });

  test('a stale version answers 409 naming who changed the set, and changes nothing', async () => {
    const set = await aSet(t.db, users.officer);
    await saveReportSet(t.db, users.officer, {
      input: setInput({ name: set.name, title: 'Retitled' }),
      existing: { name: set.name, version: set.version },
    });
    await refused(
      proposeReportSet(t.db, users.director, set.name, { version: set.version }),
      409,
      /Someone else changed Retitled .*changed by Hannah Wright/,
      'version',
    );
    assert.equal((await current(set.name)).signOff, 'draft');
  });

  test('a step from the wrong state answers 409 naming the state the set is in', async () => {
    const set = await aSet(t.db, users.officer);
    await refused(
      signOffReportSet(t.db, users.cabinet, set.name, { version: set.version }),
      409,
      /is draft, so it cannot be signed off: only a proposed set can be/,
    );
    const proposed = await proposeReportSet(t.db, users.director, set.name, { version: set.version });
    await refused(
      proposeReportSet(t.db, users.director, set.name, { version: proposed.version }),
      409,
      /is proposed, so it cannot be proposed for sign-off: only a draft or returned set can be/,
    );
  });

  test('only a portfolio set with measures is proposed; an unknown set is 404', async () => {
    const committee = await aSet(t.db, users.officer, {
      audience: 'committee',
      portfolio: '',
      committee: 'SC-PH',
    });
    assert.equal(committee.signOff, null);
    await refused(
      proposeReportSet(t.db, users.director, committee.name, { version: committee.version }),
      409,
      /is not a Cabinet portfolio's set/,
    );
    await refused(
      transitionReportSet(t.db, users.cabinet, committee.name, 'sign_off', { version: committee.version }),
      409,
      /only a portfolio's measures are signed off/,
    );
    const empty = await aSet(t.db, users.officer, { measures: [] });
    await refused(
      proposeReportSet(t.db, users.director, empty.name, { version: empty.version }),
      409,
      /has no measures yet/,
    );
    await refused(
      proposeReportSet(t.db, users.director, 'no-such-set', { version: 1 }),
      404,
      /no report set/,
    );
  });
});
