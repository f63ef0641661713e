// Proves each rule of the year-end forecast by the table: run-rate for cumulative totals and rates so far, no
// run-rate where the kind cannot be told, the forecast against a profile, the 100% cap, verdicts by polarity,
// the year end giving the actual, and bad input named.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastYearEnd, type ForecastInput, type YearEndForecast } from './forecast.ts';

const base: ForecastInput = {
  value: 0,
  elapsed: 6,
  periodsPerYear: 12,
  unit: 'count',
  calculationType: 'value',
  polarity: 'up',
};
const forecast = (overrides: Partial<ForecastInput>): YearEndForecast =>
  forecastYearEnd({ ...base, ...overrides });
const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(
    actual != null && Math.abs(actual - expected) < 1e-9,
    `expected ${expected}, got ${String(actual)}`,
  );

describe('run-rate forecast', () => {
  type Case = [name: string, input: Partial<ForecastInput>, kind: string, value: number, capped: boolean];
  const cases: Case[] = [
    ['a count at month 6 of 12 doubles', { value: 60 }, 'cumulative_total', 120, false],
    ['a count at month 7 of 12 scales by 12/7', { value: 70, elapsed: 7 }, 'cumulative_total', 120, false],
    [
      'a sum of money at Q1 of 4 quadruples',
      { value: 2500, unit: 'gbp', elapsed: 1, periodsPerYear: 4 },
      'cumulative_total',
      10000,
      false,
    ],
    ['a plain number is a cumulative total', { value: 3.5, unit: 'number' }, 'cumulative_total', 7, false],
    [
      'a formula measure counting things is a cumulative total',
      { value: 45, calculationType: 'formula', elapsed: 9 },
      'cumulative_total',
      60,
      false,
    ],
    [
      'a count in the first month is projected from that month alone',
      { value: 5, elapsed: 1 },
      'cumulative_total',
      60,
      false,
    ],
    [
      'a negative sum of money scales too',
      { value: -300, unit: 'gbp', elapsed: 3 },
      'cumulative_total',
      -1200,
      false,
    ],
    [
      'a share of a fixed annual base scales up (the debit did not move)',
      {
        value: 20,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 2000,
        denominator: 10000,
        firstDenominator: 10000,
      },
      'cumulative_total',
      40,
      false,
    ],
    [
      'a share of a fixed base revised slightly during the year still scales up',
      {
        value: 30,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 3030,
        denominator: 10100,
        firstDenominator: 10000,
      },
      'cumulative_total',
      60,
      false,
    ],
    [
      'a share of a fixed base cannot pass 100%: council tax at 65.5% in October is capped',
      {
        value: 65.5,
        elapsed: 7,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 6_550_000,
        denominator: 10_000_000,
        firstDenominator: 10_000_000,
      },
      'cumulative_total',
      100,
      true,
    ],
    [
      'a rate per 100,000 of a fixed population scales up (admissions at Q2)',
      {
        value: 270,
        elapsed: 2,
        periodsPerYear: 4,
        unit: 'rate_per_100000',
        calculationType: 'ratio',
        numerator: 121,
        denominator: 44800,
        firstDenominator: 44800,
      },
      'cumulative_total',
      540,
      false,
    ],
    [
      'a rate whose denominator grows with the year stays at the rate so far (rent collected)',
      {
        value: 97.9,
        elapsed: 7,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 9790,
        denominator: 10000,
        firstDenominator: 1430,
      },
      'rate_so_far',
      97.9,
      false,
    ],
    [
      'a denominator exactly halfway between standing still and growing in step counts as fixed',
      {
        value: 10,
        elapsed: 3,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 200,
        denominator: 2000,
        firstDenominator: 1000,
      },
      'cumulative_total',
      40,
      false,
    ],
    [
      'a denominator just past halfway counts as growing with the year',
      {
        value: 10,
        elapsed: 3,
        unit: 'percent',
        calculationType: 'ratio',
        numerator: 200.01,
        denominator: 2000.1,
        firstDenominator: 1000,
      },
      'rate_so_far',
      10,
      false,
    ],
    [
      'a value measure that comes with a numerator and denominator is read by them',
      {
        value: 50,
        elapsed: 2,
        unit: 'percent',
        numerator: 100,
        denominator: 200,
        firstDenominator: 100,
      },
      'rate_so_far',
      50,
      false,
    ],
  ];
  for (const [name, input, kind, value, capped] of cases) {
    test(name, () => {
      const f = forecast(input);
      assert.equal(f.final, false);
      assert.equal(f.runRate?.kind, kind);
      close(f.runRate?.value, value);
      assert.equal(f.runRate?.capped, capped);
      assert.equal(f.runRateUnavailable, null);
    });
  }
});

