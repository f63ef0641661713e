// Moves between periods (previous, next, last year, parents, children, ranges, the one holding a date) and
// ties them to a measure's reporting frequency. Built on the month spans in periods.ts.

import {
  daysInMonth,
  FIRST_YEAR,
  LAST_YEAR,
  monthSpan,
  periodKey,
  PeriodError,
  withinSupportedYears,
  type FinancialYearPeriod,
  type MonthPeriod,
  type Period,
  type PeriodKind,
  type QuarterPeriod,
} from './periods.ts';

export type Frequency = 'monthly' | 'quarterly' | 'annual' | 'academic_year';

const KIND_FOR_FREQUENCY: Record<Frequency, PeriodKind> = {
  monthly: 'month',
  quarterly: 'quarter',
  annual: 'financial_year',
  academic_year: 'academic_year',
};

const KIND_PLURAL: Record<PeriodKind, string> = {
  financial_year: 'financial years',
  quarter: 'quarters',
  month: 'months',
  academic_year: 'academic years',
  calendar_year: 'calendar years',
};

/** Annual measures in a council run on the financial year, so that is what "annual" means here. */
export function periodKindForFrequency(frequency: Frequency): PeriodKind {
  return KIND_FOR_FREQUENCY[frequency];
}

export function matchesFrequency(p: Period, frequency: Frequency): boolean {
  return p.kind === KIND_FOR_FREQUENCY[frequency];
}

