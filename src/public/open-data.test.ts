// The open data on the demo council: the downloads hold exactly the published figures of public measures (never a
// figure in the workflow, never a non-public measure), the Data Package describes them by the Table Schema rules,
// and the API and feed say the same.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { openDataUrls } from './open-data.ts';
import { PublicCache } from './public-cache.ts';
import { checkTableSchema, type TableSchema } from './table-schema.check.ts';

let t: TestApp;
let councilId: string;
let publicCodes: string[];
const sentinels = [987651.5, 987652.5, 987653.5, 987654.5];

before(async () => {
  t = await startTestApp('demo');
  const council = await sql<{ id: string }>`SELECT id::text FROM councils ORDER BY id LIMIT 1`.execute(t.db);
  councilId = council.rows[0]?.id ?? '';
  const codes = await sql<{ code: string; id: string }>`
    SELECT code, id::text FROM measures WHERE council_id = ${councilId} AND status = 'active' AND 'public' = ANY(tags)
     ORDER BY code`.execute(t.db);
  publicCodes = codes.rows.map((r) => r.code);
  // Figures at every stage short of published, in a public measure, before the site first reads anything.
  const measureId = codes.rows[0]?.id;
  const stages = ['draft', 'submitted', 'validated', 'approved'];
  for (const [i, status] of stages.entries()) {
    await sql`INSERT INTO data_values (council_id, measure_id, period, period_start, period_end, value, numerator, status)
      VALUES (${councilId}, ${measureId}, ${`2031-0${i + 1}`}, ${`2031-0${i + 1}-01`}, ${`2031-0${i + 1}-28`},
              ${sentinels[i]}, ${sentinels[i]}, ${status})`.execute(t.db);
  }
});
after(() => t.close());

interface Published {
  measure_code: string;
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  published_at: Date | null;
  revised: boolean;
}

async function publishedOfPublicMeasures(code?: string): Promise<Published[]> {
  const result = await sql<Published>`
    SELECT m.code AS measure_code, pv.period, pv.value::text, pv.numerator::text, pv.denominator::text,
           pv.published_at, pv.revised
      FROM published_values pv JOIN measures m ON m.id = pv.measure_id
     WHERE pv.council_id = ${councilId} AND pv.breakdown = '' AND m.status = 'active' AND 'public' = ANY(m.tags)
       AND (${code ?? null}::text IS NULL OR m.code = ${code ?? null})
     ORDER BY m.code, pv.period`.execute(t.db);
  return result.rows;
}

async function get(path: string): Promise<Response> {
  const response = await fetch(t.baseUrl + path);
  assert.equal(response.status, 200, `${path} answers 200`);
  return response;
}

type CsvRecord = Record<string, string>;
const csvRecords = (text: string): CsvRecord[] => parse(text, { columns: true }) as CsvRecord[];
const byKey = <T extends { measure_code?: string; period?: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (`${a.measure_code} ${a.period}` < `${b.measure_code} ${b.period}` ? -1 : 1));
const num = (text: string | null) => (text === null || text === '' ? null : Number(text));

function assertMatchesPublished(records: CsvRecord[], published: Published[]): void {
  assert.equal(records.length, published.length, 'one row per published figure');
  const sorted = byKey(records);
  for (const [i, expected] of byKey(published).entries()) {
    const row = sorted[i];
    assert.ok(row);
    const where = `${expected.measure_code} ${expected.period}`;
    assert.equal(row.measure_code, expected.measure_code, where);
    assert.equal(row.period, expected.period, where);
    assert.equal(num(row.value ?? null), num(expected.value), `${where} value`);
    assert.equal(num(row.numerator ?? null), num(expected.numerator), `${where} numerator`);
    assert.equal(num(row.denominator ?? null), num(expected.denominator), `${where} denominator`);
    assert.equal(row.published_at, expected.published_at?.toISOString() ?? '', `${where} published at`);
    assert.equal(row.revised, String(expected.revised), `${where} revised`);
  }
}

