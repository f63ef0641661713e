// Proves the Making Data Count XmR rules at their boundaries: limits, the four special-cause rules, phases,
// fixed baselines, screening, the variation and assurance icons, the reading and the validation of requests.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assessSpc,
  spcReading,
  SpcInputError,
  validateSpcRequest,
  type SpcPolarity,
  type SpcRequest,
  type SpcResult,
} from './spc.ts';

type Rule = 'outside' | 'shift' | 'trend' | 'twoInThree';

const up = (values: (number | null)[], extra: Partial<SpcRequest> = {}): SpcResult =>
  assessSpc({ values, polarity: 'up', ...extra });

/** The indexes a rule flagged. */
const flagged = (result: SpcResult, rule: Rule): number[] =>
  result.points.filter((p) => p[rule]).map((p) => p.index);

const near = (actual: number, expected: number, message?: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, message ?? `${actual} ≠ ${expected}`);

const times = (n: number, v: number): number[] => Array.from({ length: n }, () => v);
/** 10, 12, 10, 12, …: mean 11, MR̄ 2, limits 11 ± 5.32, and no signal. */
const steady = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 10 : 12));
/** A baseline of [50, 0] (fixAfter 2) gives mean 25, MR̄ 50, limits 25 ± 133 and 2σ lines 25 ± 88.67. */
const wide = { fixAfter: 2 };

describe('limits', () => {
  test('a hand-checked worked example', () => {
    // values 5 7 6 8 7 9 6 8 7 5 7 6: sum 81, mean 81 / 12 = 6.75.
    // moving ranges 2 1 2 1 2 3 2 1 2 2 1: sum 19, MR̄ = 19 / 11 = 1.727272…
    // 2.66 × MR̄ = 50.54 / 11 = 4.594545…: UPL = 11.344545…, LPL = 2.155454…
    // 2σ: (2 / 3) × 4.594545… = 3.063030…: upper 9.813030…, lower 3.686969…
    const result = up([5, 7, 6, 8, 7, 9, 6, 8, 7, 5, 7, 6]);
    near(result.mean, 6.75);
    const [phase] = result.phases;
    assert.ok(phase);
    near(phase.movingRangeMean, 19 / 11);
    near(result.upl, 6.75 + 50.54 / 11);
    near(result.lpl, 6.75 - 50.54 / 11);
    near(phase.upperTwoSigma, 6.75 + (2 / 3) * (50.54 / 11));
    near(phase.lowerTwoSigma, 6.75 - (2 / 3) * (50.54 / 11));
    assert.deepEqual([phase.start, phase.end], [0, 11]);
    assert.equal(result.variation, 'common_cause');
    assert.equal(result.provisional, true);
    assert.ok(result.points.every((p) => p.signal === null));
  });

  test('a missing period is skipped, reported, and the moving range spans the gap', () => {
    const result = up([10, null, 13, 10, null]);
    assert.deepEqual(result.missing, [1, 4]);
    assert.deepEqual(
      result.points.map((p) => p.index),
      [0, 2, 3],
    );
    near(result.phases[0]?.movingRangeMean ?? NaN, 3); // |13 − 10| and |10 − 13|
    near(result.mean, 11);
  });

  test('fixAfter takes the first phase’s limits from its first n points only', () => {
    const result = up([10, 12, 10, 12, 100, 100], { fixAfter: 4 });
    near(result.mean, 11);
    near(result.phases[0]?.movingRangeMean ?? NaN, 2);
    near(result.upl, 16.32);
    assert.deepEqual(flagged(result, 'outside'), [4, 5]);
    assert.ok(up([10, 12, 10, 12, 100, 100]).mean > 11);
  });

  test('fixAfter applies to the first phase only', () => {
    const result = up([10, 12, 10, 12, 100, 20, 30, 20, 30], { fixAfter: 2, phases: [5] });
    near(result.phases[0]?.mean ?? NaN, 11);
    near(result.phases[1]?.mean ?? NaN, 25);
    near(result.phases[1]?.movingRangeMean ?? NaN, 10);
  });

  test('each phase has its own limits, and moving ranges never cross a phase break', () => {
    const result = up([10, 12, 10, 50, 52, 50], { phases: [3] });
    assert.deepEqual(
      result.phases.map((p) => [p.start, p.end]),
      [
        [0, 2],
        [3, 5],
      ],
    );
    near(result.phases[0]?.movingRangeMean ?? NaN, 2);
    near(result.phases[1]?.movingRangeMean ?? NaN, 2);
    near(result.mean, 50 + 2 / 3);
    assert.deepEqual(
      result.points.map((p) => p.mean),
      [...times(3, result.phases[0]?.mean ?? NaN), ...times(3, result.phases[1]?.mean ?? NaN)],
    );
  });

  test('screening drops one huge moving range and recalculates MR̄', () => {
    // Ranges: ten of 2 and one of 190; MR̄ = 210 / 11 ≈ 19.09, and 190 ≥ 3.267 × 19.09 ≈ 62.4.
    const values = [...steady(11), 200];
    near(up(values).phases[0]?.movingRangeMean ?? NaN, 210 / 11);
    near(up(values, { screenMovingRanges: true }).phases[0]?.movingRangeMean ?? NaN, 2);
    near(up(values, { screenMovingRanges: false }).phases[0]?.movingRangeMean ?? NaN, 210 / 11);
  });

  test('screening keeps moving ranges below 3.267 × MR̄', () => {
    near(up(steady(12), { screenMovingRanges: true }).phases[0]?.movingRangeMean ?? NaN, 2);
  });
});