function monthAt(index: number): MonthPeriod {
  return { kind: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Financial years start in April (month index 3 within a year). */
function financialYearStartOf(index: number): number {
  return Math.floor((index - 3) / 12);
}

function quarterAt(index: number): QuarterPeriod {
  const fyStartYear = financialYearStartOf(index);
  const monthOfYear = index - (fyStartYear * 12 + 3);
  const quarter = monthOfYear < 3 ? 1 : monthOfYear < 6 ? 2 : monthOfYear < 9 ? 3 : 4;
  return { kind: 'quarter', fyStartYear, quarter };
}

function financialYearAt(index: number): FinancialYearPeriod {
  return { kind: 'financial_year', startYear: financialYearStartOf(index) };
}

/** The period of `kind` that contains the month with this index. */
function periodAt(kind: PeriodKind, index: number): Period {
  switch (kind) {
    case 'month':
      return monthAt(index);
    case 'quarter':
      return quarterAt(index);
    case 'financial_year':
      return financialYearAt(index);
    case 'academic_year':
      return { kind: 'academic_year', startYear: Math.floor((index - 8) / 12) };
    case 'calendar_year':
      return { kind: 'calendar_year', year: Math.floor(index / 12) };
  }
}

/** Position in a sequence of same-kind periods, so stepping is plain arithmetic. */
function ordinal(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.year * 12 + p.month - 1;
    case 'quarter':
      return p.fyStartYear * 4 + p.quarter - 1;
    case 'financial_year':
    case 'academic_year':
      return p.startYear;
    case 'calendar_year':
      return p.year;
  }
}

function fromOrdinal(kind: PeriodKind, n: number): Period {
  switch (kind) {
    case 'month':
      return monthAt(n);
    case 'quarter':
      return quarterAt(Math.floor(n / 4) * 12 + 3 + (n % 4) * 3);
    case 'financial_year':
    case 'academic_year':
      return { kind, startYear: n };
    case 'calendar_year':
      return { kind, year: n };
  }
}

function shift(p: Period, steps: number): Period {
  return withinSupportedYears(fromOrdinal(p.kind, ordinal(p) + steps));
}

export function previousPeriod(p: Period): Period {
  return shift(p, -1);
}

export function nextPeriod(p: Period): Period {
  return shift(p, 1);
}

/** The same month, quarter or year twelve months earlier: the comparator that removes seasonality. */
export function samePeriodLastYear(p: Period): Period {
  const perYear = p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1;
  return shift(p, -perYear);
}

function enclosing<P extends Period>(p: Period, at: (index: number) => P, what: string): P {
  const { first, last } = monthSpan(p);
  const parent = at(first);
  if (monthSpan(parent).last < last) {
    throw new PeriodError(periodKey(p), `'${periodKey(p)}' does not fall within a single ${what}`);
  }
  return parent;
}

/** For a month, quarter or financial year; academic and calendar years straddle two financial years. */
export function financialYearOf(p: Period): FinancialYearPeriod {
  return enclosing(p, financialYearAt, 'financial year');
}

/** For a month (or a quarter, which is its own); longer periods span several quarters. */
export function quarterOf(p: Period): QuarterPeriod {
  return enclosing(p, quarterAt, 'quarter');
}

/**
 * The year a figure counts towards: a month's or quarter's financial year; an academic or calendar year is its
 * own. Year-to-date figures start again when this year does.
 */
export function reportingYearOf(p: Period): Period {
  return p.kind === 'academic_year' || p.kind === 'calendar_year' ? p : financialYearOf(p);
}

/** Where a period falls in its reporting year, counting periods of its own kind: 1 for April or Q1, 1 for a year. */
export function positionInYear(p: Period): number {
  const { first, last } = monthSpan(p);
  return (first - monthSpan(reportingYearOf(p)).first) / (last - first + 1) + 1;
}

/** How many periods of its kind make up its reporting year: 12 months, 4 quarters, or 1 for a year. */
export function periodsPerYear(p: Period): number {
  const { first, last } = monthSpan(p);
  return 12 / (last - first + 1);
}

/** The period of the same kind that closes its reporting year: March, Q4, or the year itself. */
export function lastPeriodOfYear(p: Period): Period {
  return shift(p, periodsPerYear(p) - positionInYear(p));
}

/** The periods of `childKind` that exactly tile `parent`; throws when they do not fit (quarters of an academic year). */
export function childPeriods(parent: Period, childKind: PeriodKind): Period[] {
  const { first, last } = monthSpan(parent);
  const children: Period[] = [];
  let child = periodAt(childKind, first);
  while (monthSpan(child).first <= last) {
    children.push(child);
    child = fromOrdinal(childKind, ordinal(child) + 1);
  }
  const firstChild = children[0];
  const lastChild = children[children.length - 1];
  if (
    !firstChild ||
    !lastChild ||
    monthSpan(firstChild).first !== first ||
    monthSpan(lastChild).last !== last
  ) {
    throw new PeriodError(
      periodKey(parent),
      `'${periodKey(parent)}' cannot be split into ${KIND_PLURAL[childKind]}: they do not fit inside it exactly`,
    );
  }
  return children;
}

/** Every period starts and ends on a month boundary, so any period splits into months. */
export function monthsOf(p: Period): MonthPeriod[] {
  const { first, last } = monthSpan(p);
  const months: MonthPeriod[] = [];
  for (let index = first; index <= last; index++) months.push(monthAt(index));
  return months;
}

/** For financial and calendar years (and a quarter, itself); throws for months and academic years. */
export function quartersOf(p: Period): QuarterPeriod[] {
  return childPeriods(p, 'quarter').filter((c): c is QuarterPeriod => c.kind === 'quarter');
}

/** Inclusive; both ends must be the same kind and `from` must not come after `to`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const range = `${periodKey(from)} to ${periodKey(to)}`;
  if (from.kind !== to.kind) {
    throw new PeriodError(
      range,
      `cannot list periods from '${periodKey(from)}' to '${periodKey(to)}': they are different kinds`,
    );
  }
  const start = ordinal(from);
  const end = ordinal(to);
  if (start > end) {
    throw new PeriodError(
      range,
      `cannot list periods from '${periodKey(from)}' to '${periodKey(to)}': the start comes after the end`,
    );
  }
  const periods: Period[] = [];
  for (let n = start; n <= end; n++) periods.push(fromOrdinal(from.kind, n));
  return periods;
}

/** Month index of a strict ISO date (YYYY-MM-DD, a real calendar day). */
function monthIndexOfDate(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new PeriodError(
      isoDate,
      `'${isoDate}' is not a valid date: expected a real day written YYYY-MM-DD`,
    );
  }
  return year * 12 + month - 1;
}

export function periodContaining(kind: PeriodKind, isoDate: string): Period {
  const found = periodAt(kind, monthIndexOfDate(isoDate));
  try {
    return withinSupportedYears(found);
  } catch {
    throw new PeriodError(
      isoDate,
      `'${isoDate}' falls in '${periodKey(found)}', outside the supported years ${FIRST_YEAR}–${LAST_YEAR}`,
    );
  }
}

/**
 * The most recent period of the frequency that had ended before `isoDate`. A period is not complete on its
 * own last day: figures for 31 March are still being made on 31 March.
 */
export function latestCompletePeriod(frequency: Frequency, isoDate: string): Period {
  return previousPeriod(periodContaining(KIND_FOR_FREQUENCY[frequency], isoDate));
}
