// Improvement actions and statutory returns over HTTP with the demo council: an action raised from the measure page's
// link shows on the measure and in /actions; a return moves through its checklist and status from its page, a refused
// move answering 409; the calendar shows a month as a table; scoped users see only their services' records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormSession } from '../reporting/report-sets/report-sets.fixtures.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { anActionForm, aReturnForm } from './assurance.fixtures.ts';
import { addDays, ukDate } from './today.ts';

let app: TestApp;

before(async () => {
  app = await startTestApp('demo');
});
after(async () => app.close());

const as = (who: string) => FormSession.signIn(app.baseUrl, `${who}@anytown.example`);
const userId = async (email: string) =>
  (await app.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

describe('improvement actions over HTTP', () => {
  test('raised from the measure page’s link, the action shows on the measure and in the owner’s list', async () => {
    const owner = await as('housing.owner');
    const measure = await owner.get('/measures/HOU-07');
    assert.match(measure.text, /Improvement actions/);
    const link = /href="(\/actions\/new\?measure=HOU-07[^"]*)"/
      .exec(measure.text)?.[1]
      ?.replaceAll('&amp;', '&');
    assert.ok(link, 'a Raise an action link');
    assert.equal((await owner.get(link)).status, 200);
    const me = await userId('housing.owner@anytown.example');
    const bad = await owner.post(link, anActionForm(me, '2020-01-01', { title: '' }));
    assert.equal(bad.status, 400);
    assert.match(bad.text, /href="#dueOn-day"/);
    const raised = await owner.post(
      link,
      anActionForm(me, addDays(ukDate(), 40), { title: 'Weekly damp triage huddle' }),
    );
    assert.equal(raised.status, 303);
    const page = await owner.get(raised.location ?? '');
    assert.match(page.text, /Measure HOU-07/);
    assert.match((await owner.get('/measures/HOU-07')).text, /Weekly damp triage huddle/);
    const mine = await owner.get(`/actions?owner=${me}&status=open`);
    assert.match(mine.text, /Weekly damp triage huddle/);
    const id = /\/actions\/(\d+)/.exec(raised.location ?? '')?.[1] ?? '';
    const adults = await as('adults.owner');
    assert.equal((await adults.get(`/actions/${id}`)).status, 404);
    assert.doesNotMatch((await adults.get('/actions')).text, /Weekly damp triage huddle/);
    assert.match(
      (await adults.get('/actions?status=overdue')).text,
      /Clear the Care Act assessment waiting list/,
    );
    assert.equal((await adults.get('/actions?status=later')).status, 400);
    assert.equal((await (await as('councillor')).post(`/actions/${id}`, {})).status, 403);
  });

  test('the inspection page offers a Raise an action link under each recommendation, listing its actions', async () => {
    const officer = await as('performance');
    const list = await officer.get('/inspections?inspectorate=Care+Quality+Commission');
    const href = /href="(\/inspections\/\d+)"/.exec(list.text)?.[1] ?? '';
    const page = await officer.get(href);
    assert.match(page.text, /Clear the Care Act assessment waiting list/);
    assert.match(page.text, /Overdue/);
    assert.match(page.text, /\/actions\/new\?recommendation=\d+/);
    const finding = await app.db
      .selectFrom('data_quality_findings')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const findingPage = await officer.get(`/data-quality/findings/${finding.id}`);
    assert.match(findingPage.text, new RegExp(`/actions/new\\?finding=${finding.id}`));
    assert.equal((await officer.get(`/actions/new?finding=${finding.id}`)).status, 200);
  });
});

describe('statutory returns over HTTP', () => {
  test('a return is added, its checks ticked and its status moved from its page; a refused move answers 409', async () => {
    const officer = await as('performance');
    const owner = await userId('housing.owner@anytown.example');
    const added = await officer.post(
      '/statutory-returns/new',
      aReturnForm(owner, addDays(ukDate(), 30), {
        code: 'HCLIC-TEST',
        service: 'HOU-HO',
        recipient: 'MHCLG',
      }),
    );
    assert.equal(added.status, 303);
    const path = added.location?.replace(/\?.*$/, '') ?? '';
    const housing = await as('housing.owner');
    let page = await housing.get(path);
    const version = () => /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '';
    const refusedMove = await housing.post(`${path}/status`, { status: 'submitted', version: version() });
    assert.equal(refusedMove.status, 409);
    assert.match(refusedMove.text, /cannot become submitted/);
    assert.equal(
      (await housing.post(`${path}/status`, { status: 'in_preparation', version: version() })).status,
      303,
    );
    page = await housing.get(path);
    const early = await housing.post(`${path}/status`, { status: 'quality_checked', version: version() });
    assert.equal(early.status, 409);
    assert.match(early.text, /every data-quality check is ticked/);
    for (const check of [...page.text.matchAll(/action="(\/statutory-returns\/\d+\/checks\/\d+)"/g)].map(
      (m) => m[1] ?? '',
    )) {
      page = await housing.get(path);
      assert.equal((await housing.post(check, { ticked: 'yes', version: version() })).status, 303);
    }
    page = await housing.get(path);
    assert.match(page.text, /Ticked by Leah Thompson/);
    assert.equal(
      (await housing.post(`${path}/status`, { status: 'quality_checked', version: version() })).status,
      303,
    );
    assert.match((await housing.get(path)).text, /Quality-checked/);
    assert.equal((await housing.get('/statutory-returns/new')).status, 403);
    assert.equal((await (await as('adults.owner')).get(path)).status, 404);
  });

  test('the list flags the overdue return; the calendar shows the month as a table of weeks', async () => {
    const officer = await as('performance');
    const list = await officer.get('/statutory-returns?status=overdue');
    assert.match(list.text, /Homelessness case-level collection/);
    assert.match(list.text, /Overdue/);
    const calendar = await officer.get('/statutory-returns?view=calendar&month=2026-11');
    assert.equal(calendar.status, 200);
    assert.match(calendar.text, /Returns due in November 2026/);
    assert.match(calendar.text, /<th scope="col" class="govuk-table__header">Monday<\/th>/);
    assert.match(calendar.text, /Youth justice quarterly data return/);
    assert.equal((await officer.get('/statutory-returns?view=calendar&month=2026-13')).status, 400);
    assert.doesNotMatch((await (await as('adults.owner')).get('/statutory-returns')).text, /Homelessness/);
  });
});
