// Outside your scope a record looks exactly like a missing one: walks every route that names or lists measures
// as the adult social care data owner and checks nothing about housing's HOU-07 shows, and that asking for it
// answers just as asking for a code that does not exist does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

const hidden = 'HOU-07';
const missing = 'ZZZ-99';
const leaks = [/HOU-07/, /Damp and mould reports/i];

describe('scope leaks: adults.owner and housing measure HOU-07', () => {
  let app: TestApp;
  let client: Client;

  before(async () => {
    app = await startTestApp('demo');
    // Someone who sees everything reads the cached pages first: a cache must not hand their answer on.
    const officer = new Client(app.baseUrl);
    await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
    for (const path of [
      '/overview',
      '/overview?period=2025-06',
      '/api/v1/scorecard',
      '/api/v1/scorecard?period=2025-06',
    ])
      assert.match(await (await officer.get(path)).text(), /HOU-07/, `${path} as the officer`);
    client = new Client(app.baseUrl);
    await client.signIn('adults.owner@anytown.example', DEMO_PASSWORD);
  });
  after(async () => app.close());

  const noLeak = (path: string, body: string) => {
    for (const pattern of leaks) assert.ok(!pattern.test(body), `${path} shows ${String(pattern)}`);
  };

  /** The same request for the hidden code and a missing one: same status, same body once the code is swapped. */
  const looksMissing = async (
    send: (code: string) => Promise<Response>,
    label: string,
    expected: number,
  ): Promise<void> => {
    const [a, b] = [await send(hidden), await send(missing)];
    const [bodyA, bodyB] = [await a.text(), await b.text()];
    assert.equal(a.status, expected, `${label}: status for ${hidden}`);
    assert.equal(a.status, b.status, `${label}: status differs from a missing code`);
    // The message may echo the code that was asked for, as it does for a missing one; never the title.
    assert.ok(!/Damp and mould reports/i.test(bodyA), `${label} shows the title`);
    const strip = (s: string) =>
      s
        .replaceAll(hidden, 'CODE')
        .replaceAll(missing, 'CODE')
        .replace(/name="_csrf" value="[^"]+"/g, '')
        .replace(/"(requestId|reqId)":"[^"]*"/g, '');
    assert.ok(
      strip(bodyA) === strip(bodyB),
      `${label}: body differs from a missing code:\n${bodyA.slice(0, 300)}\n${bodyB.slice(0, 300)}`,
    );
  };

  test('pages naming the measure answer as for a missing one', async () => {
    for (const path of ['/measures/:code', '/measures/:code/versions', '/measures/:code/targets']) {
      await looksMissing((code) => client.get(path.replace(':code', code)), path, 404);
    }
    await looksMissing(
      (code) => client.get(`/my-measures/${code}/2025-06`),
      '/my-measures/:code/:period',
      404,
    );
    await looksMissing(
      (code) => client.post(`/my-measures/${code}/2025-06`, { numerator: '1', denominator: '2' }),
      'POST /my-measures/:code/:period',
      404,
    );
  });

  test('a role without the verb is refused, whatever the code', async () => {
    await looksMissing((code) => client.get(`/measures/${code}/edit`), '/measures/:code/edit', 403);
    await looksMissing(
      (code) => client.post(`/measures/${code}/targets`, { period: '2025-06', value: '1' }),
      'POST /measures/:code/targets',
      403,
    );
    await looksMissing(
      (code) => client.json('PUT', `/api/v1/measures/${code}/targets/2025-06`, { value: 1 }),
      'PUT /api/v1/measures/:code/targets/:period',
      403,
    );
  });

  test('the API answers as for a missing measure', async () => {
    for (const path of [
      '/api/v1/measures/:code',
      '/api/v1/measures/:code/targets',
      '/api/v1/values?measure=:code',
      '/api/v1/values/:code/2025-06/revisions',
    ]) {
      await looksMissing((code) => client.get(path.replace(':code', code)), path, 404);
    }
    await looksMissing(
      (code) => client.json('PUT', `/api/v1/values/${code}/2025-06`, { numerator: 1, denominator: 2 }),
      'PUT /api/v1/values/:code/:period',
      404,
    );
  });

  test('lists, filters and the structure pages do not show it', async () => {
    const paths = [
      '/overview',
      '/overview?directorate=HOU',
      '/overview?portfolio=PF-HOU',
      '/overview?committee=SC-PH',
      '/overview?period=2025-06',
      '/measures',
      '/measures?q=damp',
      '/measures?q=HOU',
      '/measures?directorate=HOU',
      '/measures?portfolio=PF-HOU',
      '/measures?outcome=OC07',
      '/measures?status=active',
      '/measures?rag=red',
      '/my-measures',
      '/structure',
      '/structure/strategy',
      '/structure/directorates/HOU',
      '/structure/services/HOU-RM',
      '/structure/services/HOU-TE',
      '/structure/portfolios/PF-HOU',
      '/structure/committees/SC-PH',
      '/api/v1/measures',
      '/api/v1/measures?q=damp',
      '/api/v1/scorecard',
      '/api/v1/scorecard?period=2025-06',
      '/api/v1/structure',
    ];
    for (const path of paths) {
      const response = await client.get(path);
      assert.ok(response.status < 500, `${path}: ${response.status}`);
      noLeak(path, await response.text());
    }
  });
});
