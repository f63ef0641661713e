// The importer's promises on small files of our own: a malformed file is refused with every problem named by file,
// row and column and nothing loaded; a reload is a new version and the earlier one is kept; an XLSX loads as its
// CSV would; and ranks respect polarity: ties share the better rank ("1224"), Goldilocks ranks by distance.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import type { AppError } from '../web/errors.ts';
import { compare } from './compare.service.ts';
import { saveGroups } from './groups.service.ts';
import { importBenchmarkFile } from './import.service.ts';

let database: TestDatabase;
let councilId: string;
let dir: string;

before(async () => {
  database = await freshDatabase('empty');
  ({ id: councilId } = await database.db
    .insertInto('councils')
    .values({ slug: 'import-test', name: 'Test council', area_code: 'E06000001' })
    .returning('id')
    .executeTakeFirstOrThrow());
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-bench-import-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await database.drop();
});

const header = 'area_code,area_name,period,indicator,measure,unit,value';

async function file(name: string, lines: string[]): Promise<string> {
  const at = path.join(dir, name);
  await writeFile(at, [header, ...lines].join('\n') + '\n');
  return at;
}

function load(at: string, dataset: string) {
  return importBenchmarkFile(database.db, {
    councilId,
    userId: null,
    file: at,
    fileName: path.basename(at),
    profile: 'lg-inform-long',
    dataset,
  });
}

async function countOf(query: string): Promise<number> {
  return (await sql<{ n: number }>`${sql.raw(query)}`.execute(database.db)).rows[0]?.n ?? -1;
}

/** Areas E06000001… with the given values for one metric and period. */
function rowsOf(values: (number | string)[], period = '2023/24'): string[] {
  return values.map((v, i) => `E0600000${i + 1},Area ${i + 1},${period},Recycling,Percentage,Waste,${v}`);
}

async function setPolarity(
  dataset: string,
  polarity: 'higher' | 'lower' | 'goldilocks',
  midpoint: number | null,
) {
  await database.db
    .updateTable('benchmark_metrics')
    .set({ polarity, midpoint })
    .where(
      'dataset_id',
      'in',
      database.db.selectFrom('benchmark_datasets').select('id').where('name', '=', dataset),
    )
    .execute();
}

async function ranks(dataset: string, group: string | null = null) {
  const [comparison] = await compare(database.db, councilId, {
    dataset,
    metric: 'Recycling | Percentage',
    periods: ['2023-24'],
    group,
  });
  return comparison;
}

test('a malformed file is refused with each problem named by file, row and column, and nothing is loaded', async () => {
  const before = await countOf('SELECT count(*)::int AS n FROM benchmark_dataset_versions');
  const at = await file('bad.csv', [
    'E06000001,Area 1,2023/24,Recycling,Percentage,Waste,41.5',
    'E06000002,Area 2,2023/24,Recycling,Percentage,Waste,forty',
    'Hartlepool,Area 3,2023/24,Recycling,Percentage,Waste,40',
    'E06000004,Area 4,last year,Recycling,Percentage,Waste,40',
  ]);
  await assert.rejects(load(at, 'bad'), (error: AppError) => {
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /bad\.csv: 3 rows have problems; nothing was loaded/);
    assert.deepEqual(
      error.details.map((d) => d.field),
      ['bad.csv, row 3, column value', 'bad.csv, row 4, column area_code', 'bad.csv, row 5, column period'],
    );
    assert.match(error.details[0]?.message ?? '', /'forty' is not a number/);
    return true;
  });
  assert.equal(await countOf('SELECT count(*)::int AS n FROM benchmark_dataset_versions'), before);
  assert.equal(await countOf("SELECT count(*)::int AS n FROM benchmark_datasets WHERE name = 'bad'"), 0);
  assert.equal(
    await countOf("SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'benchmark_rows_v%'"),
    0,
  );
});

test('a file missing a column the profile needs is refused naming the column', async () => {
  const at = path.join(dir, 'narrow.csv');
  await writeFile(at, 'area_code,area_name,period,value\nE06000001,Area 1,2023/24,4\n');
  await assert.rejects(load(at, 'narrow'), (error: AppError) => {
    assert.deepEqual(error.details, [
      { field: 'row 1, column indicator', message: "no column 'indicator' in the header row" },
      { field: 'row 1, column measure', message: "no column 'measure' in the header row" },
    ]);
    return true;
  });
});

test('the same metric, area and period twice is refused and nothing is loaded', async () => {
  const at = await file('twice.csv', [...rowsOf([1, 2]), ...rowsOf([3])]);
  await assert.rejects(load(at, 'twice'), (error: AppError) => {
    assert.match(error.message, /1 row has problems; nothing was loaded/);
    assert.deepEqual(error.details, [
      {
        field: 'twice.csv, row 4',
        message:
          'metric Recycling | Percentage, period 2023-24 and area E06000001 are given again (once each)',
      },
    ]);
    return true;
  });
  assert.equal(await countOf("SELECT count(*)::int AS n FROM benchmark_datasets WHERE name = 'twice'"), 0);
});

