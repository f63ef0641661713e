// Proves direction of travel respects polarity, treats range measures by distance to the band, keeps
// demand measures unjudged, and never compares a year-to-date figure with the period before it.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  directionOfTravel,
  directionVsLastYear,
  directionVsPrevious,
  type DirectionRange,
  type DirectionResult,
} from './direction.ts';
import type { Accumulation } from './periods.rollup.ts';
import type { Polarity } from './rag.ts';

const result = (
  judgement: DirectionResult['judgement'],
  change: DirectionResult['change'],
  difference: number | null,
): DirectionResult => ({ judgement, change, difference });
const NOT_COMPARABLE = result('not_comparable', null, null);
const BAND: DirectionRange = { low: 40, high: 60 };

type Case = [
  name: string,
  current: number | null | undefined,
  comparator: number | null | undefined,
  polarity: Polarity,
  expected: DirectionResult,
  range?: DirectionRange | null,
];

const cases: Case[] = [
  ['up: a rise is improving', 75, 70, 'up', result('improving', 'up', 5)],
  ['up: a fall is worsening', 65, 70, 'up', result('worsening', 'down', -5)],
  ['up: the same figure is no change', 70, 70, 'up', result('no_change', 'same', 0)],
  ['down: a fall is improving', 12, 15, 'down', result('improving', 'down', -3)],
  ['down: a rise is worsening', 18, 15, 'down', result('worsening', 'up', 3)],
  ['down: the same figure is no change', 15, 15, 'down', result('no_change', 'same', 0)],
  ['up: 0.1 + 0.2 against 0.3 is no change', 0.1 + 0.2, 0.3, 'up', result('no_change', 'same', 0)],
  ['down: a tiny real fall still counts', 0.2999999, 0.3, 'down', result('improving', 'down', -1e-7)],
  ['up: a difference below 10 dp is no change', 0.30000000000001, 0.3, 'up', result('no_change', 'same', 0)],
  ['up: negative figures rising is improving', -2, -5, 'up', result('improving', 'up', 3)],
  ['down: negative figures falling is improving', -5, -2, 'down', result('improving', 'down', -3)],
  ['up: from zero is measured normally', 1, 0, 'up', result('improving', 'up', 1)],
  ['none: a demand rise is not judged but shown as up', 120, 100, 'none', result('not_comparable', 'up', 20)],
  ['none: a demand fall is shown as down', 80, 100, 'none', result('not_comparable', 'down', -20)],
  ['none: a steady demand is shown as same', 100, 100, 'none', result('not_comparable', 'same', 0)],
  [
    'range: moving into the band from below is improving',
    45,
    30,
    'range',
    result('improving', 'up', 15),
    BAND,
  ],
  [
    'range: moving towards the band from above is improving',
    65,
    70,
    'range',
    result('improving', 'down', -5),
    BAND,
  ],
  ['range: leaving the band upwards is worsening', 62, 58, 'range', result('worsening', 'up', 4), BAND],
  ['range: moving further below is worsening', 30, 35, 'range', result('worsening', 'down', -5), BAND],
  ['range: moving about inside the band is no change', 55, 45, 'range', result('no_change', 'up', 10), BAND],
  [
    'range: crossing to the same distance on the other side is no change',
    65,
    35,
    'range',
    result('no_change', 'up', 30),
    BAND,
  ],
  [
    'range: crossing to a nearer point on the other side is improving',
    62,
    35,
    'range',
    result('improving', 'up', 27),
    BAND,
  ],
  [
    'range: a negative band is measured by distance too',
    -4,
    -2,
    'range',
    result('improving', 'down', -2),
    { low: -10, high: -5 },
  ],
  ['range: without a band it is not comparable', 50, 40, 'range', result('not_comparable', 'up', 10)],
  [
    'range: a band missing a bound is not comparable',
    50,
    40,
    'range',
    result('not_comparable', 'up', 10),
    { low: 40, high: null },
  ],
  ['up: a missing current figure is not comparable', null, 70, 'up', NOT_COMPARABLE],
  ['down: a missing comparator is not comparable', 70, null, 'down', NOT_COMPARABLE],
  ['up: an undefined comparator is not comparable', 70, undefined, 'up', NOT_COMPARABLE],
  ['range: NaN is not comparable', Number.NaN, 50, 'range', NOT_COMPARABLE, BAND],
  ['none: a missing figure has no change either', null, 100, 'none', NOT_COMPARABLE],
];

describe('directionOfTravel', () => {
  for (const [name, current, comparator, polarity, expected, range] of cases) {
    test(name, () => assert.deepEqual(directionOfTravel({ current, comparator, polarity, range }), expected));
  }
});

describe('directionVsPrevious', () => {
  const accumulations: [Accumulation, DirectionResult][] = [
    ['discrete', result('improving', 'up', 10)],
    ['snapshot', result('improving', 'up', 10)],
    ['year_to_date', NOT_COMPARABLE],
  ];
  for (const [accumulation, expected] of accumulations) {
    test(`a ${accumulation} figure against the previous period gives ${expected.judgement}`, () => {
      assert.deepEqual(
        directionVsPrevious({ current: 60, previous: 50, polarity: 'up', accumulation }),
        expected,
      );
    });
  }
  test('a year-to-date figure is not compared with the previous period even for a demand measure', () => {
    assert.deepEqual(
      directionVsPrevious({ current: 60, previous: 50, polarity: 'none', accumulation: 'year_to_date' }),
      NOT_COMPARABLE,
    );
  });
  test('a missing previous value is not comparable', () => {
    assert.deepEqual(
      directionVsPrevious({ current: 60, previous: null, polarity: 'down', accumulation: 'discrete' }),
      NOT_COMPARABLE,
    );
  });
  test('a range measure is judged against its band', () => {
    assert.deepEqual(
      directionVsPrevious({
        current: 50,
        previous: 70,
        polarity: 'range',
        accumulation: 'snapshot',
        range: BAND,
      }),
      result('improving', 'down', -20),
    );
  });
});

describe('directionVsLastYear', () => {
  const accumulations: Accumulation[] = ['discrete', 'snapshot', 'year_to_date'];
  for (const accumulation of accumulations) {
    test(`a ${accumulation} figure is comparable with the same period last year`, () => {
      assert.deepEqual(
        directionVsLastYear({ current: 40, lastYear: 50, polarity: 'down', accumulation }),
        result('improving', 'down', -10),
      );
    });
  }
  test('a missing figure for last year is not comparable', () => {
    assert.deepEqual(
      directionVsLastYear({ current: 40, lastYear: undefined, polarity: 'up', accumulation: 'year_to_date' }),
      NOT_COMPARABLE,
    );
  });
  test('a demand measure compared with last year shows the change without a judgement', () => {
    assert.deepEqual(
      directionVsLastYear({ current: 40, lastYear: 50, polarity: 'none', accumulation: 'discrete' }),
      result('not_comparable', 'down', -10),
    );
  });
});
