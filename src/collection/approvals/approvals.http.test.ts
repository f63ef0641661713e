// The approvals pages, the transitions API and the audit-log page over HTTP as the demo's users: each role's
// answers, the queue's filters and bulk form, the return form's refusals, and the audit search.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

let app: TestApp;
before(async () => {
  app = await startTestApp('demo');
});
after(async () => app.close());

async function as(who: string): Promise<Client> {
  const client = new Client(app.baseUrl);
  await client.signIn(`${who}@anytown.example`, DEMO_PASSWORD);
  return client;
}

async function figure(code: string, period: string) {
  const r = await sql<{ id: string; status: string; version: number }>`
    SELECT dv.id, dv.status, dv.version FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ''`.execute(app.db);
  const row = r.rows[0];
  assert.ok(row, `${code} ${period}`);
  return { ...row, id: String(row.id) };
}

const transitions = (code: string, period: string) =>
  `/api/v1/values/${encodeURIComponent(code)}/${encodeURIComponent(period)}/transitions`;

describe('the transitions API', () => {
  test('answers each role: 200 for its step, 403 for another, 404 outside its reach, 409 at the wrong stage', async () => {
    const officer = await as('performance');
    const director = await as('director.housing');
    const adults = await as('adults.owner');
    const f = await figure('RP02', '2026-10');
    assert.equal(f.status, 'submitted');

    const wrongRole = await director.json('POST', transitions('RP02', '2026-10'), {
      action: 'validate',
      version: f.version,
    });
    assert.equal(wrongRole.status, 403);
    const outside = await adults.json('POST', transitions('RP02', '2026-10'), {
      action: 'submit',
      version: f.version,
    });
    assert.equal(outside.status, 404);
    const wrongStage = await officer.json('POST', transitions('RP02', '2026-10'), {
      action: 'publish',
      version: f.version,
    });
    assert.equal(wrongStage.status, 409);
    const stage = (await wrongStage.json()) as { error: { message: string } };
    assert.match(stage.error.message, /is submitted now/);

    const ok = await officer.json('POST', transitions('RP02', '2026-10'), {
      action: 'validate',
      version: f.version,
    });
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { status: string; version: number; measure: string };
    assert.deepEqual([body.measure, body.status, body.version], ['RP02', 'validated', f.version + 1]);

    const stale = await director.json('POST', transitions('RP02', '2026-10'), {
      action: 'approve',
      version: f.version,
    });
    assert.equal(stale.status, 409);
    assert.match(
      ((await stale.json()) as { error: { message: string } }).error.message,
      /Someone else changed/,
    );
  });

  test('a return without a comment answers 400 naming comment; a bad action 400 naming action', async () => {
    const director = await as('director.housing');
    const f = await figure('RP02', '2026-10');
    const noComment = await director.json('POST', transitions('RP02', '2026-10'), {
      action: 'return',
      version: f.version,
    });
    assert.equal(noComment.status, 400);
    const error = ((await noComment.json()) as { error: { details: { field: string }[] } }).error;
    assert.deepEqual(
      error.details.map((d) => d.field),
      ['comment'],
    );
    const badAction = await director.json('POST', transitions('RP02', '2026-10'), {
      action: 'bless',
      version: 1,
    });
    assert.equal(badAction.status, 400);
    assert.match(await badAction.text(), /action/);
  });

  test('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    assert.ok(doc.paths['/api/v1/values/{code}/{period}/transitions']);
  });
});

