// The demo's benchmark dataset: Anytown and 15 fictional neighbours, Anytown's rows the means of its published
// figures per financial year, mapped measures ranked among the neighbours, the same again after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { compare } from '../benchmarking/compare.service.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { ANYTOWN_AREA } from './benchmarks.ts';
import { loadDemo } from './load.ts';

let database: TestDatabase;
let councilId: string;

before(async () => {
  database = await freshDatabase('demo');
  councilId = (await database.db.selectFrom('councils').select('id').executeTakeFirstOrThrow()).id;
});
after(async () => database.drop());

async function mapped() {
  return database.db
    .selectFrom('benchmark_mappings as bm')
    .innerJoin('measures as m', 'm.id', 'bm.measure_id')
    .innerJoin('benchmark_metrics as x', 'x.id', 'bm.metric_id')
    .select(['m.id as measureId', 'm.code', 'x.dataset_id', 'x.polarity'])
    .where('bm.council_id', '=', councilId)
    .orderBy('m.code')
    .execute();
}

test('several benchmarkable measures are mapped, and Anytown ranks among its 15 neighbours on each', async () => {
  const mappings = await mapped();
  assert.ok(mappings.length >= 4, `${mappings.length} mapped measures`);
  for (const m of mappings) {
    const comparisons = await compare(database.db, councilId, {
      dataset: m.dataset_id,
      metric: m.code,
      group: `Nearest neighbours of ${ANYTOWN_AREA}`,
    });
    assert.ok(comparisons.length >= 4, `${m.code} has ${comparisons.length} years`);
    for (const c of comparisons) {
      assert.equal(c.count, 16, `${m.code} ${c.period}`);
      const anytown = c.rows.find((r) => r.area === ANYTOWN_AREA);
      assert.ok(anytown?.rank && anytown.rank >= 1 && anytown.rank <= 16);
    }
  }
});

test("Anytown's benchmark figure for a year is the mean of its published figures in that financial year", async () => {
  const [first] = await mapped();
  assert.ok(first);
  const ours = await sql<{ period: string; value: string }>`
    SELECT period, value FROM benchmark_rows WHERE area_code = ${ANYTOWN_AREA} AND metric_code = ${first.code}
     ORDER BY period LIMIT 1 OFFSET 1`.execute(database.db);
  const row = ours.rows[0];
  assert.ok(row);
  const startYear = Number(row.period.slice(0, 4));
  const mean = await sql<{ mean: string }>`
    SELECT round(avg(value), 2) AS mean FROM data_values
     WHERE measure_id = ${first.measureId} AND breakdown = '' AND status = 'published'
       AND period_start >= ${`${startYear}-04-01`}::date AND period_start < ${`${startYear + 1}-04-01`}::date`.execute(
    database.db,
  );
  assert.equal(Number(row.value), Number(mean.rows[0]?.mean));
});

test('a reload of the demo gives the same benchmark figures', async () => {
  const figures = () =>
    sql<{
      sum: string;
    }>`SELECT md5(string_agg(concat_ws('|', metric_code, area_code, period, value), ',' ORDER BY 1)) AS sum
      FROM benchmark_rows WHERE council_id = ${councilId}`.execute(database.db);
  const before = (await figures()).rows[0]?.sum;
  await loadDemo(database.db);
  assert.equal((await figures()).rows[0]?.sum, before);
  assert.equal((await mapped()).length >= 4, true);
});
