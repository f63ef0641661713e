// Proves quarter and year figures are built from their months by the measure's accumulation, that ratios
// are rebuilt from their parts, and that a gap is always reported rather than hidden in a total.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rollUp, type Accumulation, type RollUpPoint, type RollUpResult } from './periods.rollup.ts';
import { parsePeriod, PeriodError, type Period } from './periods.ts';

type Figure = number | null | [numerator: number | null, denominator: number | null];

/** Builds points from a compact { key: figure } table; a pair is a numerator and denominator. */
function points(figures: Record<string, Figure>): RollUpPoint[] {
  return Object.entries(figures).map(([key, figure]) =>
    Array.isArray(figure)
      ? { period: parsePeriod(key), value: null, numerator: figure[0], denominator: figure[1] }
      : { period: parsePeriod(key), value: figure },
  );
}

const Q2 = parsePeriod('2025-26-Q2');
const FY = parsePeriod('2025-26');
const monthsOfFy = ['04', '05', '06', '07', '08', '09', '10', '11', '12']
  .map((m) => `2025-${m}`)
  .concat(['2026-01', '2026-02', '2026-03']);

interface Case {
  name: string;
  parent: Period;
  figures: Record<string, Figure>;
  accumulation: Accumulation;
  multiplier?: number;
  expected: RollUpResult;
}

const cases: Case[] = [
  {
    name: 'a discrete quarter is the sum of its three months',
    parent: Q2,
    figures: { '2025-07': 10, '2025-08': 20, '2025-09': 30 },
    accumulation: 'discrete',
    expected: { value: 60, complete: true, missing: [] },
  },
  {
    name: 'a discrete sum is clear of floating-point noise',
    parent: Q2,
    figures: { '2025-07': 0.1, '2025-08': 0.2, '2025-09': 0.4 },
    accumulation: 'discrete',
    expected: { value: 0.7, complete: true, missing: [] },
  },
  {
    name: 'months given out of order sum the same',
    parent: Q2,
    figures: { '2025-09': 30, '2025-07': 10, '2025-08': 20 },
    accumulation: 'discrete',
    expected: { value: 60, complete: true, missing: [] },
  },
  {
    name: 'a discrete quarter with a month absent has no value and names the month',
    parent: Q2,
    figures: { '2025-07': 10, '2025-09': 30 },
    accumulation: 'discrete',
    expected: { value: null, complete: false, missing: ['2025-08'] },
  },
  {
    name: 'a discrete quarter with a null month has no value and names the month',
    parent: Q2,
    figures: { '2025-07': 10, '2025-08': null, '2025-09': 30 },
    accumulation: 'discrete',
    expected: { value: null, complete: false, missing: ['2025-08'] },
  },
  {
    name: 'a discrete quarter with no figures lists every month as missing',
    parent: Q2,
    figures: {},
    accumulation: 'discrete',
    expected: { value: null, complete: false, missing: ['2025-07', '2025-08', '2025-09'] },
  },
  {
    name: 'a discrete year is the sum of its four quarters',
    parent: FY,
    figures: { '2025-26-Q1': 1, '2025-26-Q2': 2, '2025-26-Q3': 3, '2025-26-Q4': 4 },
    accumulation: 'discrete',
    expected: { value: 10, complete: true, missing: [] },
  },
  {
    name: 'a zero month counts as reported, not missing',
    parent: Q2,
    figures: { '2025-07': 0, '2025-08': 0, '2025-09': 5 },
    accumulation: 'discrete',
    expected: { value: 5, complete: true, missing: [] },
  },
  {
    name: 'a year-to-date quarter takes its last month, which already holds the others',
    parent: Q2,
    figures: { '2025-07': 110, '2025-08': 150, '2025-09': 190 },
    accumulation: 'year_to_date',
    expected: { value: 190, complete: true, missing: [] },
  },
  {
    name: 'a year-to-date year is its March figure',
    parent: FY,
    figures: Object.fromEntries(monthsOfFy.map((key, i) => [key, (i + 1) * 10])),
    accumulation: 'year_to_date',
    expected: { value: 120, complete: true, missing: [] },
  },
  {
    name: 'a year-to-date year part-way through (no January to March) has no year figure yet',
    parent: FY,
    figures: Object.fromEntries(monthsOfFy.slice(0, 9).map((key, i) => [key, (i + 1) * 10])),
    accumulation: 'year_to_date',
    expected: { value: null, complete: false, missing: ['2026-01', '2026-02', '2026-03'] },
  },
  {
    name: 'a year-to-date quarter with an earlier month absent keeps the value but is incomplete',
    parent: Q2,
    figures: { '2025-08': 150, '2025-09': 190 },
    accumulation: 'year_to_date',
    expected: { value: 190, complete: false, missing: ['2025-07'] },
  },
  {
    name: 'a snapshot quarter is the position at its last month',
    parent: Q2,
    figures: { '2025-07': 412, '2025-08': 398, '2025-09': 405 },
    accumulation: 'snapshot',
    expected: { value: 405, complete: true, missing: [] },
  },
  {
    name: 'a snapshot quarter whose last month is absent has no value',
    parent: Q2,
    figures: { '2025-07': 412, '2025-08': 398 },
    accumulation: 'snapshot',
    expected: { value: null, complete: false, missing: ['2025-09'] },
  },
  {
    name: 'a snapshot year from quarters is the position at Q4',
    parent: FY,
    figures: { '2025-26-Q1': 50, '2025-26-Q2': 55, '2025-26-Q3': 61, '2025-26-Q4': 58 },
    accumulation: 'snapshot',
    expected: { value: 58, complete: true, missing: [] },
  },
  {
    name: 'a discrete percentage is rebuilt from summed parts, not averaged',
    parent: Q2,
    figures: { '2025-07': [9, 10], '2025-08': [1, 10], '2025-09': [80, 100] },
    accumulation: 'discrete',
    multiplier: 100,
    expected: { value: 75, numerator: 90, denominator: 120, complete: true, missing: [] },
  },
  {
    name: 'a discrete rate per 10,000 is rebuilt from summed parts',
    parent: Q2,
    figures: { '2025-07': [3, 40_000], '2025-08': [5, 40_000], '2025-09': [4, 40_000] },
    accumulation: 'discrete',
    multiplier: 10_000,
    expected: { value: 1, numerator: 12, denominator: 120_000, complete: true, missing: [] },
  },
  {
    name: 'a discrete ratio with a month lacking its denominator has no value',
    parent: Q2,
    figures: { '2025-07': [9, 10], '2025-08': [1, null], '2025-09': [80, 100] },
    accumulation: 'discrete',
    multiplier: 100,
    expected: { value: null, numerator: null, denominator: null, complete: false, missing: ['2025-08'] },
  },
  {
    name: 'a discrete ratio with zero total denominator is undefined, not zero',
    parent: Q2,
    figures: { '2025-07': [0, 0], '2025-08': [0, 0], '2025-09': [0, 0] },
    accumulation: 'discrete',
    multiplier: 100,
    expected: { value: null, numerator: 0, denominator: 0, complete: true, missing: [] },
  },
  {
    name: 'a year-to-date ratio uses the last month’s own parts',
    parent: Q2,
    figures: { '2025-07': [10, 20], '2025-08': [25, 40], '2025-09': [2, 3] },
    accumulation: 'year_to_date',
    multiplier: 100,
    expected: { value: 66.6666666667, numerator: 2, denominator: 3, complete: true, missing: [] },
  },
  {
    name: 'a snapshot ratio with the last month absent has no value',
    parent: Q2,
    figures: { '2025-07': [10, 20], '2025-08': [25, 40] },
    accumulation: 'snapshot',
    multiplier: 100,
    expected: { value: null, numerator: null, denominator: null, complete: false, missing: ['2025-09'] },
  },
  {
    name: 'a snapshot ratio with an earlier month absent keeps the value but is incomplete',
    parent: Q2,
    figures: { '2025-08': [25, 40], '2025-09': [1, 4] },
    accumulation: 'snapshot',
    multiplier: 100,
    expected: { value: 25, numerator: 1, denominator: 4, complete: false, missing: ['2025-07'] },
  },
  {
    name: 'a month rolled up to itself is its own value',
    parent: parsePeriod('2025-10'),
    figures: { '2025-10': 7 },
    accumulation: 'discrete',
    expected: { value: 7, complete: true, missing: [] },
  },
];

