// A provider login (school.provider@, Castle Hill Primary) reaches only its own figures of the measures asked of
// it: not another school's, not the council's headline, not the service's other measures — on pages and the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

describe('a provider reaches only its own figures', () => {
  let app: TestApp;
  let school: Client;

  before(async () => {
    app = await startTestApp('demo');
    school = new Client(app.baseUrl);
    await school.signIn('school.provider@anytown.example', DEMO_PASSWORD);
  });
  after(async () => app.close());

  test('its list of measures is its own school’s figures of EDU-01 and EDU-02, and nothing of other schools', async () => {
    const body = await (await school.get('/my-measures')).text();
    assert.match(body, /EDU-01 · Castle Hill Primary School/);
    assert.match(body, /EDU-02 · Castle Hill Primary School/);
    assert.doesNotMatch(body, /Brookfield|St Mary|EDU-03|CYP-01|HOU-/);
    assert.match(body, /href="\/my-measures\/EDU-01\/AY2025-26\?provider=SCH-CASTLE"/);
  });

  test('it opens and saves its own figure through the entry form, and the form keeps the provider', async () => {
    const form = await school.get('/my-measures/EDU-01/AY2025-26?provider=SCH-CASTLE');
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /action="\/my-measures\/EDU-01\/AY2025-26\?provider=SCH-CASTLE"/);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '0';
    const saved = await school.post('/my-measures/EDU-01/AY2025-26?provider=SCH-CASTLE', {
      numerator: '41',
      denominator: '45',
      version,
    });
    assert.equal(saved.status, 303, await saved.text());
    const { rows } = await app.db
      .selectFrom('data_values as dv')
      .innerJoin('measures as m', 'm.id', 'dv.measure_id')
      .select(['dv.numerator', 'dv.breakdown'])
      .where('m.code', '=', 'EDU-01')
      .where('dv.period', '=', 'AY2025-26')
      .where('dv.breakdown', '=', 'provider:SCH-CASTLE')
      .execute()
      .then((r) => ({ rows: r }));
    assert.deepEqual(rows, [{ numerator: '41', breakdown: 'provider:SCH-CASTLE' }]);
  });

  test('it uploads a file of its own figures, and a row for another school or the headline is "not found"', async () => {
    await school.get('/uploads');
    const csv = [
      'measure_code,period,numerator,denominator,breakdown',
      'EDU-02,AY2034-35,12,400,provider:SCH-CASTLE',
      'EDU-02,AY2034-35,15,380,provider:SCH-STMARY',
      'EDU-02,AY2034-35,900,30000,',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'castle-hill.csv');
    const preview = await (await school.multipart('/uploads', form)).text();
    assert.match(preview, /row 2: a new figure/);
    assert.match(preview, /row 3, column measure_code: there is no measure with the code &#39;EDU-02&#39;/);
    assert.match(preview, /row 4, column measure_code: there is no measure with the code &#39;EDU-02&#39;/);
  });

  test('another school’s figure, the headline and the service’s other measures are "not found"', async () => {
    for (const path of [
      '/my-measures/EDU-01/AY2025-26?provider=SCH-STMARY',
      '/my-measures/EDU-01/AY2025-26',
      '/my-measures/EDU-03/AY2025-26',
      '/my-measures/EDU-03/AY2025-26?provider=SCH-CASTLE',
    ])
      assert.equal((await school.get(path)).status, 404, path);
  });

  test('through the API it writes and reads its own breakdown only', async () => {
    const own = await school.json('GET', '/api/v1/values?measure=EDU-01&breakdown=provider:SCH-CASTLE');
    assert.equal(own.status, 200);
    const values = ((await own.json()) as { values: { period: string; version: number }[] }).values;
    assert.ok(values.length >= 4);
    const headline = await school.json('GET', '/api/v1/values?measure=EDU-01');
    assert.equal(headline.status, 404);
    const other = await school.json('GET', '/api/v1/values?measure=EDU-01&breakdown=provider:SCH-STMARY');
    assert.equal(other.status, 404);
    const put = await school.json('PUT', '/api/v1/values/EDU-02/AY2025-26?breakdown=provider:SCH-STMARY', {
      numerator: 5,
      denominator: 100,
      version: 1,
    });
    assert.equal(put.status, 404);
    const headlinePut = await school.json('PUT', '/api/v1/values/EDU-02/AY2025-26', {
      numerator: 5,
      denominator: 100,
      version: 1,
    });
    assert.equal(headlinePut.status, 404);
  });

  test('the overview, the library and the scorecard show it nothing of the council’s measures', async () => {
    for (const path of ['/overview', '/measures', '/api/v1/scorecard'])
      assert.doesNotMatch(await (await school.get(path)).text(), /EDU-0|HOU-07|CYP-01/, path);
    assert.equal((await school.get('/measures/EDU-01')).status, 404);
  });

  test('an officer may enter a school’s figure, but not a breakdown that is no provider asked for the measure', async () => {
    const officer = new Client(app.baseUrl);
    await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
    const bad = await officer.json('PUT', '/api/v1/values/EDU-01/AY2025-26?breakdown=provider:EST-EAST', {
      numerator: 5,
      denominator: 10,
    });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { error: { details: { field: string }[] } };
    assert.equal(body.error.details[0]?.field, 'breakdown');
  });
});
