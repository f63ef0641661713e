// Proves period keys parse, print, date and sort exactly as councils write them, and that near misses
// are refused with a reason a data owner can act on.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparePeriods,
  isPeriodKey,
  parsePeriod,
  PeriodError,
  periodEnd,
  periodKey,
  periodLabel,
  periodStart,
  tryParsePeriod,
  type Period,
} from './periods.ts';

describe('parsePeriod accepts every canonical key', () => {
  const cases: [string, Period][] = [
    ['2025-26', { kind: 'financial_year', startYear: 2025 }],
    ['1999-00', { kind: 'financial_year', startYear: 1999 }],
    ['2012-13', { kind: 'financial_year', startYear: 2012 }],
    ['FY2010-11', { kind: 'financial_year', startYear: 2010 }],
    ['FY2000-01', { kind: 'financial_year', startYear: 2000 }],
    ['FY2011-12', { kind: 'financial_year', startYear: 2011 }],
    ['2099-00', { kind: 'financial_year', startYear: 2099 }],
    ['2025-26-Q1', { kind: 'quarter', fyStartYear: 2025, quarter: 1 }],
    ['2025-26-Q4', { kind: 'quarter', fyStartYear: 2025, quarter: 4 }],
    ['2010-11-Q2', { kind: 'quarter', fyStartYear: 2010, quarter: 2 }],
    ['2025-10', { kind: 'month', year: 2025, month: 10 }],
    ['2025-01', { kind: 'month', year: 2025, month: 1 }],
    ['2025-12', { kind: 'month', year: 2025, month: 12 }],
    ['2010-11', { kind: 'month', year: 2010, month: 11 }],
    ['AY2025-26', { kind: 'academic_year', startYear: 2025 }],
    ['AY2010-11', { kind: 'academic_year', startYear: 2010 }],
    ['2025', { kind: 'calendar_year', year: 2025 }],
    ['1900', { kind: 'calendar_year', year: 1900 }],
    ['2999', { kind: 'calendar_year', year: 2999 }],
  ];
  for (const [key, expected] of cases) {
    test(`parses '${key}' as ${expected.kind} and prints it back unchanged`, () => {
      assert.deepEqual(parsePeriod(key), expected);
      assert.equal(periodKey(expected), key);
      assert.equal(isPeriodKey(key), true);
      assert.deepEqual(tryParsePeriod(key), expected);
    });
  }
});

describe('parsePeriod refuses near misses with a reason', () => {
  const cases: [input: string, reason: string][] = [
    ['2025-13', 'month must be 01–12'],
    ['2025-00', 'month must be 01–12'],
    ['2025-99', 'month must be 01–12'],
    ['2025-1', 'expected a financial year (2025-26)'],
    ['2025-27', 'a financial year must end in the year after it starts (2025-26)'],
    ['2025-25', 'a financial year must end in the year after it starts (2025-26)'],
    ['2025-26-Q5', 'quarter must be Q1–Q4'],
    ['2025-26-Q0', 'quarter must be Q1–Q4'],
    ['2025-27-Q2', 'a financial year must end in the year after it starts (2025-26)'],
    ['2010-12-Q2', 'a financial year must end in the year after it starts (FY2010-11)'],
    ['AY2025-27', 'an academic year must end in the year after it starts (AY2025-26)'],
    ['FY2025-26', "the FY prefix is only for years that could be read as a month; write '2025-26'"],
    ['FY2010-12', 'a financial year must end in the year after it starts (FY2010-11)'],
    [' 2025-26', "remove the spaces around it ('2025-26')"],
    ['2025-26 ', "remove the spaces around it ('2025-26')"],
    [' 2025-13', 'month must be 01–12'],
    ['2025-26-q2', "write it in capitals as '2025-26-Q2'"],
    ['ay2025-26', "write it in capitals as 'AY2025-26'"],
    ['fy2010-11', "write it in capitals as 'FY2010-11'"],
    ['2025-26-q5', 'quarter must be Q1–Q4'],
    ['', 'it is empty'],
    ['1899', 'years must be between 1900 and 2999'],
    ['3000-01', 'years must be between 1900 and 2999'],
    ['1899-00', 'years must be between 1900 and 2999'],
    ['2025/26', 'expected a financial year (2025-26)'],
    ['Q2 2025/26', 'expected a financial year (2025-26)'],
    ['2025-26-Q2-extra', 'expected a financial year (2025-26)'],
    ['25-26', 'expected a financial year (2025-26)'],
    ['２０２５', 'expected a financial year (2025-26)'],
  ];
  for (const [input, reason] of cases) {
    test(`refuses '${input}' saying ${reason}`, () => {
      assert.throws(
        () => parsePeriod(input),
        (error: unknown) =>
          error instanceof PeriodError &&
          error.input === input &&
          error.name === 'PeriodError' &&
          error.message.startsWith(`'${input}' is not a valid period: `) &&
          error.message.includes(reason),
      );
      assert.equal(tryParsePeriod(input), null);
      assert.equal(isPeriodKey(input), false);
    });
  }

  test('gives the exact message for a month out of range', () => {
    assert.throws(() => parsePeriod('2025-13'), {
      message: "'2025-13' is not a valid period: month must be 01–12",
    });
  });

  test('isPeriodKey says no to anything that is not a string', () => {
    for (const value of [undefined, null, 2025, {}, ['2025']]) assert.equal(isPeriodKey(value), false);
  });
});

