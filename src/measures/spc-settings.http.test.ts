// SPC settings over HTTP on the demo council: the page and the API, who may change them, stale versions,
// problems named by field, the version history and audit, and the XmR chart drawing the phase break.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
async function as(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

const goodForm = {
  version: '',
  baselineFrom: '2023-04',
  baselineTo: '2024-03',
  baselineReason: 'Stable year before the new contract',
  'recalcPeriod-0': '2025-04',
  'recalcReason-0': 'New repairs contractor',
  'recalcPeriod-1': '',
  'recalcReason-1': '',
};

describe('the SPC settings page', () => {
  test('a performance officer sets a baseline and a recalculation point; the measure page shows them', async () => {
    const officer = await as('performance@anytown.example');
    const page = await officer.get('/measures/HOU-03/spc');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Never set/);
    const saved = await officer.post('/measures/HOU-03/spc', goodForm);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), '/measures/HOU-03/spc?saved=1');
    const now = await (await officer.get('/measures/HOU-03/spc?saved=1')).text();
    assert.match(now, /The SPC settings were saved/);
    assert.match(now, /April 2023 to March 2024: Stable year before the new contract/);
    assert.match(now, /From April 2025: New repairs contractor/);
    assert.match(now, /<td class="govuk-table__cell">1<\/td>/);
    const measure = await (await officer.get('/measures/HOU-03')).text();
    assert.match(
      measure,
      /The limits are fixed from a baseline of 12 figures to March 2024 \(Stable year before the new contract\)/,
    );
    assert.match(measure, /The limits are recalculated from April 2025 \(New repairs contractor\)/);
    // The phase break is drawn on the XmR chart with its reason.
    assert.match(measure, /New repairs contractor/);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'measure.spc_settings')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('problems are named by field and what was typed is kept', async () => {
    const officer = await as('performance@anytown.example');
    await officer.get('/measures/HOU-04/spc');
    const response = await officer.post('/measures/HOU-04/spc', {
      ...goodForm,
      baselineReason: '',
      'recalcPeriod-1': '2023-13',
      'recalcReason-1': 'Typo',
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /href="#baselineReason"/);
    assert.match(html, /href="#recalcPeriod-1"/);
    assert.match(html, /value="2023-13"/);
    const stored = await t.db
      .selectFrom('measure_spc_settings as s')
      .innerJoin('measures as m', 'm.id', 's.measure_id')
      .where('m.code', '=', 'HOU-04')
      .select('s.version')
      .execute();
    assert.deepEqual(stored, []);
  });

  test('a change made from a stale page is refused with 409 and nothing is overwritten', async () => {
    const first = await as('performance@anytown.example');
    const second = await as('performance@anytown.example');
    await first.get('/measures/HOU-06/spc');
    await second.get('/measures/HOU-06/spc');
    assert.equal((await first.post('/measures/HOU-06/spc', goodForm)).status, 303);
    const stale = await second.post('/measures/HOU-06/spc', { ...goodForm, baselineReason: 'Mine instead' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Someone else changed the SPC settings of HOU-06/);
    const api = await first.json('GET', '/api/v1/measures/HOU-06/spc-settings');
    const body = (await api.json()) as { baseline: { reason: string }; version: number };
    assert.equal(body.baseline.reason, 'Stable year before the new contract');
    assert.equal(body.version, 1);
  });

  test('a data owner may read the settings but not change them', async () => {
    const owner = await as('housing.owner@anytown.example');
    const page = await owner.get('/measures/HOU-03/spc');
    assert.equal(page.status, 200);
    assert.doesNotMatch(await page.text(), /Save SPC settings/);
    assert.equal((await owner.post('/measures/HOU-03/spc', goodForm)).status, 403);
  });
});

describe('the SPC settings API', () => {
  test('PUT with the version read changes the settings; the history keeps every version', async () => {
    const officer = await as('performance@anytown.example');
    const put = (version: number | null, reason: string) =>
      officer.json('PUT', '/api/v1/measures/ASC-01/spc-settings', {
        baseline: { from: '2023-04', to: '2024-03', reason },
        recalculations: [],
        version,
      });
    const created = await put(null, 'First');
    assert.equal(created.status, 200);
    assert.equal(((await created.json()) as { version: number }).version, 1);
    const changed = await put(1, 'Second');
    assert.equal(changed.status, 200);
    const body = (await changed.json()) as { version: number; baseline: { fromLabel: string } };
    assert.equal(body.version, 2);
    assert.equal(body.baseline.fromLabel, 'April 2023');
    const stale = await put(1, 'Third');
    assert.equal(stale.status, 409);
    const history = await (await officer.get('/measures/ASC-01/spc')).text();
    assert.match(history, /\(First\)/);
    assert.match(history, /\(Second\)/);
  });

  test('a bad period answers 400 naming the field', async () => {
    const officer = await as('performance@anytown.example');
    const response = await officer.json('PUT', '/api/v1/measures/ASC-02/spc-settings', {
      baseline: null,
      recalculations: [{ period: 'next April', reason: 'x' }],
      version: null,
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { details: { field: string }[] } };
    assert.equal(body.error.details[0]?.field, 'recalculations[0].period');
  });

  test('a measure outside a data owner’s reach is not found, like a missing one', async () => {
    const owner = await as('housing.owner@anytown.example');
    assert.equal((await owner.json('GET', '/api/v1/measures/ASC-01/spc-settings')).status, 404);
    assert.equal((await owner.json('GET', '/api/v1/measures/NOPE-99/spc-settings')).status, 404);
  });
});