describe('rollUp', () => {
  for (const c of cases) {
    test(c.name, () => {
      const ratio = c.multiplier === undefined ? null : { multiplier: c.multiplier };
      assert.deepEqual(rollUp(points(c.figures), c.accumulation, { parent: c.parent, ratio }), c.expected);
    });
  }

  test('a ratio measure ignores a stored value and uses the parts', () => {
    const pts: RollUpPoint[] = [
      { period: parsePeriod('2025-07'), value: 99, numerator: 1, denominator: 2 },
      { period: parsePeriod('2025-08'), value: 99, numerator: 1, denominator: 2 },
      { period: parsePeriod('2025-09'), value: 99, numerator: 1, denominator: 2 },
    ];
    assert.equal(rollUp(pts, 'discrete', { parent: Q2, ratio: { multiplier: 100 } }).value, 50);
  });

  test('an explicit child kind lists missing quarters when there are no figures at all', () => {
    assert.deepEqual(rollUp([], 'snapshot', { parent: FY, childKind: 'quarter' }).missing, [
      '2025-26-Q1',
      '2025-26-Q2',
      '2025-26-Q3',
      '2025-26-Q4',
    ]);
  });

  const refusals: [string, RollUpPoint[]][] = [
    ['a month outside the quarter', points({ '2025-07': 1, '2025-10': 2 })],
    ['a mix of months and quarters', points({ '2025-07': 1, '2025-26-Q2': 2 })],
    ['the same month twice', [...points({ '2025-07': 1 }), ...points({ '2025-07': 2 })]],
  ];
  for (const [what, pts] of refusals) {
    test(`refuses ${what}`, () => {
      assert.throws(() => rollUp(pts, 'discrete', { parent: Q2 }), PeriodError);
    });
  }

  test('names the stray period and the parent when refusing it', () => {
    assert.throws(() => rollUp(points({ '2025-10': 1 }), 'discrete', { parent: Q2 }), {
      message: "'2025-10' is not a month within '2025-26-Q2'",
    });
  });

  test('refuses children that do not tile the parent', () => {
    assert.throws(
      () => rollUp(points({ '2025-26-Q2': 1 }), 'discrete', { parent: parsePeriod('AY2025-26') }),
      PeriodError,
    );
  });

  for (const multiplier of [0, -100, Number.NaN]) {
    test(`refuses a ratio multiplier of ${multiplier}`, () => {
      assert.throws(() => rollUp([], 'discrete', { parent: Q2, ratio: { multiplier } }), RangeError);
    });
  }
});
