// The real published files load unchanged through their shipped profiles, and the comparisons made from them match
// the figures the sources publish themselves: Oflog's median per year and measure, the LGBF's family and Scotland
// ranks and percentiles, and the Scottish median in its averages file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { realDataFile } from '../testing/real-data.ts';
import { compare } from './compare.service.ts';
import { importGroupFile } from './groups.import.ts';
import { importBenchmarkFile } from './import.service.ts';
import { importMetricInformation } from './metric-information.ts';

let database: TestDatabase;
let councilId: string;

before(async () => {
  database = await freshDatabase('empty');
  ({ id: councilId } = await database.db
    .insertInto('councils')
    .values({ slug: 'scotland-test', name: 'Test council' })
    .returning('id')
    .executeTakeFirstOrThrow());
});
after(async () => database.drop());

function csvOf(relative: string): Record<string, string>[] {
  return parse(readFileSync(realDataFile(relative)), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
}

async function load(relative: string, profile: string, dataset = relative) {
  const file = realDataFile(relative);
  return importBenchmarkFile(database.db, {
    councilId,
    userId: null,
    file,
    fileName: relative,
    profile,
    dataset,
  });
}

// Within a millionth, relatively: the data files round some values the published averages were made from.
const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ ${expected}`,
  );

test("Oflog's adult social care file loads unchanged, and each year's median per measure is Oflog's MEDIAN", async () => {
  const loaded = await load('oflog/asc-measures.csv', 'oflog-asc', 'oflog-asc');
  assert.equal(loaded.rows, 6376);
  assert.equal(loaded.metrics, 7);
  const medians = new Map<string, number>();
  for (const r of csvOf('oflog/asc-measures.csv'))
    medians.set(`${r['Code']}|${r['Financial year']}`, Number(r['MEDIAN']));
  for (const [key, median] of medians) {
    const [code = '', year = ''] = key.split('|');
    const [comparison] = await compare(database.db, councilId, {
      dataset: loaded.datasetId,
      metric: code,
      periods: [year],
    });
    close(comparison?.median ?? null, median, `median of ${code} in ${year}`);
  }
  assert.ok(medians.size >= 40);
});

test("LGBF quarterly ranks match the LGBF's own FamilyRank, ScotRank, FamilyPct and ScotPct", async () => {
  const loaded = await load('lgbf/indicator-data-quarterly.csv', 'lgbf-quarterly', 'lgbf-quarterly');
  assert.equal(loaded.rows, 1339);
  await importMetricInformation(database.db, {
    councilId,
    userId: null,
    datasetId: loaded.datasetId,
    file: realDataFile('lgbf/indicator-information.csv'),
  });
  await importGroupFile(
    database.db,
    { councilId, userId: null },
    realDataFile('lgbf/family-groups.csv'),
    'lgbf-family-groups',
  );
  const familyType =
    'Environmental, Culture & Leisure, Economic Development, Corporate and Property indicators';
  const published = csvOf('lgbf/indicator-data-quarterly.csv');
  const cache = new Map<string, Awaited<ReturnType<typeof compare>>[number]>();
  const comparison = async (code: string, period: string, group: string | null) => {
    const key = `${code}|${period}|${group}`;
    let found = cache.get(key);
    if (!found) {
      [found] = await compare(database.db, councilId, {
        dataset: 'lgbf-quarterly',
        metric: code,
        periods: [period],
        group,
      });
      if (!found) throw new Error(`no comparison for ${key}`);
      cache.set(key, found);
    }
    return found;
  };
  let checked = 0;
  for (const row of published) {
    const period = (row['Period'] ?? '').replace(';', '-');
    const familyGroup = (row['Key_CodePeriodFamilyGroupDType'] ?? '').slice(
      (row['Code'] ?? '').length + (row['Period'] ?? '').length,
      -'Real_Quarterly'.length,
    );
    const family = await comparison(row['Code'] ?? '', period, `${familyGroup} (${familyType})`);
    const scotland = await comparison(row['Code'] ?? '', period, null);
    const who = `${row['Code']} ${period} ${row['LocalAuthority']}`;
    const inFamily = family.rows.find((r) => r.areaName === row['LocalAuthority']);
    const inScotland = scotland.rows.find((r) => r.areaName === row['LocalAuthority']);
    assert.equal(inFamily?.rank, Number(row['FamilyRank']), `family rank of ${who}`);
    assert.equal(inScotland?.rank, Number(row['ScotRank']), `Scotland rank of ${who}`);
    close(inFamily?.percentile ?? null, Number(row['FamilyPct']), `family percentile of ${who}`);
    close(inScotland?.percentile ?? null, Number(row['ScotPct']), `Scotland percentile of ${who}`);
    checked++;
  }
  assert.equal(checked, 1339);
});

test("LGBF annual data loads unchanged and each indicator's median is the Scottish median the LGBF publishes", async () => {
  const loaded = await load('lgbf/indicator-data-annual.csv', 'lgbf-annual', 'lgbf-annual');
  assert.equal(loaded.rows, 35466);
  assert.equal(loaded.areas, 32);
  await importMetricInformation(database.db, {
    councilId,
    userId: null,
    datasetId: loaded.datasetId,
    file: realDataFile('lgbf/indicator-information.csv'),
  });
  // For some percentage indicators (CHN14a) the averages file writes a fraction (0.2199) where the data file
  // writes the percentage (21.99); for others (C&L05a) both write the fraction. Only those may differ by 100.
  const percentages = new Set(
    (
      await database.db
        .selectFrom('benchmark_metrics')
        .select('code')
        .where('dataset_id', '=', loaded.datasetId)
        .where('unit', '=', '%')
        .execute()
    ).map((m) => m.code),
  );
  const averages = csvOf('lgbf/scottish-averages.csv').filter((r) => r['DataType'] === 'Real_Annual');
  let checked = 0;
  for (const average of averages) {
    const code = (average['Code'] ?? '').replace(/ /g, '');
    let comparison;
    try {
      [comparison] = await compare(database.db, councilId, {
        dataset: 'lgbf-annual',
        metric: code,
        periods: [average['Period'] ?? ''],
      });
    } catch {
      continue; // an indicator the averages file has and the annual file does not
    }
    if (!comparison || comparison.count === 0) continue;
    const published = Number(average['Value_Scot_Median']);
    const scale =
      percentages.has(code) &&
      Math.abs((comparison.median ?? 0) - published) > 1e-6 * Math.max(1, Math.abs(published))
        ? 100
        : 1;
    close(comparison.median, published * scale, `Scottish median of ${code} ${average['Period']}`);
    checked++;
  }
  assert.ok(checked > 500, `only ${checked} medians checked`);
});

test('every LG Inform extract loads unchanged, and the CIPFA list is a peer group', async () => {
  for (const name of [
    'admissions_care_homes_65p',
    'cla_health_assessment',
    'household_waste_recycling',
    'housing_affordability',
    'planning_applications_major',
    'planning_applications_non-major',
    'social_care_satisfaction',
  ]) {
    const relative = `lg-inform-trafford/${name}.csv`;
    const loaded = await load(relative, 'lg-inform-long', name);
    assert.equal(loaded.rows, csvOf(relative).length, name);
  }
  const groups = await importGroupFile(
    database.db,
    { councilId, userId: null },
    realDataFile('lg-inform-trafford/cipfa-nearest-neighbours-trafford.csv'),
    'cipfa-nearest-neighbours',
    'CIPFA nearest neighbours of Trafford',
  );
  assert.equal(groups, 1);
  await database.db
    .updateTable('councils')
    .set({ area_code: 'E08000009' })
    .where('id', '=', councilId)
    .execute();
  const [planning] = await compare(database.db, councilId, {
    dataset: 'planning_applications_major',
    metric: 'Percentage of major planning applications decided within 13 weeks or agreed time | Percentage',
    periods: ['2022/23 Q3'],
    group: 'CIPFA nearest neighbours of Trafford',
  });
  // Trafford and its 15 neighbours, as far as the extract has them; never the England figure.
  assert.ok(planning && planning.count >= 10 && planning.count <= 16, `count ${planning?.count}`);
  assert.ok(planning.rows.some((r) => r.area === 'E08000009'));
  assert.ok(!planning.rows.some((r) => r.area === 'E92000001'));
  await database.db.updateTable('councils').set({ area_code: null }).where('id', '=', councilId).execute();
});

test("the Oflog nearest-neighbours lists and the Oflog file's regions and authority types import as peer groups", async () => {
  const neighbours = await importGroupFile(
    database.db,
    { councilId, userId: null },
    realDataFile('oflog/nearest-neighbours.json'),
    'oflog-nearest-neighbours',
  );
  assert.ok(neighbours > 300);
  const derived = await importGroupFile(
    database.db,
    { councilId, userId: null },
    realDataFile('oflog/asc-measures.csv'),
    'oflog-areas',
  );
  assert.equal(derived, 9 + 4);
  const [darlington] = await compare(database.db, councilId, {
    dataset: 'oflog-asc',
    metric: 'ASC1',
    periods: ['2016-17'],
    group: 'Nearest neighbours of E06000005',
  });
  assert.ok(darlington && darlington.rows.some((r) => r.area === 'E06000005'));
  assert.ok(darlington.count <= 16);
  const [northEast] = await compare(database.db, councilId, {
    dataset: 'oflog-asc',
    metric: 'ASC1',
    periods: ['2016-17'],
    group: 'Region: North East',
  });
  assert.ok(northEast && northEast.count > 5 && northEast.count <= 12);
});