describe('the rules', () => {
  const cases: [
    name: string,
    values: number[],
    extra: Partial<SpcRequest>,
    rule: Rule,
    expected: number[],
  ][] = [
    // Limits 25 ± 133 = −108 to 158.
    ['outside: above the upper limit', [50, 0, 159], wide, 'outside', [2]],
    ['outside: below the lower limit', [50, 0, -109], wide, 'outside', [2]],
    ['outside: exactly on the upper limit is not outside', [50, 0, 158], wide, 'outside', []],
    ['outside: exactly on the lower limit is not outside', [50, 0, -108], wide, 'outside', []],
    // Mean 25.
    ['shift: 7 above the mean', [50, 0, ...times(7, 30)], wide, 'shift', [2, 3, 4, 5, 6, 7, 8]],
    ['shift: 7 below the mean', [50, 0, ...times(6, 20)], wide, 'shift', [1, 2, 3, 4, 5, 6, 7]],
    ['shift: 6 above the mean is not a shift', [50, 0, ...times(6, 30)], wide, 'shift', []],
    [
      'shift: a point exactly on the mean breaks the run',
      [50, 0, 30, 30, 30, 25, 30, 30, 30, 30],
      wide,
      'shift',
      [],
    ],
    ['shift: 8 in a row flags all 8', [50, 0, ...times(8, 30)], wide, 'shift', [2, 3, 4, 5, 6, 7, 8, 9]],
    ['trend: 7 rising (6 increases)', [1, 2, 3, 4, 5, 6, 7], {}, 'trend', [0, 1, 2, 3, 4, 5, 6]],
    ['trend: 7 falling', [7, 6, 5, 4, 3, 2, 1], {}, 'trend', [0, 1, 2, 3, 4, 5, 6]],
    ['trend: 6 rising is not a trend', [1, 2, 3, 4, 5, 6, 6], {}, 'trend', []],
    ['trend: a tie breaks the run', [1, 2, 3, 3, 4, 5, 6, 7], {}, 'trend', []],
    [
      'trend: a peak belongs to the runs into and out of it',
      [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1],
      {},
      'trend',
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    ],
    // 2σ lines 25 ± 88.67 = −63.67 to 113.67.
    [
      'two-in-three: two of three beyond the upper 2σ line',
      [50, 0, 120, 30, 120],
      wide,
      'twoInThree',
      [2, 4],
    ],
    [
      'two-in-three: two of three beyond the lower 2σ line',
      [50, 0, -70, 20, -70],
      wide,
      'twoInThree',
      [2, 4],
    ],
    ['two-in-three: two adjacent', [50, 0, 30, 120, 120, 30], wide, 'twoInThree', [3, 4]],
    ['two-in-three: beyond the process limit counts', [50, 0, 200, 30, 120], wide, 'twoInThree', [2, 4]],
    [
      'two-in-three: the window must be all on one side of the mean',
      [50, 0, 120, 10, 120],
      wide,
      'twoInThree',
      [],
    ],
    ['two-in-three: one of three is not enough', [50, 0, 120, 30, 30], wide, 'twoInThree', []],
    ['two-in-three: opposite sides do not add up', [50, 0, 120, -70, 120], wide, 'twoInThree', []],
  ];
  for (const [name, values, extra, rule, expected] of cases) {
    test(name, () => assert.deepEqual(flagged(up(values, extra), rule), expected));
  }

  test('a shift across a phase break is not flagged', () => {
    // Phase 1 (mean 28.33): 30 × 4 above it; phase 2 (mean 40): 60 × 3 above it. Seven in a row, split.
    const result = up([50, 0, 30, 30, 30, 30, 60, 60, 60, 0, 20], { phases: [6] });
    assert.deepEqual(flagged(result, 'shift'), []);
  });

  test('a trend across a phase break is not flagged', () => {
    assert.deepEqual(flagged(up([1, 2, 3, 4, 5, 6, 7], { phases: [4] }), 'trend'), []);
    assert.deepEqual(flagged(up([1, 2, 3, 4, 5, 6, 7]), 'trend'), [0, 1, 2, 3, 4, 5, 6]);
  });

  test('two-in-three does not look across a phase break', () => {
    // Without the break the window (2, 3, 4) flags 2 and 4; with it, each phase has too few points.
    const values = [50, 0, 120, 30, 120];
    assert.deepEqual(flagged(up(values, { fixAfter: 2, phases: [3] }), 'twoInThree'), []);
  });
});

