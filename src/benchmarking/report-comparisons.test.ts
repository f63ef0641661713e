// Reports compare each benchmarked measure with similar councils, in words, as its measure page does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { measuresOf, type ReportModel } from '../reporting/reports/report-model.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { inWords } from './report-comparisons.ts';

const row = (rank: number | null, quartile: number | null) => ({
  area: 'E06000900',
  areaName: 'Anytown',
  value: 71.25,
  rank,
  quartile,
  percentile: rank == null ? null : rank / 16,
});

describe('a comparison in words', () => {
  const latest = {
    metric: 'ASC1',
    period: '2025-26',
    group: 'x',
    count: 16,
    median: 68.4,
    mean: 69,
    rows: [],
  };

  test('says our figure, rank, count, group, quartile and the median', () => {
    assert.deepEqual(
      inWords({
        title: 'Adults in care',
        metric: 'ASC1',
        group: 'Nearest neighbours of E06000900',
        latest,
        mine: row(3, 1),
      }),
      [
        'Adults in care (ASC1), 2025-26: 71.25, ranked 3 of 16 among our nearest neighbours, quartile 1 (1 is the best quarter); the median is 68.4.',
      ],
    );
  });

  test('says every council in the dataset when we have no peer group', () => {
    const [sentence] = inWords({ title: 'T', metric: 'M', group: null, latest, mine: row(9, 3) });
    assert.match(sentence ?? '', /ranked 9 of 16 among every council in the dataset, quartile 3/);
  });

  test('says nothing without a figure of ours or a rank (a metric whose polarity is not set)', () => {
    assert.deepEqual(inWords({ title: 'T', metric: 'M', group: null, latest, mine: null }), []);
    assert.deepEqual(inWords({ title: 'T', metric: 'M', group: null, latest, mine: row(null, null) }), []);
  });
});

describe("the demo's published reports", () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase('demo');
  });
  after(async () => t.drop());

  test('compare each benchmarked measure with our nearest neighbours, and only those', async () => {
    const mapped = await t.db
      .selectFrom('benchmark_mappings as bm')
      .innerJoin('measures as m', 'm.id', 'bm.measure_id')
      .select('m.code')
      .execute();
    const benchmarked = new Set(mapped.map((m) => m.code));
    assert.ok(benchmarked.size > 0, 'the demo maps some measures to benchmark metrics');
    const reports = await t.db
      .selectFrom('reports')
      .select('content')
      .where('status', '=', 'published')
      .execute();
    let compared = 0;
    for (const { content } of reports) {
      for (const m of measuresOf(content as ReportModel)) {
        if (!benchmarked.has(m.code)) {
          assert.deepEqual(m.benchmarks ?? [], [], `${m.code} is not benchmarked`);
          continue;
        }
        compared += 1;
        assert.ok(m.benchmarks?.length, `${m.code} is compared`);
        for (const sentence of m.benchmarks ?? [])
          assert.match(sentence, /ranked \d+ of 16 among our nearest neighbours, quartile [1-4]/);
      }
    }
    assert.ok(compared > 0, 'some published report has a benchmarked measure');
  });
});
