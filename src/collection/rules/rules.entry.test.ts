// The demo council's validation rules applied as figures are entered, on the form and through PUT
// /api/v1/values: a hard finding rejects naming the field and the rule, a soft one asks for an explanation and
// then keeps it with its warning, and a cross-measure rule whose other figure is missing is skipped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let owner: Client;

before(async () => {
  t = await startTestApp('demo');
  owner = new Client(t.baseUrl);
  await owner.signIn('housing.owner@anytown.example', DEMO_PASSWORD);
});
after(async () => t.close());

interface ErrorBody {
  error: { details: { field: string; message: string }[] };
}

async function latest(code: string): Promise<number> {
  const body = (await (await owner.json('GET', `/api/v1/values?measure=${code}&from=2026-10`)).json()) as {
    values: { period: string; value: number }[];
  };
  const october = body.values.find((v) => v.period === '2026-10');
  assert.ok(october, `${code} has a figure for October 2026`);
  return october.value;
}

describe('validation rules through the values API', () => {
  test('a hard cross-measure rule rejects a figure naming the field and the rule, and passes a good one', async () => {
    const households = await latest('HOU-03');
    assert.equal(
      (await owner.json('PUT', '/api/v1/values/HOU-03/2026-11', { value: households })).status,
      201,
    );
    const tooMany = await owner.json('PUT', '/api/v1/values/HOU-04/2026-11', { value: households + 1 });
    assert.equal(tooMany.status, 400);
    const body = (await tooMany.json()) as ErrorBody;
    assert.deepEqual(body.error.details, [
      {
        field: 'value',
        message:
          'value: Families in B&B cannot outnumber all the households in temporary accommodation (HOU-03) (hard rule: cross-measure rule)',
      },
    ]);
    assert.equal(
      (await owner.json('PUT', '/api/v1/values/HOU-04/2026-11', { value: households })).status,
      201,
    );
  });

  test('a cross-measure rule whose other figure is missing is skipped, and the figure saved', async () => {
    const saved = await owner.json('PUT', '/api/v1/values/HOU-04/2027-01', { value: 3 });
    assert.equal(saved.status, 201);
  });

  test('a hard whole-number rule rejects a fraction', async () => {
    const response = await owner.json('PUT', '/api/v1/values/HOU-08/2026-12', { value: 12.5 });
    assert.equal(response.status, 400);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.details[0]?.field, 'value');
    assert.match(
      body.error.details[0]?.message ?? '',
      /12\.5 is not a whole number.*\(hard rule: whole numbers only\)/,
    );
  });

  test('a soft change rule asks for an explanation, then keeps it with the warning', async () => {
    const reports = await latest('HOU-08');
    const jump = Math.round(reports * 2 + 10);
    const refused = await owner.json('PUT', '/api/v1/values/HOU-08/2026-11', { value: jump });
    assert.equal(refused.status, 400);
    const body = (await refused.json()) as ErrorBody;
    assert.deepEqual(
      body.error.details.map((d) => d.field),
      ['value', 'explanation'],
    );
    assert.match(body.error.details[0]?.message ?? '', /higher than October 2026's .*; the rule allows 50%/);
    const saved = await owner.json('PUT', '/api/v1/values/HOU-08/2026-11', {
      value: jump,
      explanation: 'Storm Bert: a week of heavy rain brought many new reports',
    });
    assert.equal(saved.status, 201);
    const figure = (await saved.json()) as { qualityFlags: string[] };
    assert.equal(figure.qualityFlags.length, 2);
    assert.match(
      figure.qualityFlags[0] ?? '',
      /^Warning: value: .* \(soft rule: change from the previous period\)$/,
    );
    assert.equal(
      figure.qualityFlags[1],
      'Explanation: Storm Bert: a week of heavy rain brought many new reports',
    );
  });
});

describe('validation rules on the entry form', () => {
  test('a hard finding re-renders the form with the error on the field', async () => {
    await owner.get('/my-measures/HOU-08/2027-02');
    const response = await owner.post('/my-measures/HOU-08/2027-02', {
      value: '7.5',
      commentary: '',
      version: '0',
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /href="#value">value: 7.5 is not a whole number; HOU-08 counts whole things/);
    assert.doesNotMatch(html, /Explain why this figure is right/);
  });

  test('a soft finding shows the warning and an explanation box; with an explanation it saves', async () => {
    const households = await latest('HOU-03');
    const odd = households * 3;
    await owner.get('/my-measures/HOU-03/2026-12');
    const asked = await owner.post('/my-measures/HOU-03/2026-12', {
      value: String(odd),
      commentary: '',
      version: '0',
    });
    assert.equal(asked.status, 400);
    const html = await asked.text();
    assert.match(html, /Check this figure/);
    assert.match(
      html,
      /is far from HOU-03&#39;s usual figures \(median .* over the \d+ earlier figures; modified z-score/,
    );
    assert.match(html, /href="#explanation">explanation: Explain why this figure is right, or change it/);
    assert.match(html, new RegExp(`name="value"[^>]*value="${odd}"`));
    const saved = await owner.post('/my-measures/HOU-03/2026-12', {
      value: String(odd),
      commentary: '',
      explanation: 'A hostel closed and its residents were placed in temporary accommodation',
      version: '0',
    });
    assert.equal(saved.status, 303);
    const row = await t.db
      .selectFrom('data_values as dv')
      .innerJoin('measures as m', 'm.id', 'dv.measure_id')
      .select('dv.quality_flags')
      .where('m.code', '=', 'HOU-03')
      .where('dv.period', '=', '2026-12')
      .executeTakeFirstOrThrow();
    assert.equal(
      row.quality_flags.at(-1),
      'Explanation: A hostel closed and its residents were placed in temporary accommodation',
    );
  });
});
