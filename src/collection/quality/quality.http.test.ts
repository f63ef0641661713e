// Data quality over HTTP on the demo council: the checks catch Brookfield Primary's collapse in free-school-meal
// registrations, an officer raises a finding that its owner sees, answers and the officer resolves (audited,
// versioned), and each login's dashboard holds only what is in its reach.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

describe('data quality', () => {
  let app: TestApp;
  const as = async (email: string) => {
    const client = new Client(app.baseUrl);
    await client.signIn(email, DEMO_PASSWORD);
    return client;
  };

  before(async () => {
    app = await startTestApp('demo');
  });
  after(async () => app.close());

  test('the change rule catches the school whose free-school-meal figure collapses, and only that one', async () => {
    const findings = await app.db
      .selectFrom('data_quality_findings as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select(['m.code', 'f.period', 'f.breakdown', 'f.kind', 'f.status', 'f.message'])
      .where('f.kind', '=', 'rule')
      .execute();
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [found] = findings;
    assert.equal(found?.code, 'EDU-01');
    assert.equal(found?.period, 'AY2025-26');
    assert.equal(found?.breakdown, 'provider:SCH-BROOK');
    assert.match(found?.message ?? '', /lower than/);
    assert.equal(
      (await app.db.selectFrom('providers').select('id').where('kind', '=', 'school').execute()).length,
      30,
    );
  });

  test('the officer’s dashboard shows Brookfield’s open finding, and its drill-down lists the figure', async () => {
    const officer = await as('performance@anytown.example');
    const rounds = await app.db.selectFrom('collection_rounds').select(['id', 'period']).execute();
    const q2 = rounds.find((r) => r.period === '2026-27-Q2');
    assert.ok(q2);
    const page = await officer.get(`/data-quality?round=${q2.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /By service/);
    assert.match(html, /Brookfield Primary School/);
    const row = /SCH-BROOK<\/span>Brookfield Primary School<\/th>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const numbers = [...row.matchAll(/">([^<]+)<span class="govuk-visually-hidden">/g)].map((m) => m[1]);
    assert.equal(numbers.length, 6, row);
    assert.equal(numbers.at(-1), '1', `open findings in ${numbers.join(', ')}`);
    const drill = await officer.get(
      `/data-quality/figures?round=${q2.id}&row=provider:SCH-BROOK&show=findings`,
    );
    assert.match(await drill.text(), /EDU-01 · Academic year 2025\/26/);
  });

  test('a figure returned for correction is no longer first time right', async () => {
    const officer = await as('performance@anytown.example');
    const q2 = await app.db
      .selectFrom('collection_rounds')
      .select('id')
      .where('period', '=', '2026-27-Q2')
      .executeTakeFirstOrThrow();
    const firstTimeRight = async () => {
      const html = await (await officer.get(`/data-quality?round=${q2.id}`)).text();
      const row = /SCH-CASTLE<\/span>Castle Hill Primary School<\/th>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
      return [...row.matchAll(/">([^<]+)<span class="govuk-visually-hidden">/g)].map((m) => m[1])[3];
    };
    assert.equal(await firstTimeRight(), '100.0%');
    const figure = await app.db
      .selectFrom('data_values as dv')
      .innerJoin('measures as m', 'm.id', 'dv.measure_id')
      .select('dv.id')
      .where('m.code', '=', 'EDU-01')
      .where('dv.period', '=', 'AY2025-26')
      .where('dv.breakdown', '=', 'provider:SCH-CASTLE')
      .executeTakeFirstOrThrow();
    // Its owner taking it back to draft (a revision in draft after a submitted one) is not a return.
    await sql`
      INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, status, source, commentary)
      SELECT council_id, id, revision + 100, value, 'draft', 'form', '' FROM data_values WHERE id = ${figure.id}`.execute(
      app.db,
    );
    assert.equal(await firstTimeRight(), '100.0%');
    // What the approval workflow writes when a figure is returned with a comment.
    await app.db
      .insertInto('audit_log')
      .values({ action: 'value.return', entity: 'data_value', entity_id: String(figure.id), after: '{}' })
      .execute();
    assert.equal(await firstTimeRight(), '50.0%');
    const drill = await officer.get(
      `/data-quality/figures?round=${q2.id}&row=provider:SCH-CASTLE&show=returned`,
    );
    assert.match(await drill.text(), /returned for correction/);
  });

  test('an officer raises a finding with a message; the owner sees it, answers; the officer resolves it', async () => {
    const officer = await as('performance@anytown.example');
    const empty = await officer.post('/data-quality/findings', {
      measure: 'EDU-02',
      period: 'AY2025-26',
      breakdown: 'provider:SCH-CASTLE',
      message: '  ',
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Message: enter message/);
    const raised = await officer.post('/data-quality/findings', {
      measure: 'EDU-02',
      period: 'AY2025-26',
      breakdown: 'provider:SCH-CASTLE',
      message: 'Persistent absence looks high against the census: check the possible sessions',
    });
    assert.equal(raised.status, 303);
    const href = raised.headers.get('location')?.replace(/\?.*$/, '') ?? '';
    assert.match(href, /^\/data-quality\/findings\/\d+$/);

    const school = await as('school.provider@anytown.example');
    assert.match(await (await school.get('/my-measures')).text(), /Persistent absence looks high/);
    assert.match(
      await (await school.get('/my-measures/EDU-02/AY2025-26?provider=SCH-CASTLE')).text(),
      /Persistent absence looks high/,
    );
    const other = await as('housing.owner@anytown.example');
    assert.equal((await other.get(href)).status, 404);
    assert.doesNotMatch(await (await other.get('/my-measures')).text(), /Persistent absence/);

    const answered = await school.post(`${href}/respond`, {
      response: 'Checked: two pupils were double counted',
      version: '1',
    });
    assert.equal(answered.status, 303);
    const stale = await school.post(`${href}/respond`, { response: 'Again', version: '1' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Someone else changed this finding/);
    assert.equal((await school.post(`${href}/resolve`, { note: 'fine', version: '2' })).status, 403);
    const resolved = await officer.post(`${href}/resolve`, {
      note: 'Corrected figure received',
      version: '2',
    });
    assert.equal(resolved.status, 303);
    const id = href.split('/').pop() ?? '';
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'data_quality_finding')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['finding.raise', 'finding.respond', 'finding.resolve'],
    );
    assert.doesNotMatch(await (await school.get('/my-measures')).text(), /Persistent absence looks high/);
  });

  test('a provider’s dashboard has its own row only; a housing owner sees housing services and no schools', async () => {
    const school = await as('school.provider@anytown.example');
    const q2 = await app.db
      .selectFrom('collection_rounds')
      .select('id')
      .where('period', '=', '2026-27-Q2')
      .executeTakeFirstOrThrow();
    const html = await (await school.get(`/data-quality?round=${q2.id}`)).text();
    assert.match(html, /Castle Hill Primary School/);
    assert.doesNotMatch(html, /Brookfield|By service|Housing/);
    const brook = await school.get(`/data-quality/figures?round=${q2.id}&row=provider:SCH-BROOK&show=due`);
    assert.match(await brook.text(), /There are no figures in this list/);
    const owner = await as('housing.owner@anytown.example');
    const ownerHtml = await (await owner.get(`/data-quality?round=${q2.id}`)).text();
    assert.match(ownerHtml, /HOU-RM/);
    assert.doesNotMatch(ownerHtml, /Castle Hill|ASC-AR/);
  });

  test("a measure page's figures link to each figure's data quality, where an officer can raise a finding", async () => {
    const officer = await as('performance@anytown.example');
    const page = await (await officer.get('/measures/HOU-07')).text();
    const link = /href="(\/data-quality\/figure\?measure=HOU-07&amp;period=2026-10&amp;breakdown=)"/.exec(
      page,
    )?.[1];
    assert.ok(link, 'the October 2026 figure links to its data quality');
    const figure = await officer.get(link.replace(/&amp;/g, '&'));
    assert.equal(figure.status, 200);
    assert.match(await figure.text(), /Raise a finding/);
  });

  test('a bad period in the filter names the field', async () => {
    const officer = await as('performance@anytown.example');
    const page = await officer.get('/data-quality?from=2026-13');
    assert.equal(page.status, 400);
    assert.match(await page.text(), /From: /);
  });
});