describe('the approvals queue', () => {
  test('shows a director the figures awaiting approval in their reach only, filterable by service and period', async () => {
    const director = await as('director.housing');
    const page = await (await director.get('/approvals')).text();
    assert.match(page, /Awaiting approval/);
    assert.match(page, /RP02/);
    assert.doesNotMatch(page, /ASC-\d\d/);
    const filtered = await (await director.get('/approvals?stage=approve&service=HOU-HO')).text();
    assert.doesNotMatch(filtered, /RP02/);
    const none = await (await director.get('/approvals?stage=approve&period=2019-01')).text();
    assert.match(none, /There are no figures awaiting approval/);
  });

  test('approves the figures ticked, and refuses a stale one naming it, changing nothing', async () => {
    const director = await as('director.housing');
    await director.get('/approvals');
    const f = await figure('RP02', '2026-10');
    const stale = await director.post('/approvals', { stage: 'approve', figure: `${f.id}:${f.version - 1}` });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Someone else changed RP02/);
    const none = await director.post('/approvals', { stage: 'approve' });
    assert.equal(none.status, 400);
    assert.match(await none.text(), /Select at least one figure/);
    const done = await director.post('/approvals', { stage: 'approve', figure: `${f.id}:${f.version}` });
    assert.equal(done.status, 303);
    assert.match(done.headers.get('location') ?? '', /moved=1/);
    assert.equal((await figure('RP02', '2026-10')).status, 'approved');
  });

  test('a data owner sees their drafts to submit, and cannot validate', async () => {
    const owner = await as('housing.owner');
    const page = await (await owner.get('/approvals?stage=validate')).text();
    assert.match(page, /Awaiting submission/);
    const f = await figure('RP02E', '2026-10');
    const refused = await owner.post('/approvals', { stage: 'validate', figure: `${f.id}:${f.version}` });
    assert.equal(refused.status, 403);
  });
});

describe('the return form', () => {
  test('needs a comment, then returns the figure to draft and the owner sees why on the entry form', async () => {
    const officer = await as('performance');
    const f = await figure('RP02', '2026-10');
    assert.equal(f.status, 'approved');
    const form = await officer.get(`/approvals/${f.id}/return`);
    assert.equal(form.status, 200);
    const empty = await officer.post(`/approvals/${f.id}/return`, {
      comment: '',
      version: String(f.version),
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Enter a comment/);
    const sent = await officer.post(`/approvals/${f.id}/return`, {
      comment: 'The complaints count includes stage 2 twice.',
      version: String(f.version),
    });
    assert.equal(sent.status, 303);
    assert.equal((await figure('RP02', '2026-10')).status, 'draft');
    const owner = await as('housing.owner');
    const entry = await (await owner.get('/my-measures/RP02/2026-10')).text();
    assert.match(entry, /Returned to you by/);
    assert.match(entry, /includes stage 2 twice/);
  });

  test('is not found outside the reach, and refused to a role that does not take the step', async () => {
    const adultsOwner = await as('adults.owner');
    const director = await as('director.housing');
    const f = await figure('RP02E', '2026-10');
    assert.equal((await adultsOwner.get(`/approvals/${f.id}/return`)).status, 404);
    // RP02E is submitted: only the performance team, which validates, may return it.
    assert.equal((await director.get(`/approvals/${f.id}/return`)).status, 403);
    assert.equal((await director.get('/approvals/not-a-number/return')).status, 404);
  });
});

describe('the audit log page', () => {
  test('lists the workflow’s steps with who, what and before → after, filtered by action, measure and dates', async () => {
    const officer = await as('performance');
    const page = await (await officer.get('/audit?action=value.return&measure=rp02')).text();
    assert.match(page, /value\.return/);
    assert.match(page, /RP02 2026-10/);
    assert.match(
      page,
      /approved <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to <\/span> draft/,
    );
    assert.match(page, /includes stage 2 twice/);
    assert.doesNotMatch(page, /<td class="govuk-table__cell">value\.calculate<\/td>/);
    const future = await (await officer.get('/audit?from=2099-01-01')).text();
    assert.match(future, /No entries match/);
  });

  test('names a bad date and refuses people who may not read it', async () => {
    const admin = await as('admin');
    const bad = await admin.get('/audit?from=2026-13-01');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /From must be a real date/);
    const director = await as('director.housing');
    assert.equal((await director.get('/audit')).status, 403);
  });

  test('pages newest first by keyset', async () => {
    const officer = await as('performance');
    const first = await (await officer.get('/audit')).text();
    const older = /href="\/audit(\?[^"]*after=[^"]+)"/.exec(first)?.[1];
    assert.ok(older, 'a link to older entries');
    const second = await (await officer.get(`/audit${older.replaceAll('&amp;', '&')}`)).text();
    assert.match(second, /Older entries/);
    assert.match(second, /Newest entries/);
  });
});
