// The scorecard API and the performance overview over HTTP on the demo council: who may see them, what they show.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePeriod, periodEnd } from '../assessment/index.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { scorecard } from './scorecard.service.ts';

interface ScorecardBody {
  period: string | null;
  measures: {
    code: string;
    title: string;
    period: string | null;
    value: number | null;
    target: number | null;
    rag: string;
    direction: { previous: string; lastYear: string };
  }[];
}

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

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

describe('GET /api/v1/scorecard', () => {
  test('answers a performance officer with every active measure in exactly the documented shape', async () => {
    const client = await as('performance@anytown.example');
    const response = await client.get('/api/v1/scorecard');
    assert.equal(response.status, 200);
    const body = (await response.json()) as ScorecardBody;
    assert.ok(body.period);
    assert.ok(body.measures.length > 50);
    const first = body.measures[0];
    assert.ok(first);
    assert.deepEqual(Object.keys(first).sort(), [
      'code',
      'direction',
      'period',
      'rag',
      'target',
      'title',
      'value',
    ]);
    assert.deepEqual(Object.keys(first.direction).sort(), ['lastYear', 'previous']);
    assert.ok(body.measures.every((m) => ['green', 'amber', 'red', 'not_rated', 'no_data'].includes(m.rag)));
  });

  test('judges the requested period', async () => {
    const client = await as('performance@anytown.example');
    const body = (await (await client.get('/api/v1/scorecard?period=2024-25-Q2')).json()) as ScorecardBody;
    assert.equal(body.period, '2024-25-Q2');
    const end = periodEnd(parsePeriod('2024-25-Q2'));
    const judged = body.measures.flatMap((m) => (m.period ? [periodEnd(parsePeriod(m.period))] : []));
    assert.ok(judged.length > 0);
    assert.ok(judged.every((e) => e <= end));
    assert.ok(judged.includes(end));
  });

  test('shows a data owner only the measures of their services', async () => {
    const all = (await (
      await (await as('performance@anytown.example')).get('/api/v1/scorecard')
    ).json()) as ScorecardBody;
    const housing = (await (
      await (await as('housing.owner@anytown.example')).get('/api/v1/scorecard')
    ).json()) as ScorecardBody;
    assert.ok(housing.measures.length > 0);
    assert.ok(housing.measures.length < all.measures.length);
  });

  test('names the period field when the period is not valid', async () => {
    const response = await (
      await as('performance@anytown.example')
    ).get('/api/v1/scorecard?period=2025-26-Q5');
    assert.equal(response.status, 400);
    const body = (await response.json()) as {
      error: { code: string; details: { field: string; message: string }[] };
    };
    assert.equal(body.error.code, 'validation_failed');
    assert.equal(body.error.details[0]?.field, 'period');
    assert.match(body.error.details[0]?.message ?? '', /quarter must be Q1–Q4/);
  });

  test('answers an anonymous caller with 401 JSON', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/scorecard`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unauthenticated');
  });

  test('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    assert.ok(doc.paths['/api/v1/scorecard']);
  });
});

describe('GET /overview', () => {
  test('shows a performance officer the summary counts and measures grouped by priority and outcome', async () => {
    const response = await (await as('performance@anytown.example')).get('/overview');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1 class="govuk-heading-xl">Performance overview<\/h1>/);
    assert.match(html, /On target<\/strong> <span class="app-rag-summary__count">\d+<\/span>/);
    assert.match(html, /<caption class="govuk-table__caption govuk-table__caption--m">/);
    assert.match(html, /href="\/measures\/[A-Z]+-\d+"/);
    assert.match(html, /<svg aria-hidden="true" focusable="false"/);
    assert.match(html, /(Improving|Worsening|No change|Not comparable)/);
  });

  test('filters by directorate and keeps the choice selected', async () => {
    const client = await as('performance@anytown.example');
    const all = await (await client.get('/overview')).text();
    const housing = await (await client.get('/overview?directorate=HOU')).text();
    const count = (html: string) =>
      (html.match(/<tr class="govuk-table__row">\s*<th scope="row"/g) ?? []).length;
    assert.ok(count(housing) > 0);
    assert.ok(count(housing) < count(all));
    assert.match(housing, /<option value="HOU" selected>/);
  });

  test('names an unknown filter or bad period in the error summary and still shows the page', async () => {
    const response = await (
      await as('performance@anytown.example')
    ).get('/overview?directorate=NOPE&period=2025-13');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /href="#directorate"/);
    assert.match(html, /no directorate with the code &#39;NOPE&#39;/);
  });

  test('lets a councillor read it within their committee', async () => {
    const response = await (await as('councillor@anytown.example')).get('/overview');
    assert.equal(response.status, 200);
  });

  test('sends an anonymous visitor to sign in', async () => {
    const response = await fetch(`${t.baseUrl}/overview`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location') ?? '', /^\/sign-in/);
  });
});

describe('GET /overview with SPC', () => {
  const codesOn = (html: string) =>
    [...html.matchAll(/<a class="govuk-link" href="\/measures\/([^"]+)">/g)].map((m) => m[1]).sort();

  async function judged() {
    const council = await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
    return (await scorecard(t.db, { councilId: council.id, reach: null, withSpc: true })).measures;
  }

  test('shows the variation icon and words for every measure, and the assurance icon where there is one', async () => {
    const client = await as('performance@anytown.example');
    const html = await (await client.get('/overview')).text();
    const measures = await judged();
    const cells = html.match(/<td class="govuk-table__cell app-overview-spc">/g) ?? [];
    assert.ok(cells.length >= measures.length, 'a cell per row (a measure may sit under several outcomes)');
    assert.match(html, /Special cause (improvement|concern) \((high|low)\)/);
    assert.match(html, /Consistently failing the target/);
  });

  for (const [filter, pick] of [
    ['concern', (v: string, _a: string | null) => v.startsWith('concern_')],
    ['improvement', (v: string, _a: string | null) => v.startsWith('improvement_')],
    ['failing', (_v: string, a: string | null) => a === 'fail'],
  ] as const) {
    test(`?spc=${filter} lists exactly the measures the scorecard judges so`, async () => {
      const client = await as('performance@anytown.example');
      const response = await client.get(`/overview?spc=${filter}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      const expected = (await judged())
        .filter((m) => m.spc && pick(m.spc.variation, m.spc.assurance))
        .map((m) => m.code)
        .sort();
      assert.ok(expected.length > 0, `the demo has ${filter} measures`);
      assert.deepEqual([...new Set(codesOn(html))], expected);
      assert.match(html, new RegExp(`<option value="${filter}" selected>`));
    });
  }

  test('an unknown SPC filter is named in the error summary', async () => {
    const client = await as('performance@anytown.example');
    const response = await client.get('/overview?spc=wobbly');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /href="#spc"/);
    assert.match(html, /wobbly.{0,6} is not an SPC filter/);
  });
});

describe('GET /overview with year-end forecasts', () => {
  test('a year-to-date measure shows its leading forecast, labelled, and a discrete one shows none', async () => {
    const client = await as('performance@anytown.example');
    const html = await (await client.get('/overview')).text();
    const rowOf = (code: string) => {
      const at = html.indexOf(`href="/measures/${code}"`);
      assert.ok(at > 0, `${code} is on the overview`);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    assert.match(
      rowOf('RES-01'),
      /Forecast<\/strong> year end [\d.]+% against the profile: .*(on|off) track/s,
    );
    assert.match(rowOf('HOU-06'), /Forecast<\/strong> year end [\d.]+% at the rate so far/);
    assert.doesNotMatch(rowOf('HOU-05'), /Forecast/);
  });
});
