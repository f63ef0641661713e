// Proves stepping between periods, finding parents and children, and matching frequencies behave at
// the awkward joins: year ends, financial-year ends, leap days and the edges of the supported years.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  childPeriods,
  financialYearOf,
  lastPeriodOfYear,
  latestCompletePeriod,
  matchesFrequency,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodKindForFrequency,
  periodsBetween,
  periodsPerYear,
  positionInYear,
  previousPeriod,
  quarterOf,
  quartersOf,
  reportingYearOf,
  samePeriodLastYear,
  type Frequency,
} from './periods.navigation.ts';
import { parsePeriod, PeriodError, periodKey, type Period, type PeriodKind } from './periods.ts';

const keyOf = (f: (p: Period) => Period) => (key: string) => periodKey(f(parsePeriod(key)));
const keys = (ps: readonly Period[]) => ps.map(periodKey);

describe('previousPeriod and nextPeriod step within the same kind', () => {
  const cases: [current: string, previous: string][] = [
    ['2025-26-Q1', '2024-25-Q4'],
    ['2025-26-Q2', '2025-26-Q1'],
    ['2025-26-Q4', '2025-26-Q3'],
    ['2026-01', '2025-12'],
    ['2025-04', '2025-03'],
    ['2025-02', '2025-01'],
    ['2025-26', '2024-25'],
    ['2000-01', '1999-12'],
    ['FY2000-01', '1999-00'],
    ['2012-13', 'FY2011-12'],
    ['AY2025-26', 'AY2024-25'],
    ['2026', '2025'],
    ['2000', '1999'],
  ];
  for (const [current, previous] of cases) {
    test(`the period before '${current}' is '${previous}', and the one after '${previous}' is '${current}'`, () => {
      assert.equal(keyOf(previousPeriod)(current), previous);
      assert.equal(keyOf(nextPeriod)(previous), current);
    });
  }

  const edges: [string, (p: Period) => unknown][] = [
    ['1900-01', previousPeriod],
    ['2999-12', nextPeriod],
    ['1900', previousPeriod],
    ['2999-00-Q4', nextPeriod],
    ['1900-01-Q1', previousPeriod],
  ];
  for (const [key, step] of edges) {
    test(`refuses to step from '${key}' beyond the supported years`, () => {
      assert.throws(() => step(parsePeriod(key)), PeriodError);
    });
  }
});

describe('samePeriodLastYear goes back twelve months in the same kind', () => {
  const cases: [string, string][] = [
    ['2025-10', '2024-10'],
    ['2025-01', '2024-01'],
    ['2025-26-Q1', '2024-25-Q1'],
    ['2025-26-Q4', '2024-25-Q4'],
    ['2025-26', '2024-25'],
    ['2012-13', 'FY2011-12'],
    ['AY2025-26', 'AY2024-25'],
    ['2025', '2024'],
    ['2024-02', '2023-02'],
  ];
  for (const [current, lastYear] of cases) {
    test(`the same period last year as '${current}' is '${lastYear}'`, () => {
      assert.equal(keyOf(samePeriodLastYear)(current), lastYear);
    });
  }
});

describe('financialYearOf and quarterOf find the enclosing period', () => {
  const fy: [string, string][] = [
    ['2025-04', '2025-26'],
    ['2026-03', '2025-26'],
    ['2025-03', '2024-25'],
    ['2025-12', '2025-26'],
    ['2025-26-Q4', '2025-26'],
    ['2025-26', '2025-26'],
    ['2011-01', 'FY2010-11'],
  ];
  for (const [key, expected] of fy) {
    test(`'${key}' falls in financial year '${expected}'`, () => {
      assert.equal(periodKey(financialYearOf(parsePeriod(key))), expected);
    });
  }
  for (const key of ['AY2025-26', '2025']) {
    test(`'${key}' straddles two financial years, so financialYearOf refuses it`, () => {
      assert.throws(() => financialYearOf(parsePeriod(key)), {
        name: 'PeriodError',
        message: `'${key}' does not fall within a single financial year`,
      });
    });
  }

  const q: [string, string][] = [
    ['2025-04', '2025-26-Q1'],
    ['2025-06', '2025-26-Q1'],
    ['2025-07', '2025-26-Q2'],
    ['2025-09', '2025-26-Q2'],
    ['2025-10', '2025-26-Q3'],
    ['2025-12', '2025-26-Q3'],
    ['2026-01', '2025-26-Q4'],
    ['2026-03', '2025-26-Q4'],
    ['2025-26-Q3', '2025-26-Q3'],
  ];
  for (const [key, expected] of q) {
    test(`month '${key}' falls in quarter '${expected}'`, () => {
      assert.equal(periodKey(quarterOf(parsePeriod(key))), expected);
    });
  }
  test('quarterOf refuses a financial year, which spans four quarters', () => {
    assert.throws(() => quarterOf(parsePeriod('2025-26')), PeriodError);
  });
});