test('the all-measures CSV holds exactly the published figures of the public measures', async () => {
  const response = await get('/public/data/measures.csv');
  assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
  const records = csvRecords(await response.text());
  assertMatchesPublished(records, await publishedOfPublicMeasures());
  assert.deepEqual([...new Set(records.map((r) => r.measure_code))].sort(), publicCodes);
  assert.ok(records.length > 200, `${records.length} figures`);
});

test('no figure in the workflow and no non-public measure appears in any download', async () => {
  const nonPublic = await sql<{ code: string }>`
    SELECT DISTINCT m.code FROM measures m JOIN published_values pv ON pv.measure_id = m.id
     WHERE m.council_id = ${councilId} AND NOT ('public' = ANY(m.tags))`.execute(t.db);
  assert.ok(nonPublic.rows.length > 0, 'the demo publishes figures of non-public measures');
  const texts = [
    await (await get('/public/data/measures.csv')).text(),
    await (await get('/public/data/measures.json')).text(),
    await (await get(`/public/data/measures/${publicCodes[0]}.csv`)).text(),
    await (await get(`/public/data/measures/${publicCodes[0]}.json`)).text(),
    await (await get(`/api/public/v1/measures/${publicCodes[0]}/values`)).text(),
    await (await get('/public/feed.atom')).text(),
  ];
  for (const text of texts) {
    for (const sentinel of sentinels) assert.ok(!text.includes(String(sentinel)), `${sentinel} never shown`);
    assert.ok(!text.includes('2031-0'), 'no period that only has unpublished figures');
    for (const { code } of nonPublic.rows)
      assert.ok(!new RegExp(`\\b${code}\\b`).test(text), `${code} not shown`);
  }
});

test('each measure has its own CSV and JSON with exactly its published figures', async () => {
  for (const code of publicCodes.slice(0, 4)) {
    const published = await publishedOfPublicMeasures(code);
    assertMatchesPublished(
      csvRecords(await (await get(`/public/data/measures/${code}.csv`)).text()),
      published,
    );
    const json = (await (await get(`/public/data/measures/${code}.json`)).json()) as { data: CsvRecord[] };
    const asText = json.data.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])),
    );
    assertMatchesPublished(asText, published);
  }
});

