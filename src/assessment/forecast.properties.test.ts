// Properties of the year-end forecast over generated figures: a run-rate undoes to the figure, keeping to the
// profile forecasts the target, percentages of a whole never pass 100%, swapping polarity swaps the verdict,
// and the last period is always the actual.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forecastYearEnd } from './forecast.ts';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A position strictly inside a monthly or quarterly year, so a forecast is due. */
const midYear = fc.constantFrom(12, 4).chain((periodsPerYear) =>
  fc.record({
    periodsPerYear: fc.constant(periodsPerYear),
    elapsed: fc.integer({ min: 1, max: periodsPerYear - 1 }),
  }),
);

describe('forecast properties', () => {
  test('a cumulative total projected by the run-rate scales back to the figure', () => {
    fc.assert(
      fc.property(
        midYear,
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.constantFrom('count' as const, 'gbp' as const, 'number' as const),
        (at, value, unit) => {
          const f = forecastYearEnd({ ...at, value, unit, calculationType: 'value', polarity: 'up' });
          assert.equal(f.runRate?.kind, 'cumulative_total');
          assert.ok(near(((f.runRate?.value ?? NaN) * at.elapsed) / at.periodsPerYear, value));
        },
      ),
    );
  });

  test('keeping exactly to the profile forecasts exactly the year-end target, on track', () => {
    fc.assert(
      fc.property(
        midYear,
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('up' as const, 'down' as const),
        (at, targetNow, yearEnd, polarity) => {
          const f = forecastYearEnd({
            ...at,
            value: targetNow,
            unit: 'count',
            calculationType: 'value',
            polarity,
            profiled: true,
            targetNow,
            yearEndTarget: { value: yearEnd },
          });
          assert.ok(near(f.profile?.value ?? NaN, yearEnd));
          assert.equal(f.profile?.verdict, 'on_track');
        },
      ),
    );
  });

  test('a percentage worked out from its parts is never forecast above 100%', () => {
    fc.assert(
      fc.property(
        midYear,
        fc.integer({ min: 1, max: 1e7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (at, denominator, share, growth, targetNow) => {
          const numerator = Math.round(denominator * share);
          const f = forecastYearEnd({
            ...at,
            value: (numerator / denominator) * 100,
            numerator,
            denominator,
            firstDenominator: Math.max(1, Math.round(denominator / growth)),
            unit: 'percent',
            calculationType: 'ratio',
            polarity: 'up',
            profiled: true,
            targetNow,
            yearEndTarget: { value: 97 },
          });
          for (const figure of [f.runRate, f.profile]) {
            if (!figure) continue;
            assert.ok(figure.value <= 100, `forecast ${figure.value}`);
            if (figure.capped) assert.equal(figure.value, 100);
          }
        },
      ),
    );
  });

  test('reversing polarity swaps on track and off track when the forecast misses the target exactly', () => {
    fc.assert(
      fc.property(
        midYear,
        fc.integer({ min: 0, max: 1e5 }),
        fc.integer({ min: 0, max: 1e5 }),
        (at, value, target) => {
          const input = {
            ...at,
            value,
            unit: 'count' as const,
            calculationType: 'value' as const,
            yearEndTarget: { value: target },
          };
          const up = forecastYearEnd({ ...input, polarity: 'up' });
          fc.pre(!near(up.runRate?.value ?? NaN, target));
          const down = forecastYearEnd({ ...input, polarity: 'down' });
          assert.notEqual(up.verdict, down.verdict);
          assert.ok(up.verdict !== 'no_target' && down.verdict !== 'no_target');
        },
      ),
    );
  });

  test('the last period of the year is always the actual, never a forecast', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 4, 12),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom('count' as const, 'percent' as const, 'rate_per_100000' as const),
        (periodsPerYear, value, unit) => {
          const f = forecastYearEnd({
            value,
            elapsed: periodsPerYear,
            periodsPerYear,
            unit,
            calculationType: 'ratio',
            polarity: 'up',
            profiled: true,
            targetNow: 1,
            yearEndTarget: { value: 1 },
          });
          assert.equal(f.final, true);
          assert.equal(f.actual?.value, value);
          assert.equal(f.runRate, null);
          assert.equal(f.profile, null);
        },
      ),
    );
  });
});
