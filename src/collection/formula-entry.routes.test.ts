// Formula measures over HTTP on the demo council: the entry form shows HOU-12's calculated figure read-only and
// refuses a typed one, as the values API does; saving its inputs through the form recalculates it; the measure
// pages show the formula in words with links and where a measure is used; a bad formula is named on the form
// and in the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
const clients = new Map<string, Client>();

async function as(email: string): Promise<Client> {
  let client = clients.get(email);
  if (!client) {
    client = new Client(t.baseUrl);
    await client.signIn(email, DEMO_PASSWORD);
    clients.set(email, client);
  }
  return client;
}

const officer = 'performance@anytown.example';
const housingOwner = 'housing.owner@anytown.example';
const refusal =
  'value: HOU-12 is calculated from its formula: enter its inputs (HOU-04, HOU-03) and its figure is worked out from them';

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

describe('entering a formula measure’s figure', () => {
  test('the form shows the calculated figure read-only, with links to enter its inputs', async () => {
    const response = await (await as(housingOwner)).get('/my-measures/HOU-12/2026-09');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /The calculated figure for September 2026/);
    assert.match(html, /href="\/my-measures\/HOU-04\/2026-09">HOU-04 for September 2026/);
    assert.doesNotMatch(html, /name="value"/);
    assert.doesNotMatch(html, /Save figure/);
  });

  test('a typed figure posted to the form is refused with 400, naming the inputs', async () => {
    const client = await as(housingOwner);
    await client.get('/my-measures/HOU-12/2026-09');
    const response = await client.post('/my-measures/HOU-12/2026-09', { value: '1', version: '0' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.ok(html.includes(`href="#value">${refusal}`), 'the error summary names the field and inputs');
  });

  test('the values API refuses it too, naming the field', async () => {
    const client = await as(housingOwner);
    await client.get('/my-measures');
    const response = await client.json('PUT', '/api/v1/values/HOU-12/2026-09', { value: 1 });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { details: { field: string; message: string }[] } };
    assert.deepEqual(body.error.details, [{ field: 'value', message: refusal }]);
  });

  test('saving its inputs through the form works out its figure, which the API then gives', async () => {
    const client = await as(housingOwner);
    for (const [code, value] of [
      ['HOU-04', '3'],
      ['HOU-03', '400'],
    ] as const) {
      await client.get(`/my-measures/${code}/2030-04`);
      const saved = await client.post(`/my-measures/${code}/2030-04`, { value, version: '0' });
      assert.equal(saved.status, 303, code);
    }
    const response = await client.json('GET', '/api/v1/values?measure=HOU-12&from=2030-04');
    const body = (await response.json()) as { values: { value: number; source: string; status: string }[] };
    assert.deepEqual(
      body.values.map((v) => [v.value, v.source, v.status]),
      [[0.75, 'formula', 'submitted']],
    );
    const form = await (await client.get('/my-measures/HOU-12/2030-04')).text();
    assert.match(form, /0\.75%/);
  });
});

describe('the measure pages', () => {
  test('a formula measure shows its formula in words, linking each input, and offers no data entry', async () => {
    const html = await (await (await as(housingOwner)).get('/measures/HOU-12')).text();
    assert.match(html, /<a class="govuk-link" href="\/measures\/HOU-04">HOU-04 Families with children/);
    assert.match(html, /divided by <a class="govuk-link" href="\/measures\/HOU-03">HOU-03 Households/);
    assert.match(html, /times 100/);
    assert.doesNotMatch(html, /Enter a value/);
  });

  test('an input shows the formula measures it is used in', async () => {
    const html = await (await (await as(housingOwner)).get('/measures/HOU-03')).text();
    assert.match(
      html,
      /Used in[\s\S]*href="\/measures\/HOU-12">HOU-12 Households in temporary accommodation/,
    );
  });
});

describe('a bad formula', () => {
  const form = {
    code: 'HOU-91',
    title: 'Damp reports per household in temporary accommodation',
    calculationType: 'formula',
    unit: 'number',
    decimals: '2',
    polarity: 'none',
    frequency: 'monthly',
    accumulation: 'discrete',
    leadService: 'HOU-RM',
    status: 'active',
  };

  test('is named on the measure form', async () => {
    const client = await as(officer);
    await client.get('/measures/new');
    const response = await client.post('/measures/new', { ...form, formula: '[HOU-08] / [HOU-99]' });
    assert.equal(response.status, 400);
    assert.match(
      await response.text(),
      /href="#formula">Formula: there is no measure HOU-99 in this council&#39;s library/,
    );
  });

  test('is named by the measures API', async () => {
    const client = await as(officer);
    await client.get('/measures');
    const response = await client.json('POST', '/api/v1/measures', {
      ...form,
      decimals: 2,
      formula: '[HOU-08] / [HOU-02]',
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { details: { field: string; message: string }[] } };
    assert.equal(body.error.details[0]?.field, 'formula');
    assert.match(body.error.details[0]?.message ?? '', /HOU-02 is reported quarterly/);
  });
});
