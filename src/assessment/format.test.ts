// Proves values print in UK style with their unit, that rounding follows the measure's decimal places,
// and that a missing figure is a dash rather than a misleading zero.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, NO_VALUE, unitMultiplier, type Unit } from './format.ts';

describe('formatValue', () => {
  const cases: [value: number | null | undefined, unit: Unit, decimals: number, expected: string][] = [
    [67.3, 'percent', 1, '67.3%'],
    [67.25, 'percent', 1, '67.3%'],
    [100, 'percent', 0, '100%'],
    [0, 'percent', 1, '0.0%'],
    [1234, 'count', 0, '1,234'],
    [1234567, 'count', 0, '1,234,567'],
    [999, 'count', 0, '999'],
    [1234.6, 'count', 0, '1,235'],
    [-1234, 'count', 0, '-1,234'],
    [12.5, 'days', 1, '12.5 days'],
    [1, 'days', 0, '1 day'],
    [1, 'days', 1, '1.0 days'],
    [0, 'days', 0, '0 days'],
    [1234567, 'gbp', 0, '£1,234,567'],
    [1234.5, 'gbp', 2, '£1,234.50'],
    [-1234, 'gbp', 0, '-£1,234'],
    [45.2, 'rate_per_10000', 1, '45.2 per 10,000'],
    [312.04, 'rate_per_100000', 1, '312.0 per 100,000'],
    [3.14159, 'number', 2, '3.14'],
    [1.005, 'number', 2, '1.01'],
    [7.5, 'score', 1, '7.5'],
    [18, 'weeks', 0, '18 weeks'],
    [1, 'weeks', 0, '1 week'],
    [-0.04, 'percent', 1, '0.0%'],
    [-0.4, 'gbp', 0, '£0'],
    [-0.05, 'number', 1, '-0.1'],
    [null, 'percent', 1, '—'],
    [undefined, 'count', 0, '—'],
    [Number.NaN, 'gbp', 0, '—'],
    [Number.POSITIVE_INFINITY, 'number', 0, '—'],
  ];
  for (const [value, unit, decimals, expected] of cases) {
    test(`${String(value)} as ${unit} to ${decimals} dp reads "${expected}"`, () => {
      assert.equal(formatValue(value, unit, decimals), expected);
    });
  }

  test('the no-value mark is an em dash', () => assert.equal(NO_VALUE, '—'));

  for (const decimals of [-1, 1.5, 11, Number.NaN]) {
    test(`refuses ${decimals} decimal places`, () => {
      assert.throws(() => formatValue(1, 'number', decimals), RangeError);
    });
  }
});

describe('unitMultiplier scales a ratio to its unit', () => {
  const cases: [Unit, number][] = [
    ['percent', 100],
    ['rate_per_10000', 10_000],
    ['rate_per_100000', 100_000],
    ['count', 1],
    ['days', 1],
    ['gbp', 1],
    ['number', 1],
    ['score', 1],
    ['weeks', 1],
  ];
  for (const [unit, multiplier] of cases) {
    test(`${unit} multiplies by ${multiplier}`, () => assert.equal(unitMultiplier(unit), multiplier));
  }
});