describe('periodLabel reads as a council report would', () => {
  const cases: [string, string][] = [
    ['2025-26', '2025/26'],
    ['1999-00', '1999/00'],
    ['FY2010-11', '2010/11'],
    ['2025-26-Q2', 'Q2 2025/26'],
    ['2025-10', 'October 2025'],
    ['2026-01', 'January 2026'],
    ['AY2025-26', 'Academic year 2025/26'],
    ['2025', '2025'],
  ];
  for (const [key, label] of cases) {
    test(`labels '${key}' as "${label}"`, () => assert.equal(periodLabel(parsePeriod(key)), label));
  }
});

describe('periodStart and periodEnd give inclusive ISO dates', () => {
  const cases: [string, string, string][] = [
    ['2025-26', '2025-04-01', '2026-03-31'],
    ['2025-26-Q1', '2025-04-01', '2025-06-30'],
    ['2025-26-Q2', '2025-07-01', '2025-09-30'],
    ['2025-26-Q3', '2025-10-01', '2025-12-31'],
    ['2025-26-Q4', '2026-01-01', '2026-03-31'],
    ['2025-10', '2025-10-01', '2025-10-31'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2025-04', '2025-04-01', '2025-04-30'],
    ['AY2025-26', '2025-09-01', '2026-08-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['1999-00', '1999-04-01', '2000-03-31'],
  ];
  for (const [key, start, end] of cases) {
    test(`'${key}' runs from ${start} to ${end}`, () => {
      const p = parsePeriod(key);
      assert.equal(periodStart(p), start);
      assert.equal(periodEnd(p), end);
    });
  }
});

describe('comparePeriods orders by end date, then start date', () => {
  test('sorts a mixed bag of kinds into reporting order', () => {
    const keys = [
      '2026',
      '2025-26',
      '2026-03',
      'AY2025-26',
      '2025-26-Q4',
      '2025-10',
      '2025',
      '2025-26-Q3',
      '2025-12',
      '2024-25',
    ];
    const sorted = keys.map(parsePeriod).sort(comparePeriods).map(periodKey);
    assert.deepEqual(sorted, [
      '2024-25',
      '2025-10',
      '2025',
      '2025-26-Q3',
      '2025-12',
      '2025-26',
      '2025-26-Q4',
      '2026-03',
      'AY2025-26',
      '2026',
    ]);
  });

  const pairs: [string, string, -1 | 0 | 1][] = [
    ['2025-03', '2025-04', -1],
    ['2025-04', '2025-03', 1],
    ['2025-26', '2025-26', 0],
    ['2025-26', '2026-03', -1],
    ['2025-26-Q4', '2025-26', 1],
    ['2024-25-Q4', '2025-26-Q1', -1],
    ['2025-26-Q1', '2025-06', -1],
    ['AY2024-25', '2025-26-Q1', 1],
    ['2025', '2025-26-Q3', -1],
  ];
  for (const [a, b, expected] of pairs) {
    test(`'${a}' compared with '${b}' gives ${expected}`, () => {
      assert.equal(comparePeriods(parsePeriod(a), parsePeriod(b)), expected);
    });
  }
});