describe('signals and the variation icon', () => {
  const outsideHigh = [...steady(11), 40];
  const outsideLow = [...steady(11), -20];
  const cases: [
    name: string,
    values: number[],
    extra: Partial<SpcRequest>,
    polarity: SpcPolarity,
    expected: string,
  ][] = [
    ['no signal is common cause', steady(12), {}, 'up', 'common_cause'],
    ['up: high is an improvement', outsideHigh, {}, 'up', 'improvement_high'],
    ['up: low is a concern', outsideLow, {}, 'up', 'concern_low'],
    ['down: high is a concern', outsideHigh, {}, 'down', 'concern_high'],
    ['down: low is an improvement', outsideLow, {}, 'down', 'improvement_low'],
    ['neutral: high is neutral', outsideHigh, {}, 'neutral', 'neutral_high'],
    ['neutral: low is neutral', outsideLow, {}, 'neutral', 'neutral_low'],
    // A shift above the mean (high) that is also a falling trend (low): improvement wins.
    [
      'up: flagged both ways, improvement wins',
      [50, 0, 50, 0, 50, 100, 90, 80, 70, 60, 50, 40],
      wide,
      'up',
      'improvement_high',
    ],
    [
      'down: flagged both ways, improvement wins',
      [50, 0, 50, 0, 50, 100, 90, 80, 70, 60, 50, 40],
      wide,
      'down',
      'improvement_low',
    ],
    [
      'neutral: flagged both ways, the side of the mean',
      [50, 0, 50, 0, 50, 100, 90, 80, 70, 60, 50, 40],
      wide,
      'neutral',
      'neutral_high',
    ],
    [
      'a signal before the last point does not set the icon',
      [...steady(5), 40, ...steady(6)],
      {},
      'up',
      'common_cause',
    ],
  ];
  for (const [name, values, extra, polarity, expected] of cases) {
    test(name, () => assert.equal(assessSpc({ values, polarity, ...extra }).variation, expected));
  }

  test('each flagged point carries its signal by polarity', () => {
    // One point far above the rest: outside the limits, and it splits the points below the mean into runs of 5 and 6.
    const values = [10, 12, 10, 12, 10, 40, 10, 12, 10, 12, 10, 12];
    const signals = (polarity: SpcPolarity) => assessSpc({ values, polarity }).points.map((p) => p.signal);
    const withSignal = (s: string) => values.map((v) => (v === 40 ? s : null));
    assert.deepEqual(signals('up'), withSignal('improvement'));
    assert.deepEqual(signals('down'), withSignal('concern'));
    assert.deepEqual(signals('neutral'), withSignal('neutral'));
  });
});

