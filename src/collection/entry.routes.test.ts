// Data entry over HTTP on the demo council: the pages and the values API, who may use them, and what a person
// sees when a figure is wrong or someone else saved first.
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

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

describe('GET /my-measures', () => {
  test('lists a data owner’s measures with the period due, and only theirs', async () => {
    const response = await (await as(housingOwner)).get('/my-measures');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /HOU-01/);
    assert.doesNotMatch(html, /ASC-01/);
    assert.match(html, /href="\/my-measures\/HOU-01\/\d{4}-\d{2}"/);
  });

  test('is refused to a councillor, form and all', async () => {
    const councillor = await as('councillor@anytown.example');
    assert.equal((await councillor.get('/my-measures')).status, 403);
    assert.equal((await councillor.get('/my-measures/HOU-01/2030-04')).status, 403);
    assert.equal(
      (await councillor.post('/my-measures/HOU-01/2030-04', { value: '1', version: '0' })).status,
      403,
    );
  });

  test('sends an anonymous visitor to sign in', async () => {
    const response = await fetch(`${t.baseUrl}/my-measures`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location') ?? '', /^\/sign-in/);
  });
});

describe('the entry form', () => {
  test('saves a figure and shows it with its RAG', async () => {
    const client = await as(housingOwner);
    const form = await client.get('/my-measures/HOU-01/2030-04');
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /name="version" value="0"/);
    const response = await client.post('/my-measures/HOU-01/2030-04', {
      value: '55',
      commentary: 'Good month',
      version: '0',
    });
    assert.equal(response.status, 303);
    const location = response.headers.get('location') ?? '';
    assert.match(location, /^\/my-measures\?saved=HOU-01&period=2030-04$/);
    const list = await (await client.get(location)).text();
    assert.match(
      list,
      /Saved HOU-01 for April 2030: 55 \((On target|Within tolerance|Off target|Not rated)\)/,
    );
  });

  test('works out a ratio figure from its numerator and denominator', async () => {
    const client = await as(housingOwner);
    const html = await (await client.get('/my-measures/HOU-07/2030-04')).text();
    assert.match(html, /id="numerator"/);
    assert.match(html, /id="denominator"/);
    const response = await client.post('/my-measures/HOU-07/2030-04', {
      numerator: '45',
      denominator: '50',
      version: '0',
    });
    assert.equal(response.status, 303);
    const list = await (await client.get(response.headers.get('location') ?? '')).text();
    assert.match(list, /Saved HOU-07 for April 2030: 90\.0%/);
  });

  test('re-renders with the GOV.UK error summary and what was typed', async () => {
    const client = await as(housingOwner);
    const response = await client.post('/my-measures/HOU-01/2030-05', {
      value: 'abc',
      commentary: 'typed words',
      version: '0',
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /href="#value">value: &#39;abc&#39; is not a number/);
    assert.match(html, /govuk-error-message/);
    assert.match(html, /value="abc"/);
    assert.match(html, /typed words/);
  });

  test('answers 409 and shows the other person’s figure when the version is stale', async () => {
    const client = await as(housingOwner);
    await client.post('/my-measures/HOU-01/2030-06', { value: '10', version: '0' });
    const other = await as(officer);
    const theirs = await other.post('/my-measures/HOU-01/2030-06', { value: '11', version: '1' });
    assert.equal(theirs.status, 303);
    const response = await client.post('/my-measures/HOU-01/2030-06', { value: '12', version: '1' });
    assert.equal(response.status, 409);
    const html = await response.text();
    assert.match(html, /Someone else saved 11 for this period \(Hannah Wright\)/);
    assert.match(html, /name="version" value="2"/);
    assert.match(html, /value="12"/);
  });

  test('names a period of the wrong kind for the measure', async () => {
    const response = await (await as(housingOwner)).get('/my-measures/HOU-01/2025-26-Q2');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /2025-26-Q2 is a quarter but HOU-01 is reported monthly/);
  });

  test('a measure outside the owner’s services is not found', async () => {
    const response = await (await as(housingOwner)).get('/my-measures/ASC-01/2030-04');
    assert.equal(response.status, 404);
  });
});

