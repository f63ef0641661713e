// Proves the RAG verdict for every polarity at and around its boundaries, with zero and negative targets,
// absolute and percentage tolerances, missing figures and missing targets.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rag, ragLabel, ragSymbol, type Polarity, type Rag, type Target, type Tolerance } from './rag.ts';

const abs = (amount: number): Tolerance => ({ kind: 'absolute', amount });
const pct = (amount: number): Tolerance => ({ kind: 'percent', amount });
const aim = (value: number | null, tolerance?: Tolerance): Target => ({ value, tolerance });
const band = (low: number | null, high: number | null, tolerance?: Tolerance): Target => ({
  value: null,
  low,
  high,
  tolerance,
});

type Case = [
  name: string,
  value: number | null | undefined,
  target: Target | null | undefined,
  polarity: Polarity,
  expected: Rag,
];

const cases: Case[] = [
  // Higher is better.
  ['up: above target is green', 81, aim(80, abs(5)), 'up', 'green'],
  ['up: exactly on target is green', 80, aim(80, abs(5)), 'up', 'green'],
  ['up: just below target is amber', 79.9, aim(80, abs(5)), 'up', 'amber'],
  ['up: exactly at target minus tolerance is amber', 75, aim(80, abs(5)), 'up', 'amber'],
  ['up: just beyond tolerance is red', 74.9, aim(80, abs(5)), 'up', 'red'],
  [
    'up: percent tolerance is a percentage of the target (10% of 80 is 8)',
    72,
    aim(80, pct(10)),
    'up',
    'amber',
  ],
  ['up: beyond a percent tolerance is red', 71.9, aim(80, pct(10)), 'up', 'red'],
  ['up: without tolerance a miss is red, never amber', 79.99, aim(80), 'up', 'red'],
  ['up: a null tolerance behaves as none', 79.99, aim(80, undefined), 'up', 'red'],
  ['up: a zero tolerance behaves as none', 79.99, aim(80, abs(0)), 'up', 'red'],
  ['up: without tolerance on target is still green', 80, aim(80), 'up', 'green'],
  ['up: 0.1 + 0.2 meets a target of 0.3', 0.1 + 0.2, aim(0.3), 'up', 'green'],
  ['up: 0.3 meets a target of 0.1 + 0.2', 0.3, aim(0.1 + 0.2), 'up', 'green'],
  ['up: a boundary hit through floating-point is still amber', 0.63, aim(0.7, pct(10)), 'up', 'amber'],
  [
    'up: percentage measure 67.3% against 70% with 3 points tolerance is amber',
    67.3,
    aim(70, abs(3)),
    'up',
    'amber',
  ],
  ['up: percentage measure 100% against 95% is green', 100, aim(95, abs(2)), 'up', 'green'],
  ['up: zero target met by zero is green', 0, aim(0, pct(10)), 'up', 'green'],
  ['up: zero target with percent tolerance has no amber', -0.01, aim(0, pct(10)), 'up', 'red'],
  ['up: zero target with absolute tolerance has amber', -0.5, aim(0, abs(1)), 'up', 'amber'],
  ['up: negative target, a smaller loss is green', -2, aim(-5, pct(20)), 'up', 'green'],
  ['up: negative target, a loss within 20% of |target| is amber', -6, aim(-5, pct(20)), 'up', 'amber'],
  ['up: negative target, a loss beyond 20% of |target| is red', -6.01, aim(-5, pct(20)), 'up', 'red'],
  ['up: negative value against a positive target is red', -1, aim(10, abs(5)), 'up', 'red'],
  // Lower is better.
  ['down: below target is green', 18, aim(20, abs(2)), 'down', 'green'],
  ['down: exactly on target is green', 20, aim(20, abs(2)), 'down', 'green'],
  ['down: just above target is amber', 20.1, aim(20, abs(2)), 'down', 'amber'],
  ['down: exactly at target plus tolerance is amber', 22, aim(20, abs(2)), 'down', 'amber'],
  ['down: beyond tolerance is red', 22.01, aim(20, abs(2)), 'down', 'red'],
  ['down: percent tolerance (5% of 20 is 1) at the boundary is amber', 21, aim(20, pct(5)), 'down', 'amber'],
  ['down: beyond the percent tolerance is red', 21.01, aim(20, pct(5)), 'down', 'red'],
  ['down: without tolerance a miss is red', 20.01, aim(20), 'down', 'red'],
  ['down: zero target met by zero is green', 0, aim(0, pct(50)), 'down', 'green'],
  ['down: zero target with percent tolerance has no amber', 1, aim(0, pct(50)), 'down', 'red'],
  ['down: zero target with absolute tolerance has amber', 1, aim(0, abs(1)), 'down', 'amber'],
  ['down: a negative value beats a zero target', -3, aim(0), 'down', 'green'],
  [
    'down: negative target uses |target| for percent (10% of 10 is 1)',
    -9,
    aim(-10, pct(10)),
    'down',
    'amber',
  ],
  ['down: negative target beyond tolerance is red', -8.9, aim(-10, pct(10)), 'down', 'red'],
  ['down: 0.1 + 0.2 meets a ceiling of 0.3', 0.1 + 0.2, aim(0.3), 'down', 'green'],
  // Within a range is best.
  ['range: inside the band is green', 50, band(40, 60, abs(5)), 'range', 'green'],
  ['range: on the low bound is green', 40, band(40, 60, abs(5)), 'range', 'green'],
  ['range: on the high bound is green', 60, band(40, 60, abs(5)), 'range', 'green'],
  ['range: just below the band is amber', 39.9, band(40, 60, abs(5)), 'range', 'amber'],
  ['range: at low minus tolerance is amber', 35, band(40, 60, abs(5)), 'range', 'amber'],
  ['range: beyond low minus tolerance is red', 34.9, band(40, 60, abs(5)), 'range', 'red'],
  ['range: at high plus tolerance is amber', 65, band(40, 60, abs(5)), 'range', 'amber'],
  ['range: beyond high plus tolerance is red', 65.1, band(40, 60, abs(5)), 'range', 'red'],
  [
    'range: percent tolerance uses the nearer low bound (10% of 40 is 4)',
    36,
    band(40, 60, pct(10)),
    'range',
    'amber',
  ],
  ['range: percent tolerance below low is red past 10% of low', 35.9, band(40, 60, pct(10)), 'range', 'red'],
  [
    'range: percent tolerance uses the nearer high bound (10% of 60 is 6)',
    66,
    band(40, 60, pct(10)),
    'range',
    'amber',
  ],
  [
    'range: percent tolerance above high is red past 10% of high',
    66.1,
    band(40, 60, pct(10)),
    'range',
    'red',
  ],
  ['range: without tolerance outside the band is red', 60.01, band(40, 60), 'range', 'red'],
  ['range: a one-point band is green on the point', 5, band(5, 5), 'range', 'green'],
  [
    'range: a band around zero with percent tolerance has no amber below',
    -0.1,
    band(0, 10, pct(10)),
    'range',
    'red',
  ],
  [
    'range: a negative band works (−10 to −5, value −4 within 1)',
    -4,
    band(-10, -5, abs(1)),
    'range',
    'amber',
  ],
  ['range: a negative band, percent of |high| (20% of 5 is 1)', -4, band(-10, -5, pct(20)), 'range', 'amber'],
  [
    'range: a negative band, below it by more than 20% of |low| is red',
    -12.1,
    band(-10, -5, pct(20)),
    'range',
    'red',
  ],
  ['range: 0.1 + 0.2 sits on a 0.3 bound', 0.1 + 0.2, band(0, 0.3), 'range', 'green'],
  [
    'range: the target value is ignored, only the bounds count',
    50,
    { value: 0, low: 40, high: 60 },
    'range',
    'green',
  ],
  // Not rated and no data.
  ['none: a demand measure is never rated', 120, aim(100, abs(5)), 'none', 'not_rated'],
  ['none: even without a target', 120, null, 'none', 'not_rated'],
  ['up: no target at all is not rated', 50, null, 'up', 'not_rated'],
  ['down: an undefined target is not rated', 50, undefined, 'down', 'not_rated'],
  ['up: a target without a value is not rated', 50, aim(null, abs(5)), 'up', 'not_rated'],
  ['down: a target of NaN is not rated', 50, aim(Number.NaN), 'down', 'not_rated'],
  ['range: a band without a low bound is not rated', 50, band(null, 60), 'range', 'not_rated'],
  ['range: a band without a high bound is not rated', 50, band(40, null), 'range', 'not_rated'],
  ['range: a single target value is not a band', 50, aim(50), 'range', 'not_rated'],
  ['up: a null value is no data', null, aim(80), 'up', 'no_data'],
  ['down: an undefined value is no data', undefined, aim(80), 'down', 'no_data'],
  ['range: NaN is no data', Number.NaN, band(1, 2), 'range', 'no_data'],
  ['up: Infinity is no data', Number.POSITIVE_INFINITY, aim(80), 'up', 'no_data'],
  ['none: no data outranks not rated', null, null, 'none', 'no_data'],
  ['up: no data even without a target', null, null, 'up', 'no_data'],
];