describe('childPeriods, monthsOf and quartersOf split a period exactly', () => {
  test('a quarter splits into its three months', () => {
    assert.deepEqual(keys(monthsOf(parsePeriod('2025-26-Q4'))), ['2026-01', '2026-02', '2026-03']);
  });
  test('a financial year splits into twelve months from April to March', () => {
    const months = keys(monthsOf(parsePeriod('2025-26')));
    assert.equal(months.length, 12);
    assert.equal(months[0], '2025-04');
    assert.equal(months[11], '2026-03');
  });
  test('an academic year splits into months from September to August', () => {
    const months = keys(monthsOf(parsePeriod('AY2025-26')));
    assert.deepEqual([months.length, months[0], months[11]], [12, '2025-09', '2026-08']);
  });
  test('a month is its own only month', () => {
    assert.deepEqual(keys(monthsOf(parsePeriod('2025-10'))), ['2025-10']);
  });
  test('a financial year splits into Q1 to Q4', () => {
    assert.deepEqual(keys(quartersOf(parsePeriod('2025-26'))), [
      '2025-26-Q1',
      '2025-26-Q2',
      '2025-26-Q3',
      '2025-26-Q4',
    ]);
  });
  test('a calendar year splits into the last quarter of one financial year and three of the next', () => {
    assert.deepEqual(keys(quartersOf(parsePeriod('2025'))), [
      '2024-25-Q4',
      '2025-26-Q1',
      '2025-26-Q2',
      '2025-26-Q3',
    ]);
  });

  const refusals: [parent: string, child: PeriodKind][] = [
    ['AY2025-26', 'quarter'],
    ['2025-10', 'quarter'],
    ['2025-26-Q1', 'financial_year'],
    ['2025-26', 'calendar_year'],
    ['2025-26', 'academic_year'],
  ];
  for (const [parent, child] of refusals) {
    test(`refuses to split '${parent}' into ${child} periods that do not fit inside it`, () => {
      assert.throws(() => childPeriods(parsePeriod(parent), child), PeriodError);
    });
  }
  test('explains why an academic year has no quarters', () => {
    assert.throws(() => quartersOf(parsePeriod('AY2025-26')), {
      message: "'AY2025-26' cannot be split into quarters: they do not fit inside it exactly",
    });
  });
  test('a period split into its own kind is itself', () => {
    assert.deepEqual(keys(childPeriods(parsePeriod('2025-26'), 'financial_year')), ['2025-26']);
  });
});

describe('periodsBetween lists same-kind periods inclusively', () => {
  const cases: [string, string, string[]][] = [
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2024-25-Q3', '2025-26-Q1', ['2024-25-Q3', '2024-25-Q4', '2025-26-Q1']],
    ['2025-26', '2025-26', ['2025-26']],
    ['2010-11', '2010-11', ['2010-11']],
    ['FY2009-10', '2012-13', ['FY2009-10', 'FY2010-11', 'FY2011-12', '2012-13']],
    ['AY2023-24', 'AY2025-26', ['AY2023-24', 'AY2024-25', 'AY2025-26']],
    ['2024', '2026', ['2024', '2025', '2026']],
  ];
  for (const [from, to, expected] of cases) {
    test(`from '${from}' to '${to}'`, () => {
      assert.deepEqual(keys(periodsBetween(parsePeriod(from), parsePeriod(to))), expected);
    });
  }
  test('refuses ends of different kinds', () => {
    assert.throws(() => periodsBetween(parsePeriod('2025-10'), parsePeriod('2025-26-Q4')), /different kinds/);
  });
  test('refuses a start after the end', () => {
    assert.throws(
      () => periodsBetween(parsePeriod('2025-10'), parsePeriod('2025-09')),
      /start comes after the end/,
    );
  });
});

