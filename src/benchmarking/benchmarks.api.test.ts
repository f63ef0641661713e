// The command line and the API answer the same comparison: `scorecard benchmarks import` prints the dataset id
// (progress on stderr), `scorecard benchmarks compare` prints the JSON that GET /api/v1/benchmarks/compare returns;
// bad input is a 400 naming the field, an unknown dataset, metric or group a 404.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let testApp: TestApp;
let dir: string;
let client: Client;
let datasetId = '';

before(async () => {
  testApp = await startTestApp('demo');
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-bench-api-'));
  client = new Client(testApp.baseUrl);
  await client.signIn('councillor@anytown.example', DEMO_PASSWORD);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await testApp.close();
});

function scorecard(...args: string[]) {
  return spawnSync(process.execPath, ['bin/scorecard.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: testApp.url },
  });
}

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, ['area_code,area_name,period,indicator,measure,unit,value', ...lines].join('\n'));
  return file;
}

test('the CLI loads a file, printing the dataset id on stdout and its progress on stderr', async () => {
  const file = await csv('waste.csv', [
    'E06000001,Hartlepool,2022/23 Q3,Recycling,Percentage,Waste,38',
    'E06000002,Middlesbrough,2022/23 Q3,Recycling,Percentage,Waste,41.5',
    'E06000003,Redcar and Cleveland,2022/23 Q3,Recycling,Percentage,Waste,41.5',
    'E06000004,Stockton-on-Tees,2022/23 Q3,Recycling,Percentage,Waste,29',
    'E92000001,England,2022/23 Q3,Recycling,Percentage,Waste,42',
  ]);
  const run = scorecard(
    'benchmarks',
    'import',
    file,
    '--profile',
    'lg-inform-long',
    '--dataset',
    'waste-api',
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout.trim(), /^\d+$/);
  assert.match(run.stderr, /Loading rows/);
  assert.match(run.stderr, /Loaded 5 rows \(1 metrics, 5 areas\) as version 1/);
  datasetId = run.stdout.trim();
  await testApp.db
    .updateTable('benchmark_metrics')
    .set({ polarity: 'higher' })
    .where('dataset_id', '=', datasetId)
    .execute();
});

test('the CLI and the API give the same comparison, without the England total', async () => {
  const run = scorecard(
    'benchmarks',
    'compare',
    '--dataset',
    datasetId,
    '--metric',
    'Recycling | Percentage',
    '--period',
    '2022-23-Q3',
  );
  assert.equal(run.status, 0, run.stderr);
  const fromCli = JSON.parse(run.stdout) as unknown;
  const query = new URLSearchParams({
    dataset: datasetId,
    metric: 'Recycling | Percentage',
    period: '2022/23 Q3',
  });
  const response = await client.get(`/api/v1/benchmarks/compare?${query}`);
  assert.equal(response.status, 200);
  const fromApi = (await response.json()) as unknown;
  assert.deepEqual(fromApi, fromCli);
  assert.deepEqual(fromApi, {
    metric: 'Recycling | Percentage',
    period: '2022-23-Q3',
    group: null,
    count: 4,
    median: 39.75,
    mean: 37.5,
    rows: [
      { area: 'E06000002', areaName: 'Middlesbrough', value: 41.5, rank: 1, quartile: 1, percentile: 0.25 },
      {
        area: 'E06000003',
        areaName: 'Redcar and Cleveland',
        value: 41.5,
        rank: 1,
        quartile: 1,
        percentile: 0.25,
      },
      { area: 'E06000001', areaName: 'Hartlepool', value: 38, rank: 3, quartile: 3, percentile: 0.75 },
      { area: 'E06000004', areaName: 'Stockton-on-Tees', value: 29, rank: 4, quartile: 4, percentile: 1 },
    ],
  });
});

test('the API answers 400 naming the field for a missing or unreadable period', async () => {
  const missing = await client.get(`/api/v1/benchmarks/compare?dataset=${datasetId}&metric=x`);
  assert.equal(missing.status, 400);
  const missingBody = (await missing.json()) as { error: { details: { field: string }[] } };
  assert.ok(
    missingBody.error.details.some((d) => d.field === 'period'),
    JSON.stringify(missingBody),
  );
  const bad = await client.get(`/api/v1/benchmarks/compare?dataset=${datasetId}&metric=x&period=last+year`);
  assert.equal(bad.status, 400);
  const badBody = (await bad.json()) as { error: { details: { field: string; message: string }[] } };
  assert.equal(badBody.error.details[0]?.field, 'period');
  assert.match(badBody.error.details[0]?.message ?? '', /not a period we read/);
});

test('the API answers 404 for an unknown dataset, metric or peer group', async () => {
  const ask = (params: Record<string, string>) =>
    client.get(`/api/v1/benchmarks/compare?${new URLSearchParams({ period: '2022-23-Q3', ...params })}`);
  assert.equal((await ask({ dataset: '999999', metric: 'Recycling | Percentage' })).status, 404);
  assert.equal((await ask({ dataset: datasetId, metric: 'Nothing' })).status, 404);
  assert.equal(
    (await ask({ dataset: datasetId, metric: 'Recycling | Percentage', group: 'Nobody' })).status,
    404,
  );
});

test('an anonymous caller gets 401 from the API', async () => {
  const response = await fetch(
    `${testApp.baseUrl}/api/v1/benchmarks/compare?dataset=${datasetId}&metric=x&period=2022-23-Q3`,
  );
  assert.equal(response.status, 401);
});

test('the CLI refuses a malformed file naming its row and column, exits 1 and loads nothing', async () => {
  const file = await csv('bad.csv', ['E06000001,Hartlepool,2022/23 Q3,Recycling,Percentage,Waste,lots']);
  const run = scorecard('benchmarks', 'import', file, '--profile', 'lg-inform-long', '--dataset', 'bad-api');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /bad\.csv, row 2, column value: 'lots' is not a number/);
  const loaded = await testApp.db
    .selectFrom('benchmark_datasets')
    .select('id')
    .where('name', '=', 'bad-api')
    .execute();
  assert.deepEqual(loaded, []);
});