describe('no run-rate forecast where the kind of figure cannot be told', () => {
  const ratio = { unit: 'percent' as const, calculationType: 'ratio' as const };
  const cases: [name: string, input: Partial<ForecastInput>, reason: RegExp][] = [
    [
      'a percentage with no numerator and denominator',
      { value: 40, unit: 'percent' },
      /share of the whole year or a rate so far/,
    ],
    ['a rate per 10,000 entered as a value', { value: 12, unit: 'rate_per_10000' }, /no run-rate forecast/],
    ['an average in days', { value: 12, unit: 'days' }, /no run-rate forecast/],
    ['a score', { value: 7, unit: 'score' }, /no run-rate forecast/],
    [
      'a ratio measure whose figure lacks its numerator',
      { ...ratio, value: 40, denominator: 100, firstDenominator: 100 },
      /no numerator and denominator/,
    ],
    [
      'a ratio in the first period of the year',
      { ...ratio, value: 11, elapsed: 1, numerator: 11, denominator: 100, firstDenominator: 100 },
      /first period of the year, so it cannot yet be told whether its denominator/,
    ],
    [
      'a ratio with no figure for the first period of the year',
      { ...ratio, value: 40, numerator: 40, denominator: 100, firstDenominator: null },
      /no figure for the first period of the year/,
    ],
    [
      'a ratio with a zero denominator',
      { ...ratio, value: 0, numerator: 0, denominator: 0, firstDenominator: 100 },
      /denominator is not above zero/,
    ],
    [
      'a ratio whose first-period denominator is zero',
      { ...ratio, value: 40, numerator: 40, denominator: 100, firstDenominator: 0 },
      /denominator is not above zero/,
    ],
  ];
  for (const [name, input, reason] of cases) {
    test(name, () => {
      const f = forecast(input);
      assert.equal(f.runRate, null);
      assert.match(f.runRateUnavailable ?? '', reason);
    });
  }
});

describe('forecast against the profile', () => {
  const profiled = { profiled: true, yearEndTarget: { value: 200 } };

  test('carries the share of the profile achieved to the year end, with the gap to the target', () => {
    // Affordable homes: 60 built by October against a profiled 82 (41% of 200).
    const f = forecast({ ...profiled, value: 60, elapsed: 7, targetNow: 82 });
    close(f.profile?.value, (60 * 200) / 82);
    close(f.profile?.gap, (60 * 200) / 82 - 200);
    assert.equal(f.profile?.verdict, 'off_track');
    assert.equal(f.profileUnavailable, null);
  });

  test('exactly on profile forecasts exactly the year-end target, on track', () => {
    const f = forecast({ ...profiled, value: 82, elapsed: 7, targetNow: 82 });
    close(f.profile?.value, 200);
    close(f.profile?.gap, 0);
    assert.equal(f.profile?.verdict, 'on_track');
  });

  test('a percentage of a fixed whole ahead of profile is capped at 100%', () => {
    const f = forecast({
      value: 70,
      elapsed: 7,
      unit: 'percent',
      calculationType: 'ratio',
      numerator: 7000,
      denominator: 10000,
      firstDenominator: 10000,
      profiled: true,
      targetNow: 65.8,
      yearEndTarget: { value: 96.5 },
    });
    assert.deepEqual(f.profile, { value: 100, gap: 3.5, verdict: 'on_track', capped: true });
  });

  type Case = [name: string, input: Partial<ForecastInput>, reason: RegExp];
  const cases: Case[] = [
    [
      'not when the targets were set period by period',
      { targetNow: 82, yearEndTarget: { value: 200 }, profiled: false },
      /not profiled from an annual target/,
    ],
    ['not without a year-end target', { targetNow: 82, profiled: true }, /no year-end target/],
    [
      'not when the year-end target has no figure',
      { targetNow: 82, profiled: true, yearEndTarget: { value: null } },
      /no year-end target/,
    ],
    [
      'not without a target for the latest period',
      { ...profiled, targetNow: null },
      /no profiled target for the latest period/,
    ],
    ['not when the profile expects nothing yet', { ...profiled, targetNow: 0 }, /expects nothing by now/],
    [
      'not against a target range',
      {
        polarity: 'range',
        targetNow: 82,
        profiled: true,
        yearEndTarget: { value: null, low: 180, high: 220 },
      },
      /range cannot be profiled/,
    ],
  ];
  for (const [name, input, reason] of cases) {
    test(name, () => {
      const f = forecast({ value: 60, elapsed: 7, ...input });
      assert.equal(f.profile, null);
      assert.match(f.profileUnavailable ?? '', reason);
    });
  }
});

