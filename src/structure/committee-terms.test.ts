// A committee's terms of reference are edited and versioned, in real PostgreSQL with the demo council: the first
// save keeps the version it replaced, each save adds one, a stale save is refused naming who saved first, and the
// general committee form writes versions too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { AppError } from '../web/errors.ts';
import { saveTermsOfReference, termsHistory } from './committee-terms.service.ts';
import { FIRST_VERSION_NOTE } from './committee-versions.ts';
import { committeeForEdit, saveCommittee } from './governance.service.ts';
import { refused } from '../testing/refused.ts';

let t: TestDatabase;
const users: Record<string, CurrentUser> = {};

before(async () => {
  t = await freshDatabase('demo');
  for (const name of ['admin', 'performance', 'director.housing']) {
    const row = await findUserByEmail(t.db, `${name}@anytown.example`);
    assert.ok(row, name);
    users[name] = toCurrentUser(row, null);
  }
});
after(async () => t.drop());

const user = (name: string) => {
  const u = users[name];
  assert.ok(u, name);
  return u;
};

async function committee(code: string) {
  return t.db
    .selectFrom('committees')
    .select(['id', 'version', 'themes', 'terms_of_reference'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

async function versions(code: string) {
  const { id } = await committee(code);
  return t.db
    .selectFrom('committee_versions')
    .select(['version', 'themes', 'services', 'terms_of_reference', 'changed_by', 'note'])
    .where('committee_id', '=', id)
    .orderBy('version')
    .execute();
}

const terms = (version: number, themes: string, services: string[], note = '') => ({
  version: String(version),
  termsOfReference: 'To scrutinise council housing, homelessness and the private rented sector.',
  themes,
  services,
  note,
});

describe('editing terms of reference', () => {
  test('the first save keeps the version it replaced and adds the new one; the committee moves to version 2', async () => {
    const before = await committee('SC-PH');
    assert.equal(before.version, 1);
    assert.deepEqual(await versions('SC-PH'), []);
    await saveTermsOfReference(
      t.db,
      user('performance'),
      'SC-PH',
      terms(1, 'council housing\ndamp and mould\nprivate renting', ['HOU-RM', 'HOU-HO'], 'Annual review'),
    );
    assert.equal((await committee('SC-PH')).version, 2);
    const rows = await versions('SC-PH');
    assert.deepEqual(
      rows.map((r) => [r.version, r.themes, r.note]),
      [
        [1, before.themes, FIRST_VERSION_NOTE],
        [2, ['council housing', 'damp and mould', 'private renting'], 'Annual review'],
      ],
    );
    assert.deepEqual(rows[1]?.services, ['HOU-HO', 'HOU-RM']);
    assert.equal(rows[0]?.terms_of_reference, before.terms_of_reference);
    assert.equal(String(rows[1]?.changed_by), user('performance').id);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'committee')
      .where('entity_id', '=', String((await committee('SC-PH')).id))
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((audit[0]?.after as { note: string }).note, 'Annual review');
  });

  test('each later save adds one version, and the history lists them newest first with what changed', async () => {
    await saveTermsOfReference(
      t.db,
      user('admin'),
      'SC-PH',
      terms(2, 'council housing\ndamp and mould', ['HOU-RM', 'HOU-HO']),
    );
    const history = await termsHistory(t.db, user('director.housing'), 'SC-PH');
    assert.deepEqual(
      history.map((v) => [v.version, v.changed]),
      [
        [3, ['Themes']],
        [2, ['Terms of reference', 'Themes', 'Services']],
        [1, []],
      ],
    );
    assert.equal(history[0]?.changedBy, 'Sam Taylor');
    assert.deepEqual(
      history[0]?.services.map((s) => s.code),
      ['HOU-HO', 'HOU-RM'],
    );
    assert.ok(
      history[0]?.services.every((s) => s.name !== s.code),
      'services are named',
    );
  });

  test('a stale save answers 409 naming who saved first, and saves nothing', async () => {
    const now = (await committee('SC-PH')).version;
    await refused(
      saveTermsOfReference(t.db, user('performance'), 'SC-PH', terms(now - 1, 'waste', ['PLE-WR'])),
      409,
      /Someone else changed the terms of reference of Place & Housing Scrutiny Committee .*by Sam Taylor/,
      'version',
    );
    assert.equal((await committee('SC-PH')).version, now);
    assert.equal((await versions('SC-PH')).length, now);
  });

  test('bad input names each field; a role without committee.write is refused', async () => {
    const now = (await committee('SC-PH')).version;
    await refused(
      saveTermsOfReference(t.db, user('performance'), 'SC-PH', {
        ...terms(now, 'x'.repeat(101), ['NOPE']),
        note: 'y'.repeat(501),
      }),
      400,
      /not saved/,
    );
    await assert.rejects(
      saveTermsOfReference(t.db, user('performance'), 'SC-PH', terms(now, 'x'.repeat(101), ['NOPE'])),
      (error: AppError) =>
        error.details.map((d) => d.field).join() === 'themes,services' &&
        /There is no service NOPE/.test(error.details[1]?.message ?? ''),
    );
    await refused(
      saveTermsOfReference(t.db, user('director.housing'), 'SC-PH', terms(now, 'x', [])),
      403,
      /permission/,
    );
    await refused(
      saveTermsOfReference(t.db, user('admin'), 'SC-NONE', terms(1, 'x', [])),
      404,
      /No committee/,
    );
  });

  test('the general committee form writes a version too, and a new committee starts at version 1', async () => {
    const before = await committeeForEdit(t.db, user('admin'), 'SC-RG');
    await saveCommittee(
      t.db,
      user('admin'),
      {
        code: 'SC-RG',
        title: 'Resources & Governance Scrutiny Committee',
        kind: 'select',
        chairName: 'Cllr Andrew Fletcher',
        termsOfReference: String(before.termsOfReference),
        themes: 'budget\ncouncil tax',
        services: before.services,
        version: String(before.version),
      },
      'SC-RG',
    );
    assert.deepEqual(
      (await versions('SC-RG')).map((v) => [v.version, v.themes.length]),
      [
        [1, (before.themes as string[]).length],
        [2, 2],
      ],
    );
    await saveCommittee(t.db, user('admin'), {
      code: 'SC-NEW',
      title: 'New Panel',
      kind: 'select',
      services: [],
    });
    assert.deepEqual(
      (await versions('SC-NEW')).map((v) => [v.version, v.note]),
      [[1, 'Committee created']],
    );
  });
});