describe('the assurance icon', () => {
  // steady(12): limits 11 ± 5.32 = 5.68 to 16.32.
  const cases: [name: string, target: number | undefined, polarity: SpcPolarity, expected: string | null][] =
    [
      ['up: a target above the upper limit will fail', 20, 'up', 'fail'],
      ['down: a target above the upper limit will pass', 20, 'down', 'pass'],
      ['up: a target below the lower limit will pass', 2, 'up', 'pass'],
      ['down: a target below the lower limit will fail', 2, 'down', 'fail'],
      ['up: a target inside the limits is hit and miss', 11, 'up', 'inconsistent'],
      ['down: a target inside the limits is hit and miss', 15, 'down', 'inconsistent'],
      ['no target, no assurance', undefined, 'up', null],
      ['neutral polarity, no assurance', 20, 'neutral', null],
    ];
  for (const [name, target, polarity, expected] of cases) {
    test(name, () => {
      const request: SpcRequest = { values: steady(12), polarity };
      if (target !== undefined) request.target = target;
      assert.equal(assessSpc(request).assurance, expected);
    });
  }

  test('a target exactly on a limit is hit and miss', () => {
    const { upl, lpl } = up(steady(12));
    assert.equal(up(steady(12), { target: upl }).assurance, 'inconsistent');
    assert.equal(up(steady(12), { target: lpl }).assurance, 'inconsistent');
  });

  test('uses the last phase’s limits', () => {
    const values = [...steady(6), ...steady(6).map((v) => v + 100)];
    // One phase: 61 ± 28.5, so 100 is beyond reach; the last phase alone: 111 ± 5.32, so 100 is always beaten.
    assert.equal(up(values, { target: 100 }).assurance, 'fail');
    assert.equal(up(values, { target: 100, phases: [6] }).assurance, 'pass');
  });
});

describe('how much data', () => {
  const cases: [points: number, variation: string, provisional: boolean][] = [
    [1, 'not_enough_data', false],
    [11, 'not_enough_data', false],
    [12, 'common_cause', true],
    [19, 'common_cause', true],
    [20, 'common_cause', false],
  ];
  for (const [n, variation, provisional] of cases) {
    test(`${n} points: ${variation}${provisional ? ', provisional' : ''}`, () => {
      const result = up(steady(n), { target: 100 });
      assert.equal(result.variation, variation);
      assert.equal(result.provisional, provisional);
      assert.equal(result.assurance, n < 12 ? null : 'fail');
    });
  }

  test('missing periods do not count towards the 12', () => {
    const result = up([...steady(11), null, null]);
    assert.equal(result.variation, 'not_enough_data');
  });

  test('a signal on fewer than 12 points is still flagged on the point', () => {
    const result = up([...steady(10), 40]);
    assert.equal(result.variation, 'not_enough_data');
    assert.equal(result.points.at(-1)?.signal, 'improvement');
  });
});