describe('verdict against the year-end target', () => {
  type Case = [name: string, input: Partial<ForecastInput>, verdict: string, gap: number | null];
  const cases: Case[] = [
    [
      'higher is better: above the target is on track',
      { value: 60, yearEndTarget: { value: 110 } },
      'on_track',
      10,
    ],
    [
      'higher is better: exactly on target is on track',
      { value: 55, yearEndTarget: { value: 110 } },
      'on_track',
      0,
    ],
    ['higher is better: below is off track', { value: 54, yearEndTarget: { value: 110 } }, 'off_track', -2],
    [
      'lower is better: below the target is on track',
      { value: 270, polarity: 'down', elapsed: 2, periodsPerYear: 4, yearEndTarget: { value: 560 } },
      'on_track',
      -20,
    ],
    [
      'lower is better: above the target is off track',
      { value: 290, polarity: 'down', elapsed: 2, periodsPerYear: 4, yearEndTarget: { value: 560 } },
      'off_track',
      20,
    ],
    [
      'a range: inside is on track with no gap',
      { value: 50, polarity: 'range', yearEndTarget: { value: null, low: 90, high: 110 } },
      'on_track',
      0,
    ],
    [
      'a range: above it is off track by the distance to the upper bound',
      { value: 60, polarity: 'range', yearEndTarget: { value: null, low: 90, high: 110 } },
      'off_track',
      10,
    ],
    [
      'a range: below it is off track by the distance to the lower bound',
      { value: 40, polarity: 'range', yearEndTarget: { value: null, low: 90, high: 110 } },
      'off_track',
      -10,
    ],
    [
      'a range with one bound missing is no target',
      { value: 40, polarity: 'range', yearEndTarget: { value: null, low: 90, high: null } },
      'no_target',
      null,
    ],
    ['no year-end target', { value: 60 }, 'no_target', null],
    [
      'a demand measure is never judged',
      { value: 60, polarity: 'none', yearEndTarget: { value: 100 } },
      'no_target',
      20,
    ],
    [
      'floating point does not turn a hit into a miss',
      { value: 0.1 + 0.2, elapsed: 1, periodsPerYear: 1, unit: 'number', yearEndTarget: { value: 0.3 } },
      'on_track',
      0,
    ],
  ];
  for (const [name, input, verdict, gap] of cases) {
    test(name, () => {
      const f = forecast(input);
      const figure = f.final ? f.actual : f.runRate;
      assert.equal(figure?.verdict, verdict);
      assert.equal(f.verdict, verdict);
      if (gap === null) assert.equal(figure?.gap, null);
      else close(figure?.gap, gap);
    });
  }

  test('leads with the profile forecast when there is one, as it knows the seasons', () => {
    const f = forecast({ value: 60, profiled: true, targetNow: 70, yearEndTarget: { value: 110 } });
    assert.equal(f.runRate?.verdict, 'on_track');
    assert.equal(f.profile?.verdict, 'off_track');
    assert.equal(f.basis, 'profile');
    assert.equal(f.verdict, 'off_track');
  });

  test('leads with the run-rate when there is no profile', () => {
    const f = forecast({ value: 60, yearEndTarget: { value: 110 } });
    assert.equal(f.basis, 'run_rate');
  });

  test('has no verdict when there is no forecast at all', () => {
    const f = forecast({ value: 60, unit: 'percent', yearEndTarget: { value: 110 } });
    assert.equal(f.runRate, null);
    assert.equal(f.profile, null);
    assert.equal(f.basis, null);
    assert.equal(f.verdict, null);
  });
});

describe('the last period of the year gives the actual, not a forecast', () => {
  test('March of a monthly measure is the year-end result, judged against the target', () => {
    const f = forecast({
      value: 190,
      elapsed: 12,
      profiled: true,
      targetNow: 200,
      yearEndTarget: { value: 200 },
    });
    assert.equal(f.final, true);
    assert.deepEqual(f.actual, { value: 190, gap: -10, verdict: 'off_track', capped: false });
    assert.equal(f.runRate, null);
    assert.equal(f.profile, null);
    assert.match(f.runRateUnavailable ?? '', /year is complete/);
    assert.match(f.profileUnavailable ?? '', /year is complete/);
    assert.equal(f.basis, 'actual');
    assert.equal(f.verdict, 'off_track');
  });

  test('Q4 of a quarterly measure is final too, whatever kind of figure it is', () => {
    const f = forecast({ value: 40, elapsed: 4, periodsPerYear: 4, unit: 'percent' });
    assert.equal(f.final, true);
    assert.equal(f.actual?.value, 40);
    assert.equal(f.verdict, 'no_target');
  });

  test('an annual year-to-date figure is always the year-end result', () => {
    const f = forecast({ value: 40, elapsed: 1, periodsPerYear: 1, yearEndTarget: { value: 30 } });
    assert.equal(f.final, true);
    assert.equal(f.actual?.verdict, 'on_track');
  });

  test('an actual above 100% is reported as it is, not capped', () => {
    const f = forecast({ value: 101, elapsed: 12, unit: 'percent', calculationType: 'ratio' });
    assert.equal(f.actual?.value, 101);
    assert.equal(f.actual?.capped, false);
  });
});

describe('bad input is named', () => {
  const cases: [Partial<ForecastInput>, RegExp][] = [
    [{ elapsed: 0 }, /^elapsed must be a whole number from 1 to 12, got 0$/],
    [{ elapsed: 13 }, /^elapsed must be a whole number from 1 to 12, got 13$/],
    [{ elapsed: 2.5 }, /^elapsed must be/],
    [{ periodsPerYear: 0, elapsed: 1 }, /^periodsPerYear must be a whole number of at least 1, got 0$/],
    [{ value: Number.NaN }, /^value must be a finite number, got NaN$/],
    [{ value: Number.POSITIVE_INFINITY }, /^value must be a finite number/],
  ];
  for (const [input, message] of cases) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => forecast(input), { name: 'RangeError', message });
    });
  }
});