describe('the values API', () => {
  test('creates, refuses a missing or stale version, updates and lists revisions', async () => {
    const client = await as(officer);
    const created = await client.json('PUT', '/api/v1/values/HOU-01/2031-04', {
      value: 20,
      commentary: 'From the API',
    });
    assert.equal(created.status, 201);
    const body = (await created.json()) as {
      value: number;
      version: number;
      status: string;
      revision: number;
    };
    assert.deepEqual([body.value, body.version, body.status, body.revision], [20, 1, 'submitted', 1]);

    const missing = await client.json('PUT', '/api/v1/values/HOU-01/2031-04', { value: 21 });
    assert.equal(missing.status, 409);
    const conflict = (await missing.json()) as { error: { code: string; details: { field: string }[] } };
    assert.equal(conflict.error.code, 'conflict');
    assert.equal(conflict.error.details[0]?.field, 'version');

    const updated = await client.json('PUT', '/api/v1/values/HOU-01/2031-04', { value: 21, version: 1 });
    assert.equal(updated.status, 200);
    const stale = await client.json('PUT', '/api/v1/values/HOU-01/2031-04', { value: 22, version: 1 });
    assert.equal(stale.status, 409);

    const revisions = await client.get('/api/v1/values/HOU-01/2031-04/revisions');
    assert.equal(revisions.status, 200);
    const list = (await revisions.json()) as {
      revisions: { revision: number; value: number; changedBy: string }[];
    };
    assert.deepEqual(
      list.revisions.map((r) => [r.revision, r.value]),
      [
        [2, 21],
        [1, 20],
      ],
    );
    assert.equal(list.revisions[0]?.changedBy, 'Hannah Wright');
  });

  test('names the field of a bad figure in JSON', async () => {
    const response = await (await as(officer)).json('PUT', '/api/v1/values/HOU-01/2031-05', { value: 'abc' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { details: { field: string; message: string }[] } };
    assert.deepEqual(body.error.details, [{ field: 'value', message: "value: 'abc' is not a number" }]);
  });

  test('returns a measure’s history between two periods to a reader in scope', async () => {
    const client = await as('councillor@anytown.example');
    const card = (await (await client.get('/api/v1/scorecard')).json()) as { measures: { code: string }[] };
    const code = card.measures[0]?.code ?? 'none';
    const response = await client.get(`/api/v1/values?measure=${code}&from=2023-24&to=2024-25`);
    const body = (await response.json()) as { measure: string; values: { period: string }[] };
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.measure, code);
    assert.ok(body.values.length > 0);
  });

  test('hides measures outside the reader’s scope as not found', async () => {
    const response = await (await as(housingOwner)).get('/api/v1/values?measure=ASC-01');
    assert.equal(response.status, 404);
  });

  test('refuses a councillor’s write with 403 and every anonymous call with 401', async () => {
    const refused = await (
      await as('councillor@anytown.example')
    ).json('PUT', '/api/v1/values/HOU-01/2031-06', { value: 1 });
    assert.equal(refused.status, 403);
    for (const path of ['/api/v1/values?measure=HOU-01', '/api/v1/values/HOU-01/2030-04/revisions']) {
      const anonymous = await fetch(`${t.baseUrl}${path}`);
      assert.equal(anonymous.status, 401, path);
    }
    const anonymousPut = await fetch(`${t.baseUrl}/api/v1/values/HOU-01/2030-04`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: 1 }),
    });
    assert.equal(anonymousPut.status, 401);
  });
});

describe('guidance beside the entry form', () => {
  test('shows how the measure is calculated, where its figures come from and the common mistakes', async () => {
    const html = await (await (await as(housingOwner)).get('/my-measures/HOU-07/2026-10')).text();
    assert.match(html, /Guidance from the performance team/);
    assert.match(html, /How it is calculated/);
    assert.match(html, /Northgate housing repairs system \(damp and mould case module\)/);
    assert.match(html, /Counting reports closed without an inspection as investigated/);
  });

  test('common mistakes written in the library reach the form, and the measure keeps them as a version', async () => {
    const officer = await as('performance@anytown.example');
    const current = (await (await officer.json('GET', '/api/v1/measures/HOU-01')).json()) as {
      version: number;
    };
    const changed = await officer.json('PUT', '/api/v1/measures/HOU-01', {
      commonMistakes: 'Counting a relet twice when the tenancy starts on a Monday.',
      version: current.version,
    });
    const body = (await changed.json()) as { commonMistakes: string; version: number };
    assert.equal(changed.status, 200, JSON.stringify(body));
    assert.equal(body.commonMistakes, 'Counting a relet twice when the tenancy starts on a Monday.');
    assert.equal(body.version, current.version + 1);
    const html = await (await (await as(housingOwner)).get('/my-measures/HOU-01/2026-10')).text();
    assert.match(html, /Counting a relet twice when the tenancy starts on a Monday\./);
  });
});