describe('rag', () => {
  for (const [name, value, target, polarity, expected] of cases) {
    test(name, () => assert.equal(rag({ value, target, polarity }), expected));
  }

  test('refuses a negative tolerance rather than guessing', () => {
    assert.throws(() => rag({ value: 1, target: aim(2, abs(-1)), polarity: 'up' }), {
      name: 'RangeError',
      message: 'a tolerance must be zero or more, got -1',
    });
  });

  test('refuses a band whose low bound is above its high bound', () => {
    assert.throws(() => rag({ value: 1, target: band(10, 5), polarity: 'range' }), RangeError);
  });
});

describe('ragLabel and ragSymbol pair a word with an icon so colour is never the only cue', () => {
  const cases: [Rag, string, string][] = [
    ['green', 'On target', '✓'],
    ['amber', 'Within tolerance', '!'],
    ['red', 'Off target', '✕'],
    ['not_rated', 'Not rated', '–'],
    ['no_data', 'No data', '?'],
  ];
  for (const [r, label, symbol] of cases) {
    test(`${r} reads "${label}" with '${symbol}'`, () => {
      assert.equal(ragLabel(r), label);
      assert.equal(ragSymbol(r), symbol);
    });
  }
  test('every verdict has its own symbol', () => {
    assert.equal(new Set(cases.map(([r]) => ragSymbol(r))).size, cases.length);
  });
});
