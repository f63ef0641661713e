// Which figures SPC looks at and how a measure's baseline and recalculation points become assessSpc's input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noSettings, spcSeries, type SeriesFigure, type SeriesSettings } from './spc-series.ts';

/** Monthly figures from April 2020, newest first as the database returns them; value i + 1 for month i. */
function months(count: number, valueOf = (i: number): number | null => i + 1): SeriesFigure[] {
  const figures: SeriesFigure[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2020 + Math.floor((3 + i) / 12);
    const month = ((3 + i) % 12) + 1;
    const key = `${year}-${String(month).padStart(2, '0')}`;
    figures.push({ period: key, start: `${key}-01`, value: valueOf(i) });
  }
  return figures.reverse();
}

const settings = (s: Partial<SeriesSettings>): SeriesSettings => ({ ...noSettings, ...s });

describe('the SPC window', () => {
  test('without settings it is the newest 36 figures, oldest first', () => {
    const series = spcSeries(months(60), noSettings);
    assert.equal(series.figures.length, 36);
    assert.equal(series.figures[0]?.period, '2022-04');
    assert.equal(series.figures.at(-1)?.period, '2025-03');
    assert.deepEqual(series.request.values.slice(0, 2), [25, 26]);
    assert.equal(series.request.fixAfter, undefined);
    assert.equal(series.request.phases, undefined);
  });

  test('fewer than 36 figures are all assessed', () => {
    assert.equal(spcSeries(months(14), noSettings).figures.length, 14);
  });

  test('with a baseline it starts at the baseline and reaches back further than 36 figures', () => {
    const series = spcSeries(
      months(60),
      settings({
        baselineStart: '2020-07-01',
        baselineTo: '2021-06',
        baselineToStart: '2021-06-01',
        baselineReason: 'Stable',
      }),
    );
    assert.equal(series.figures[0]?.period, '2020-07');
    assert.equal(series.figures.length, 57);
    assert.equal(series.request.fixAfter, 12);
    assert.deepEqual(series.baseline, { to: '2021-06', reason: 'Stable', points: 12 });
  });

  test('the baseline counts only the figures that have a value', () => {
    const series = spcSeries(
      months(30, (i) => (i === 2 ? null : i)),
      settings({
        baselineStart: '2020-04-01',
        baselineTo: '2021-03',
        baselineToStart: '2021-03-01',
        baselineReason: 'x',
      }),
    );
    assert.equal(series.request.fixAfter, 11);
  });

  test('a baseline with fewer than two figures so far leaves the limits to the whole phase', () => {
    const series = spcSeries(
      months(30),
      settings({
        baselineStart: '2022-09-01',
        baselineTo: '2023-08',
        baselineToStart: '2023-08-01',
        baselineReason: 'x',
      }),
    );
    assert.equal(series.figures.length, 1);
    assert.equal(series.request.fixAfter, undefined);
    assert.equal(series.baseline, null);
  });
});

describe('recalculation points', () => {
  test('each becomes a phase starting at its first figure, with its reason', () => {
    const series = spcSeries(
      months(36),
      settings({
        recalculations: [
          { period: '2021-04', start: '2021-04-01', reason: 'New contractor' },
          { period: '2022-10', start: '2022-10-01', reason: 'New definition' },
        ],
      }),
    );
    assert.deepEqual(series.request.phases, [12, 30]);
    assert.deepEqual(
      series.breaks.map((b) => [b.index, b.period, b.reason]),
      [
        [12, '2021-04', 'New contractor'],
        [30, '2022-10', 'New definition'],
      ],
    );
  });

  test('a point with no figure of its own starts at the next figure there is', () => {
    const figures = months(36).filter((f) => f.period !== '2021-04');
    const series = spcSeries(
      figures,
      settings({ recalculations: [{ period: '2021-04', start: '2021-04-01', reason: 'x' }] }),
    );
    assert.equal(series.figures[series.breaks[0]?.index ?? -1]?.period, '2021-05');
  });

  test('points before the window or after the last figure make no phase', () => {
    const series = spcSeries(
      months(60),
      settings({
        recalculations: [
          { period: '2020-06', start: '2020-06-01', reason: 'before the window' },
          { period: '2030-01', start: '2030-01-01', reason: 'not yet' },
        ],
      }),
    );
    assert.equal(series.request.phases, undefined);
    assert.deepEqual(series.breaks, []);
  });

  test('a recalculation ends the baseline: only baseline figures before it fix the first limits', () => {
    const series = spcSeries(
      months(36),
      settings({
        baselineStart: '2020-04-01',
        baselineTo: '2021-03',
        baselineToStart: '2021-03-01',
        baselineReason: 'x',
        recalculations: [{ period: '2021-04', start: '2021-04-01', reason: 'y' }],
      }),
    );
    assert.equal(series.request.fixAfter, 12);
    assert.deepEqual(series.request.phases, [12]);
  });
});
