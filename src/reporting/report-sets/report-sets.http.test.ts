// The report-set pages and forms over HTTP as the demo's people: creating a set through the form, the director's
// and Cabinet Member's buttons and "awaiting you", refusals, the locked selection, change requests, and CSRF.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.ts';
import { codesOfSet, FormSession, governanceUsers, TEST_YEAR, uniqueName } from './report-sets.fixtures.ts';
import { proposeCommitteeMeasures } from './report-set-choices.queries.ts';
import { reportSetByName } from './report-sets.queries.ts';

let app: TestApp;
const sessions = new Map<string, FormSession>();

before(async () => {
  app = await startTestApp('demo');
  await governanceUsers(app.db);
});
after(async () => app.close());

async function as(who: string): Promise<FormSession> {
  const email = who.includes('@') ? who : `${who}@anytown.example`;
  const known = sessions.get(email);
  if (known) return known;
  const session = await FormSession.signIn(app.baseUrl, email);
  sessions.set(email, session);
  return session;
}

const setForm = (name: string, measures: string[], extra: Record<string, string | string[]> = {}) => ({
  name,
  title: 'Housing: quarterly performance',
  audience: 'portfolio',
  portfolio: 'PF-HOU',
  committee: '',
  grouping: 'service',
  year: TEST_YEAR,
  recipients: 'cabinet.housing@anytown.example\nhousing.director@anytown.example',
  measuresShown: '1',
  measures,
  ...extra,
});

async function setNamed(name: string) {
  const councilId = (await app.db.selectFrom('councils').select('id').executeTakeFirstOrThrow()).id;
  const set = await reportSetByName(app.db, councilId, name);
  assert.ok(set, name);
  return set;
}

/** Creates a Housing set through the form as the performance officer. */
async function created(measures = ['HOU-01', 'HOU-02', 'HOU-07']) {
  const officer = await as('performance');
  await officer.get('/report-sets/new');
  const name = uniqueName('http-housing');
  const response = await officer.post('/report-sets/new', setForm(name, measures));
  assert.equal(response.status, 303, response.text.slice(0, 500));
  assert.equal(response.location, `/report-sets/${name}?done=saved`);
  return setNamed(name);
}

