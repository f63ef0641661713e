// POST /api/v1/values:batch on the demo council with an API token, as a system feed would call it: a dry run
// writes nothing, a commit is all or nothing, the same key and batch again change nothing, the same key with other
// figures is refused, errors are addressed by their place in the JSON, and another service's measure is not found.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../access/api-tokens.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
const tokens = new Map<string, string>();

interface Answer {
  status: number;
  body: {
    outcome?: string;
    written?: number;
    unchanged?: number;
    counts?: Record<string, number>;
    rows?: { index: number; status: string; messages: string[] }[];
    error?: { code: string; message: string; details: { field: string; message: string }[] };
  };
}

async function batch(
  values: unknown[],
  options: { key?: string; dryRun?: boolean; email?: string } = {},
): Promise<Answer> {
  const email = options.email ?? 'housing.owner@anytown.example';
  const token = tokens.get(email) ?? (await createApiToken(t.db, { email, scopes: ['all'] }));
  tokens.set(email, token);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  if (options.key) headers['idempotency-key'] = options.key;
  const response = await fetch(`${t.baseUrl}/api/v1/values:batch${options.dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ values }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function stored(code: string, period: string): Promise<{ value: string; source: string } | undefined> {
  const result = await sql<{ value: string; source: string }>`
    SELECT dv.value, dv.source FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ''`.execute(t.db);
  return result.rows[0];
}

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

describe('POST /api/v1/values:batch', () => {
  test('a dry run says what would happen to each row and writes nothing', async () => {
    const answer = await batch([{ measure: 'HOU-05', period: '2036-01', value: '21' }], { dryRun: true });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.outcome, 'dry_run');
    assert.deepEqual(answer.body.rows?.[0]?.messages, ['values[0]: a new figure']);
    assert.equal(await stored('HOU-05', '2036-01'), undefined);
  });

  test('commits every figure in one go, recorded as from the API, and the same batch under the same key changes nothing', async () => {
    const values = [
      { measure: 'HOU-05', period: '2036-02', value: 22 },
      { measure: 'HOU-05', period: '2036-03', value: '23.5' },
    ];
    const first = await batch(values, { key: 'feed-2036-q1' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.outcome, 'committed');
    assert.equal(first.body.written, 2);
    assert.deepEqual(await stored('HOU-05', '2036-03'), { value: '23.5', source: 'api' });

    const again = await batch(values, { key: 'feed-2036-q1' });
    assert.equal(again.status, 200);
    assert.equal(again.body.outcome, 'already_committed');
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM data_value_revisions r JOIN data_values dv ON dv.id = r.data_value_id
      JOIN measures m ON m.id = dv.measure_id WHERE m.code = 'HOU-05' AND dv.period = '2036-02'`.execute(
      t.db,
    );
    assert.equal(rows[0]?.n, 1, 'one revision: the second request wrote nothing');
  });

  test('the same key with other figures is refused and nothing is written', async () => {
    await batch([{ measure: 'HOU-05', period: '2036-04', value: 20 }], { key: 'feed-reused' });
    const reused = await batch([{ measure: 'HOU-05', period: '2036-05', value: 20 }], { key: 'feed-reused' });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.error?.details[0]?.field, 'Idempotency-Key');
    assert.equal(await stored('HOU-05', '2036-05'), undefined);
  });

  test('one bad row writes none of them, and each problem names its place in the JSON', async () => {
    const answer = await batch(
      [
        { measure: 'HOU-05', period: '2036-06', value: 19 },
        { measure: 'HOU-05', period: '2036-07', value: 'abc' },
        { measure: 'ASC-01', period: '2036-07', value: 10 },
        { measure: 'HOU-05', period: '2036-06', value: 18 },
      ],
      { key: 'feed-bad' },
    );
    assert.equal(answer.status, 400);
    const fields = answer.body.error?.details.map((d) => d.field);
    assert.deepEqual(fields, ['values[1].value', 'values[2].measure', 'values[3]']);
    assert.match(answer.body.error?.details[0]?.message ?? '', /^values\[1\]\.value: 'abc' is not a number/);
    assert.match(answer.body.error?.details[1]?.message ?? '', /no measure with the code 'ASC-01'/);
    assert.match(answer.body.error?.details[2]?.message ?? '', /given twice, on rows 0 and 3/);
    assert.equal(await stored('HOU-05', '2036-06'), undefined);
  });

  test('a commit without an Idempotency-Key is refused naming the header', async () => {
    const answer = await batch([{ measure: 'HOU-05', period: '2036-08', value: 19 }]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error?.details[0]?.field, 'Idempotency-Key');
  });

  test('a body that is not a batch is refused by the schema', async () => {
    const answer = await batch([{ measure: 'HOU-05' }], { key: 'feed-shape' });
    assert.equal(answer.status, 400);
    assert.match(JSON.stringify(answer.body.error), /period/);
  });

  test('a councillor may not send figures', async () => {
    const answer = await batch([{ measure: 'HOU-05', period: '2036-09', value: 19 }], {
      key: 'feed-councillor',
      email: 'councillor@anytown.example',
    });
    assert.equal(answer.status, 403);
  });
});