test('the JSON download holds the same rows as the CSV, with the licence', async () => {
  const json = (await (await get('/public/data/measures.json')).json()) as {
    licence: { name: string };
    fields: string[];
    data: Record<string, unknown>[];
  };
  const csv = csvRecords(await (await get('/public/data/measures.csv')).text());
  assert.equal(json.licence.name, 'OGL-UK-3.0');
  assert.deepEqual(json.fields, Object.keys(csv[0] ?? {}));
  assert.equal(json.data.length, csv.length);
  for (const [i, row] of json.data.entries())
    for (const field of json.fields) {
      const value = row[field];
      const cell = csv[i]?.[field] ?? '';
      assert.equal(value === null ? '' : String(value), cell.replace(/^'/, ''), `row ${i} ${field}`);
    }
});

test('the Data Package describes every CSV by the Table Schema rules, under the Open Government Licence', async () => {
  const pkg = (await (await get('/public/data/datapackage.json')).json()) as {
    profile: string;
    licenses: { name: string; path: string; title: string }[];
    resources: {
      name: string;
      path: string;
      profile: string;
      format: string;
      mediatype: string;
      encoding: string;
      schema: TableSchema;
    }[];
  };
  assert.equal(pkg.profile, 'tabular-data-package');
  assert.deepEqual(pkg.licenses, [
    {
      name: 'OGL-UK-3.0',
      path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      title: 'Open Government Licence v3.0',
    },
  ]);
  assert.equal(pkg.resources.length, publicCodes.length + 1, 'all measures, and each one');
  const names = new Set(pkg.resources.map((r) => r.name));
  assert.equal(names.size, pkg.resources.length, 'resource names are unique');
  for (const resource of pkg.resources) {
    assert.match(resource.name, /^[a-z0-9._-]+$/);
    assert.equal(resource.profile, 'tabular-data-resource');
    assert.equal(resource.format, 'csv');
    assert.equal(resource.mediatype, 'text/csv');
    assert.equal(resource.encoding, 'utf-8');
    const text = await (await get(new URL(resource.path, `${t.baseUrl}/public/data/`).pathname)).text();
    const problems = checkTableSchema(resource.schema, parse(text) as string[][]);
    assert.deepEqual(problems, [], `${resource.path} conforms to its schema`);
  }
});

test('the API answers as the downloads do, and a non-public measure is not found', async () => {
  const measures = (await (await get('/api/public/v1/measures')).json()) as {
    measures: { code: string; links: { values: string } }[];
  };
  assert.deepEqual(
    measures.measures.map((m) => m.code),
    publicCodes,
  );
  for (const code of publicCodes.slice(0, 3)) {
    const values = (await (await get(`/api/public/v1/measures/${code}/values`)).json()) as {
      data: unknown[];
    };
    const download = (await (await get(`/public/data/measures/${code}.json`)).json()) as { data: unknown[] };
    assert.deepEqual(values.data, download.data);
    const one = (await (await get(`/api/public/v1/measures/${code}`)).json()) as { code: string };
    assert.equal(one.code, code);
  }
  const hidden = await sql<{ code: string }>`
    SELECT code FROM measures WHERE council_id = ${councilId} AND NOT ('public' = ANY(tags)) LIMIT 1`.execute(
    t.db,
  );
  const code = hidden.rows[0]?.code ?? '';
  for (const path of [
    `/api/public/v1/measures/${code}`,
    `/api/public/v1/measures/${code}/values`,
    `/public/data/measures/${code}.csv`,
    `/public/data/measures/${code}.json`,
    '/public/data/measures/NO-SUCH.csv',
  ]) {
    assert.equal((await fetch(t.baseUrl + path)).status, 404, path);
  }
});

test('the API lists the Strategy, its outcomes with their public measures, and the public reports', async () => {
  const priorities = (await (await get('/api/public/v1/priorities')).json()) as {
    priorities: { code: string; outcomes: string[] }[];
  };
  const outcomes = (await (await get('/api/public/v1/outcomes')).json()) as {
    outcomes: { code: string; priority: string; measures: string[] }[];
  };
  assert.ok(priorities.priorities.length > 0);
  assert.deepEqual(
    priorities.priorities.flatMap((p) => p.outcomes).sort(),
    outcomes.outcomes.map((o) => o.code).sort(),
  );
  for (const m of outcomes.outcomes.flatMap((o) => o.measures))
    assert.ok(publicCodes.includes(m), `${m} is public`);
  const reports = (await (await get('/api/public/v1/reports')).json()) as {
    reports: { id: string; publishedAt: string }[];
  };
  const expected = await sql<{ id: string }>`
    SELECT r.id::text FROM reports r JOIN report_sets rs ON rs.id = r.report_set_id
     WHERE rs.audience = 'public' AND r.status = 'published' ORDER BY r.published_at DESC, r.id DESC`.execute(
    t.db,
  );
  assert.deepEqual(
    reports.reports.map((r) => r.id),
    expected.rows.map((r) => r.id),
  );
  const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  for (const path of [
    'priorities',
    'outcomes',
    'measures',
    'measures/{code}',
    'measures/{code}/values',
    'reports',
  ])
    assert.ok(doc.paths[`/api/public/v1/${path}`], `${path} is documented`);
});

test('every URL openDataUrls lists for the snapshot answers, for crawlers to walk', async () => {
  const snapshot = await new PublicCache(t.db).current();
  assert.ok(snapshot);
  const urls = openDataUrls(snapshot);
  assert.equal(urls.length, 9 + publicCodes.length * 4);
  for (const url of urls) assert.equal((await fetch(t.baseUrl + url)).status, 200, url);
});