describe('creating and editing a set through the form', () => {
  test('the officer ticks measures by service; the set page shows them, the audience and the sign-off', async () => {
    const officer = await as('performance');
    const form = await officer.get('/report-sets/new');
    assert.equal(form.status, 200);
    assert.match(form.text, /Housing: 0 ticked/);
    assert.match(form.text, /value="HOU-07"/);
    const set = await created();
    assert.deepEqual(await codesOfSet(app.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);
    assert.deepEqual(set.recipients, ['cabinet.housing@anytown.example', 'housing.director@anytown.example']);
    const page = await officer.get(`/report-sets/${set.name}?done=saved`);
    assert.match(page.text, /The report set was saved/);
    assert.match(page.text, /Cabinet portfolio: Housing \(Cllr Priya Shah\)/);
    assert.match(page.text, /Draft: not yet proposed for sign-off/);
    assert.match(page.text, /href="\/measures\/HOU-07"/);
    const list = await officer.get('/report-sets');
    assert.match(list.text, new RegExp(`href="/report-sets/${set.name}"`));
  });

  test('a bad form comes back with 400 naming each field and keeping what was typed', async () => {
    const officer = await as('performance');
    await officer.get('/report-sets/new');
    const response = await officer.post(
      '/report-sets/new',
      setForm('Bad Name', ['NOPE-1'], { year: '2026-28', recipients: 'not-an-address', portfolio: '' }),
    );
    assert.equal(response.status, 400);
    for (const field of ['name', 'portfolio', 'year', 'recipients', 'measures'])
      assert.match(response.text, new RegExp(`href="#${field}"`), field);
    assert.match(response.text, /&#39;not-an-address&#39; is not an e-mail address/);
    assert.match(response.text, /value="Bad Name"/);
  });

  test('a form without the CSRF token is refused, and nothing is created', async () => {
    const officer = await as('performance');
    const name = uniqueName('csrf');
    const response = await officer.post('/report-sets/new', setForm(name, ['HOU-01']), false);
    assert.equal(response.status, 403);
    assert.match(response.text, /did not come from this site/);
    const rows = await app.db.selectFrom('report_sets').select('id').where('name', '=', name).execute();
    assert.equal(rows.length, 0);
  });

  test('only the performance team may add or edit a set', async () => {
    const director = await as('director.housing');
    assert.equal((await director.get('/report-sets/new')).status, 403);
    const set = await created();
    assert.equal((await director.get(`/report-sets/${set.name}/edit`)).status, 403);
  });

  test('a stale edit answers 409, keeps the typed changes and names who changed the set', async () => {
    const officer = await as('performance');
    const set = await created();
    const edit = `/report-sets/${set.name}/edit`;
    await officer.get(edit);
    const first = await officer.post(edit, setForm(set.name, ['HOU-01'], { version: String(set.version) }));
    assert.equal(first.status, 303);
    const second = await officer.post(
      edit,
      setForm(set.name, ['HOU-02'], { title: 'My title', version: String(set.version) }),
    );
    assert.equal(second.status, 409);
    assert.match(
      second.text,
      /Someone else changed Housing: quarterly performance while you were looking at it/,
    );
    assert.match(second.text, /Hannah Wright/);
    assert.match(second.text, /value="My title"/);
    assert.match(second.text, new RegExp(`name="version" value="${set.version + 1}"`));
    assert.deepEqual(await codesOfSet(app.db, set.id), ['HOU-01']);
  });

  test('a committee set opened from the committee has the measures its terms of reference propose ticked', async () => {
    const officer = await as('performance');
    const form = await officer.get('/report-sets/new?committee=SC-PH');
    assert.equal(form.status, 200);
    assert.match(
      form.text,
      /measures are ticked as proposed by the terms of reference of Place &amp; Housing Scrutiny Committee/,
    );
    assert.match(form.text, /value="HOU-07" checked/);
    assert.match(form.text, /Proposed: a service the committee scrutinises; theme ‘damp and mould’/);
    const boxes = form.text.match(/name="measures" type="checkbox"/g) ?? [];
    const ticked = form.text.match(/name="measures" type="checkbox" value="[^"]+" checked/g) ?? [];
    const committee = await app.db
      .selectFrom('committees')
      .select('id')
      .where('code', '=', 'SC-PH')
      .executeTakeFirstOrThrow();
    const proposal = await proposeCommitteeMeasures(
      app.db,
      String((await app.db.selectFrom('councils').select('id').executeTakeFirstOrThrow()).id),
      String(committee.id),
    );
    assert.equal(ticked.length, proposal.length);
    assert.ok(boxes.length > ticked.length, 'measures outside the terms of reference are offered unticked');
    const unknown = await officer.get('/report-sets/new?committee=NOPE');
    assert.equal(unknown.status, 400);
    assert.match(unknown.text, /There is no select committee NOPE/);
    const committeePage = await officer.get('/structure/committees/SC-PH');
    assert.match(committeePage.text, /href="\/report-sets\/new\?committee=SC-PH"/);
  });
});

describe('sign-off through the set page', () => {
  test('the director proposes, the Cabinet Member returns without a comment (400), then signs off; "awaiting you" follows', async () => {
    const set = await created();
    const director = await as('director.housing');
    const page = await director.get(`/report-sets/${set.name}`);
    assert.match(page.text, />\s*Propose for sign-off\s*</);
    const awaiting = await director.get('/report-sets');
    assert.match(awaiting.text, /To propose for sign-off/);
    const proposed = await director.post(`/report-sets/${set.name}/transitions`, {
      action: 'propose',
      version: String(set.version),
    });
    assert.equal(proposed.status, 303);
    assert.equal(proposed.location, `/report-sets/${set.name}?done=propose`);

    const cabinet = await as('cabinet.housing');
    const list = await cabinet.get('/report-sets');
    assert.match(list.text, /To sign off/);
    assert.match(list.text, new RegExp(`href="/report-sets/${set.name}"`));
    const decide = await cabinet.get(`/report-sets/${set.name}`);
    assert.match(decide.text, /value="sign_off"[^>]*>\s*Sign off\s*</);
    assert.match(decide.text, /value="return"[^>]*>\s*Return with comments\s*</);
    const version = String(set.version + 1);
    const noComment = await cabinet.post(`/report-sets/${set.name}/transitions`, {
      action: 'return',
      version,
    });
    assert.equal(noComment.status, 400);
    assert.match(noComment.text, /There is a problem/);
    assert.match(noComment.text, /href="#comment"/);
    const signed = await cabinet.post(`/report-sets/${set.name}/transitions`, {
      action: 'sign_off',
      version,
    });
    assert.equal(signed.status, 303);
    const after = await cabinet.get(`/report-sets/${set.name}?done=sign_off`);
    assert.match(after.text, /You signed off the measures/);
    assert.match(after.text, /Signed off by Cllr Priya Shah/);
    assert.doesNotMatch(after.text, /value="sign_off"/);
    assert.match(after.text, /Proposed for sign-off/);
  });

  test('the wrong people are refused: 403 for another portfolio’s Cabinet Member and a data owner, 409 for a stale page', async () => {
    const set = await created();
    const director = await as('director.housing');
    const owner = await as('housing.owner');
    await owner.get(`/report-sets/${set.name}`);
    const byOwner = await owner.post(`/report-sets/${set.name}/transitions`, {
      action: 'propose',
      version: String(set.version),
    });
    assert.equal(byOwner.status, 403);
    await director.get(`/report-sets/${set.name}`);
    await director.post(`/report-sets/${set.name}/transitions`, {
      action: 'propose',
      version: String(set.version),
    });
    const adults = await as('cabinet.adults');
    const page = await adults.get(`/report-sets/${set.name}`);
    assert.doesNotMatch(page.text, /value="sign_off"/, 'no buttons for another portfolio');
    const byAdults = await adults.post(`/report-sets/${set.name}/transitions`, {
      action: 'sign_off',
      version: String(set.version + 1),
    });
    assert.equal(byAdults.status, 403);
    assert.match(byAdults.text, /Only the Cabinet Member for the Housing portfolio/);
    const cabinet = await as('cabinet.housing');
    await cabinet.get(`/report-sets/${set.name}`);
    const stale = await cabinet.post(`/report-sets/${set.name}/transitions`, {
      action: 'sign_off',
      version: String(set.version),
    });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Someone else changed/);
    assert.match(stale.text, /Angela Foster/);
  });

  test('once signed off, editing the measures is refused with a pointer to a change request; the change is requested and signed off from the page', async () => {
    const set = await created();
    const director = await as('director.housing');
    const cabinet = await as('cabinet.housing');
    const officer = await as('performance');
    await director.get(`/report-sets/${set.name}`);
    await director.post(`/report-sets/${set.name}/transitions`, {
      action: 'propose',
      version: String(set.version),
    });
    await cabinet.get(`/report-sets/${set.name}`);
    await cabinet.post(`/report-sets/${set.name}/transitions`, {
      action: 'sign_off',
      version: String(set.version + 1),
    });

    const edit = await officer.get(`/report-sets/${set.name}/edit`);
    assert.match(edit.text, /signed off by the Cabinet Member and are locked/);
    assert.doesNotMatch(edit.text, /name="measuresShown"/);
    const forced = await officer.post(
      `/report-sets/${set.name}/edit`,
      setForm(set.name, ['HOU-01'], { version: String(set.version + 2) }),
    );
    assert.equal(forced.status, 409);
    assert.match(forced.text, /request a change to the measures/);
    assert.deepEqual(await codesOfSet(app.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07']);

    const form = await director.get(`/report-sets/${set.name}/changes/new`);
    assert.equal(form.status, 200);
    const missing = await director.post(`/report-sets/${set.name}/changes`, {
      change: 'add',
      addMeasure: '',
      reason: '',
    });
    assert.equal(missing.status, 400);
    assert.match(missing.text, /href="#addMeasure"/);
    assert.match(missing.text, /href="#reason"/);
    const asked = await director.post(`/report-sets/${set.name}/changes`, {
      change: 'add',
      addMeasure: 'HOU-08',
      reason: 'Hazards found after the damp and mould review.',
    });
    assert.equal(asked.status, 303);
    const list = await cabinet.get('/report-sets');
    assert.match(list.text, /Changes to the measures to sign off/);
    assert.match(list.text, /Add HOU-08/);
    const change = await app.db
      .selectFrom('report_set_changes')
      .select('id')
      .where('report_set_id', '=', set.id)
      .executeTakeFirstOrThrow();
    const page = await cabinet.get(`/report-sets/${set.name}`);
    assert.match(page.text, /Sign off change/);
    const noComment = await cabinet.post(`/report-sets/${set.name}/changes/${change.id}/decision`, {
      decision: 'return',
    });
    assert.equal(noComment.status, 400);
    assert.match(noComment.text, new RegExp(`href="#comment-${change.id}"`));
    const byDirector = await director.post(`/report-sets/${set.name}/changes/${change.id}/decision`, {
      decision: 'sign_off',
    });
    assert.equal(byDirector.status, 403);
    const decided = await cabinet.post(`/report-sets/${set.name}/changes/${change.id}/decision`, {
      decision: 'sign_off',
    });
    assert.equal(decided.status, 303);
    assert.deepEqual(await codesOfSet(app.db, set.id), ['HOU-01', 'HOU-02', 'HOU-07', 'HOU-08']);
    const after = await officer.get(`/report-sets/${set.name}`);
    assert.match(after.text, /Hazards found after the damp and mould review/);
    assert.match(after.text, /Change signed off: Add HOU-08/);
  });

  test('the forms that change a set refuse a request without the CSRF token', async () => {
    const set = await created();
    const director = await as('director.housing');
    const response = await director.post(
      `/report-sets/${set.name}/transitions`,
      { action: 'propose', version: String(set.version) },
      false,
    );
    assert.equal(response.status, 403);
    assert.equal((await setNamed(set.name)).signOff, 'draft');
  });
});
