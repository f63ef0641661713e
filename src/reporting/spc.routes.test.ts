// POST /api/v1/analysis/spc over HTTP: a signed-in reader gets the XmR result, bad requests name the field,
// and an anonymous caller is turned away.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assessSpc, type SpcRequest } from '../assessment/index.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

const path = '/api/v1/analysis/spc';
let t: TestApp;
let client: Client;

before(async () => {
  t = await startTestApp('demo');
  client = new Client(t.baseUrl);
  await client.signIn('performance@anytown.example', DEMO_PASSWORD);
});
after(async () => t.close());

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

describe('POST /api/v1/analysis/spc', () => {
  test('answers a performance officer with the XmR result, exactly as the engine computes it', async () => {
    const request: SpcRequest = {
      values: [10, 12, 10, 12, null, 10, 12, 10, 12, 10, 12, 10, 40],
      polarity: 'up',
      target: 20,
      screenMovingRanges: true,
    };
    const response = await client.json('POST', path, request);
    assert.equal(response.status, 200);
    const body = (await response.json()) as unknown;
    assert.deepEqual(body, JSON.parse(JSON.stringify(assessSpc(request))));
    assert.deepEqual((body as { missing: number[] }).missing, [4]);
    assert.equal((body as { variation: string }).variation, 'improvement_high');
  });

  const bad: [name: string, body: Record<string, unknown>, field: string][] = [
    ['an empty series', { values: [], polarity: 'up' }, 'values'],
    ['a word in the series', { values: [1, 'two'], polarity: 'up' }, 'values.1'],
    ['an unknown polarity', { values: [1, 2], polarity: 'sideways' }, 'polarity'],
    ['fixAfter beyond the series', { values: [1, 2, 3], polarity: 'up', fixAfter: 4 }, 'fixAfter'],
    ['phases out of order', { values: [1, 2, 3, 4], polarity: 'up', phases: [3, 2] }, 'phases'],
  ];
  for (const [name, body, field] of bad) {
    test(`rejects ${name} with 400 naming ${field}`, async () => {
      const response = await client.json('POST', path, body);
      assert.equal(response.status, 400);
      const answer = (await response.json()) as ErrorBody;
      assert.equal(answer.error.code, 'validation_failed');
      assert.ok(
        answer.error.details.some((d) => d.field === field),
        JSON.stringify(answer.error.details),
      );
    });
  }

  test('answers an anonymous caller with 401', async () => {
    const response = await fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: [1, 2, 3], polarity: 'up' }),
    });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'unauthenticated');
  });
});