test('a reload is a new version with its provenance; the earlier version is kept and the new one is current', async () => {
  const first = await load(await file('v1.csv', rowsOf([10, 20, 30])), 'versions');
  const second = await load(await file('v2.csv', rowsOf([11, 21, 31, 41])), 'versions');
  assert.equal(first.datasetId, second.datasetId);
  assert.deepEqual([first.version, second.version], [1, 2]);
  const versions = await database.db
    .selectFrom('benchmark_dataset_versions')
    .select(['version', 'file_name', 'row_count', 'sha256', 'profile'])
    .where('dataset_id', '=', first.datasetId)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    versions.map((v) => [v.version, v.file_name, Number(v.row_count), v.profile]),
    [
      [1, 'v1.csv', 3, 'lg-inform-long'],
      [2, 'v2.csv', 4, 'lg-inform-long'],
    ],
  );
  assert.match(versions[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.equal(
    await countOf(`SELECT count(*)::int AS n FROM benchmark_rows WHERE version_id = ${first.versionId}`),
    3,
  );
  await setPolarity('versions', 'higher', null);
  assert.equal((await ranks('versions'))?.count, 4);
  assert.equal(
    await countOf(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'benchmark.import' AND entity_id IN ('${first.versionId}', '${second.versionId}')`,
    ),
    2,
  );
});

test('tied values share the better rank, competition style (1224), and their quartile', async () => {
  await load(await file('ties.csv', rowsOf([5, 7, 7, 9, 3, 7, 1, 2])), 'ties');
  await setPolarity('ties', 'higher', null);
  const comparison = await ranks('ties');
  assert.deepEqual(
    comparison?.rows.map((r) => [r.value, r.rank, r.quartile]),
    [
      [9, 1, 1],
      [7, 2, 1],
      [7, 2, 1],
      [7, 2, 1],
      [5, 5, 3],
      [3, 6, 3],
      [2, 7, 4],
      [1, 8, 4],
    ],
  );
  assert.equal(comparison?.median, 6);
  assert.equal(comparison?.mean, 41 / 8);
  await setPolarity('ties', 'lower', null);
  assert.deepEqual((await ranks('ties'))?.rows.map((r) => [r.value, r.rank]).slice(0, 3), [
    [1, 1],
    [2, 2],
    [3, 3],
  ]);
});

test('a Goldilocks metric ranks by distance from its midpoint; equal distances either side tie', async () => {
  await load(await file('goldilocks.csv', rowsOf([0.9, 1.1, 1.0, 0.5, 1.3])), 'goldilocks');
  await setPolarity('goldilocks', 'goldilocks', 1);
  const comparison = await ranks('goldilocks');
  assert.deepEqual(
    comparison?.rows.map((r) => [r.value, r.rank]),
    [
      [1.0, 1],
      [1.1, 2],
      [0.9, 2],
      [1.3, 4],
      [0.5, 5],
    ],
  );
});

test("a peer group's comparison counts its members and the council itself, even when the list leaves it out", async () => {
  await load(await file('group.csv', rowsOf([5, 6, 7, 8, 9])), 'group');
  await setPolarity('group', 'higher', null);
  await saveGroups(database.db, { councilId, userId: null }, [
    { name: 'Two peers', kind: 'custom', source: '', members: ['E06000004', 'E06000005'] },
  ]);
  const comparison = await ranks('group', 'Two peers');
  assert.deepEqual(
    comparison?.rows.map((r) => [r.area, r.rank, r.percentile]),
    [
      ['E06000005', 1, 1 / 3],
      ['E06000004', 2, 2 / 3],
      ['E06000001', 3, 1],
    ],
  );
  await assert.rejects(ranks('group', 'No such group'), (e: AppError) => e.statusCode === 404);
});

test('an XLSX file loads as the same rows its CSV would', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(header.split(','));
  sheet.addRow(['E06000001', 'Area 1', '2022/23 Q3', 'Recycling', 'Percentage', 'Waste', 41.5]);
  sheet.addRow(['E06000002', 'Area 2', '2022/23 Q3', 'Recycling', 'Percentage', 'Waste', 'NA']);
  const at = path.join(dir, 'sheet.xlsx');
  await workbook.xlsx.writeFile(at);
  const loaded = await load(at, 'xlsx');
  assert.equal(loaded.rows, 2);
  const rows = await sql<{ period: string; value: string | null }>`
    SELECT period, value FROM benchmark_rows WHERE version_id = ${loaded.versionId} ORDER BY area_code`.execute(
    database.db,
  );
  assert.deepEqual(rows.rows, [
    { period: '2022-23-Q3', value: '41.5' },
    { period: '2022-23-Q3', value: null },
  ]);
});

test('an unknown profile is refused naming the shipped ones', async () => {
  await assert.rejects(
    importBenchmarkFile(database.db, {
      councilId,
      userId: null,
      file: await file('p.csv', rowsOf([1])),
      fileName: 'p.csv',
      profile: 'nope',
      dataset: 'p',
    }),
    /no profile 'nope': choose one of lg-inform-long, lgbf-annual, lgbf-quarterly, oflog-asc/,
  );
});