describe('spcReading', () => {
  const months = Array.from(
    { length: 24 },
    (_, i) =>
      `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][i % 12]} ${2025 + Math.floor(i / 12)}`,
  );

  test('not enough data', () => {
    assert.equal(spcReading(up(steady(9)), months), 'Not enough data for SPC: 9 points (12 needed).');
  });

  test('common cause', () => {
    assert.equal(spcReading(up(steady(20)), months), 'Common cause variation: no signal of change.');
    assert.equal(
      spcReading(up(steady(12)), months),
      'Common cause variation: no signal of change (provisional: 12 points, 20 wanted).',
    );
  });

  test('a shift since a named month', () => {
    // Mean 25 from [50, 0]; index 5 (June 2025) starts 7 above it, none outside or two-in-three.
    const values = [50, 0, 50, 0, 20, ...times(7, 30), 50, 0, 50, 0, 50, 0, 50, 0];
    const shifted = [...values.slice(0, 12), ...times(8, 30)];
    const result = assessSpc({ values: shifted, polarity: 'up', fixAfter: 2 });
    assert.equal(result.variation, 'improvement_high');
    assert.equal(
      spcReading(result, months, 'months'),
      'Special cause improvement: 15 months above the average since June 2025.',
    );
  });

  test('a point outside the limits', () => {
    assert.equal(
      spcReading(assessSpc({ values: [...steady(19), 40], polarity: 'down' }), months),
      'Special cause concern: August 2026 is above the upper process limit.',
    );
  });

  test('a falling trend', () => {
    const values = [...steady(13), 16, 15, 14, 13, 12, 11, 10].map((v) => v);
    const result = assessSpc({ values, polarity: 'down', phases: [12] });
    assert.match(spcReading(result, months), /^Special cause improvement: 7 points falling in a row since/);
  });
});

describe('validateSpcRequest', () => {
  const good = { values: [1, 2, null, 4], polarity: 'up' };

  test('accepts a good request and keeps only the known fields', () => {
    assert.deepEqual(
      validateSpcRequest({
        ...good,
        target: 3,
        fixAfter: 2,
        phases: [3],
        screenMovingRanges: true,
        extra: 1,
      }),
      {
        values: [1, 2, null, 4],
        polarity: 'up',
        target: 3,
        fixAfter: 2,
        phases: [3],
        screenMovingRanges: true,
      },
    );
  });

  const bad: [name: string, input: unknown, field: string][] = [
    ['not an object', [1, 2], 'request'],
    ['no values', { polarity: 'up' }, 'values'],
    ['an empty series', { values: [], polarity: 'up' }, 'values'],
    ['only missing values', { values: [null, null], polarity: 'up' }, 'values'],
    ['a string in the series', { values: [1, '2'], polarity: 'up' }, 'values'],
    ['a polarity outside the three', { values: [1], polarity: 'higher' }, 'polarity'],
    ['no polarity', { values: [1] }, 'polarity'],
    ['a non-numeric target', { ...good, target: 'high' }, 'target'],
    ['fixAfter below 2', { ...good, fixAfter: 1 }, 'fixAfter'],
    ['fixAfter beyond the series', { ...good, fixAfter: 5 }, 'fixAfter'],
    ['fixAfter not whole', { ...good, fixAfter: 2.5 }, 'fixAfter'],
    ['fixAfter beyond the first phase', { ...good, fixAfter: 3, phases: [2] }, 'fixAfter'],
    ['a phase index out of range', { ...good, phases: [4] }, 'phases'],
    ['a phase index of 0', { ...good, phases: [0] }, 'phases'],
    ['phases not increasing', { ...good, phases: [3, 1] }, 'phases'],
    ['a repeated phase index', { ...good, phases: [1, 1] }, 'phases'],
    ['a phase of only missing values', { ...good, phases: [2, 3] }, 'phases'],
    ['phases not an array', { ...good, phases: 2 }, 'phases'],
    ['screenMovingRanges not a boolean', { ...good, screenMovingRanges: 'yes' }, 'screenMovingRanges'],
  ];
  for (const [name, input, field] of bad) {
    test(`rejects ${name}, naming ${field}`, () => {
      assert.throws(
        () => validateSpcRequest(input),
        (error: unknown) => error instanceof SpcInputError && error.field === field,
      );
    });
  }
});