describe('periodContaining finds the period of a kind that holds a date', () => {
  const cases: [PeriodKind, string, string][] = [
    ['month', '2025-10-15', '2025-10'],
    ['quarter', '2025-04-01', '2025-26-Q1'],
    ['quarter', '2025-03-31', '2024-25-Q4'],
    ['quarter', '2026-01-01', '2025-26-Q4'],
    ['financial_year', '2025-03-31', '2024-25'],
    ['financial_year', '2025-04-01', '2025-26'],
    ['academic_year', '2025-08-31', 'AY2024-25'],
    ['academic_year', '2025-09-01', 'AY2025-26'],
    ['calendar_year', '2025-12-31', '2025'],
    ['month', '2024-02-29', '2024-02'],
  ];
  for (const [kind, date, expected] of cases) {
    test(`the ${kind} holding ${date} is '${expected}'`, () => {
      assert.equal(periodKey(periodContaining(kind, date)), expected);
    });
  }
  for (const date of [
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-4-1',
    '',
    '2025-04-01T00:00:00Z',
  ]) {
    test(`refuses '${date}' as not a real ISO date`, () => {
      assert.throws(() => periodContaining('month', date), {
        name: 'PeriodError',
        message: `'${date}' is not a valid date: expected a real day written YYYY-MM-DD`,
      });
    });
  }
  test('refuses a date outside the supported years', () => {
    assert.throws(
      () => periodContaining('financial_year', '1900-03-31'),
      /outside the supported years 1900–2999/,
    );
  });
});

describe('frequencies map to period kinds', () => {
  const cases: [Frequency, PeriodKind, string, string][] = [
    ['monthly', 'month', '2025-10', '2025-26-Q2'],
    ['quarterly', 'quarter', '2025-26-Q2', '2025-10'],
    ['annual', 'financial_year', '2025-26', '2025'],
    ['academic_year', 'academic_year', 'AY2025-26', '2025-26'],
  ];
  for (const [frequency, kind, matching, other] of cases) {
    test(`${frequency} measures report by ${kind}: '${matching}' matches, '${other}' does not`, () => {
      assert.equal(periodKindForFrequency(frequency), kind);
      assert.equal(matchesFrequency(parsePeriod(matching), frequency), true);
      assert.equal(matchesFrequency(parsePeriod(other), frequency), false);
    });
  }
});

describe('latestCompletePeriod is the last period that ended before the date', () => {
  const cases: [Frequency, string, string][] = [
    ['monthly', '2025-11-05', '2025-10'],
    ['monthly', '2025-10-31', '2025-09'],
    ['monthly', '2026-01-01', '2025-12'],
    ['quarterly', '2025-10-01', '2025-26-Q2'],
    ['quarterly', '2025-09-30', '2025-26-Q1'],
    ['quarterly', '2025-04-10', '2024-25-Q4'],
    ['annual', '2025-04-01', '2024-25'],
    ['annual', '2026-03-31', '2024-25'],
    ['academic_year', '2025-09-01', 'AY2024-25'],
    ['academic_year', '2025-08-31', 'AY2023-24'],
  ];
  for (const [frequency, date, expected] of cases) {
    test(`on ${date} the latest complete ${frequency} period is '${expected}'`, () => {
      assert.equal(periodKey(latestCompletePeriod(frequency, date)), expected);
    });
  }
});

describe('a period knows its place in its reporting year', () => {
  const cases: [key: string, year: string, position: number, perYear: number, last: string][] = [
    ['2026-04', '2026-27', 1, 12, '2027-03'],
    ['2026-10', '2026-27', 7, 12, '2027-03'],
    ['2026-12', '2026-27', 9, 12, '2027-03'],
    ['2027-01', '2026-27', 10, 12, '2027-03'],
    ['2027-03', '2026-27', 12, 12, '2027-03'],
    ['2026-27-Q1', '2026-27', 1, 4, '2026-27-Q4'],
    ['2026-27-Q2', '2026-27', 2, 4, '2026-27-Q4'],
    ['2026-27-Q4', '2026-27', 4, 4, '2026-27-Q4'],
    ['2026-27', '2026-27', 1, 1, '2026-27'],
    ['FY2010-11', 'FY2010-11', 1, 1, 'FY2010-11'],
    ['AY2025-26', 'AY2025-26', 1, 1, 'AY2025-26'],
    ['2025', '2025', 1, 1, '2025'],
    ['2011-02', 'FY2010-11', 11, 12, '2011-03'],
  ];
  for (const [key, year, position, perYear, last] of cases) {
    test(`'${key}' is period ${position} of ${perYear} in '${year}', which closes with '${last}'`, () => {
      const p = parsePeriod(key);
      assert.equal(periodKey(reportingYearOf(p)), year);
      assert.equal(positionInYear(p), position);
      assert.equal(periodsPerYear(p), perYear);
      assert.equal(periodKey(lastPeriodOfYear(p)), last);
    });
  }
});
