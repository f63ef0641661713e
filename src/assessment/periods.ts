// Periods are values: this file parses, prints, dates and orders them so no other code handles period strings.
// Navigation is in periods.navigation.ts and roll-up in periods.rollup.ts; callers import all of it via index.ts.

export type PeriodKind = 'financial_year' | 'quarter' | 'month' | 'academic_year' | 'calendar_year';

/** April of `startYear` to March of the next year. */
export interface FinancialYearPeriod {
  readonly kind: 'financial_year';
  readonly startYear: number;
}
/** A quarter of the financial year starting in `fyStartYear`: Q1 Apr–Jun … Q4 Jan–Mar. */
export interface QuarterPeriod {
  readonly kind: 'quarter';
  readonly fyStartYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}
/** `month` is 1–12. */
export interface MonthPeriod {
  readonly kind: 'month';
  readonly year: number;
  readonly month: number;
}
/** 1 September of `startYear` to 31 August of the next year. */
export interface AcademicYearPeriod {
  readonly kind: 'academic_year';
  readonly startYear: number;
}
export interface CalendarYearPeriod {
  readonly kind: 'calendar_year';
  readonly year: number;
}
export type Period =
  FinancialYearPeriod | QuarterPeriod | MonthPeriod | AcademicYearPeriod | CalendarYearPeriod;

/** Raised for any key, date or period request we cannot honour; `input` is what the caller gave us. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.input = input;
  }
}

function invalidPeriod(input: string, reason: string): PeriodError {
  return new PeriodError(input, `'${input}' is not a valid period: ${reason}`);
}

// Wide enough for any council's history and plans; narrow enough that every key has a four-digit year.
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const YEAR_RANGE_REASON = `years must be between ${FIRST_YEAR} and ${LAST_YEAR}`;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const EXPECTED_FORMS =
  'expected a financial year (2025-26), quarter (2025-26-Q2), month (2025-10), academic year (AY2025-26) or calendar year (2025)';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2025-26": the start year and the last two digits of the next. */
function yearPair(startYear: number): string {
  return `${startYear}-${pad2((startYear + 1) % 100)}`;
}

/**
 * A financial-year key such as 2010-11 reads equally well as November 2010. ISO months keep the bare
 * form, so those eleven-or-so years a century take an "FY" prefix (FY2010-11) to stay distinct.
 */
function financialYearLooksLikeMonth(startYear: number): boolean {
  const second = (startYear + 1) % 100;
  return second >= 1 && second <= 12;
}

function keyYear(p: Period): number {
  switch (p.kind) {
    case 'financial_year':
    case 'academic_year':
      return p.startYear;
    case 'quarter':
      return p.fyStartYear;
    case 'month':
    case 'calendar_year':
      return p.year;
  }
}

/** Returns the period unchanged, or throws if its year falls outside the years a key can carry. */
export function withinSupportedYears<P extends Period>(p: P): P {
  const year = keyYear(p);
  if (!Number.isInteger(year) || yearOutOfRange(year)) throw invalidPeriod(periodKey(p), YEAR_RANGE_REASON);
  return p;
}

function secondYearReason(startYear: number, kind: 'financial' | 'academic'): string {
  const example = kind === 'financial' ? formatFinancialYearKey(startYear) : `AY${yearPair(startYear)}`;
  const article = kind === 'academic' ? 'an' : 'a';
  return `${article} ${kind} year must end in the year after it starts (${example})`;
}

function formatFinancialYearKey(startYear: number): string {
  return (financialYearLooksLikeMonth(startYear) ? 'FY' : '') + yearPair(startYear);
}

function isNextYear(startYear: number, twoDigits: number): boolean {
  return twoDigits === (startYear + 1) % 100;
}

/** True when two digits are within a few years of the next year, so the writer probably meant a year pair. */
function looksLikeYearPair(startYear: number, twoDigits: number): boolean {
  const gap = Math.abs(twoDigits - ((startYear + 1) % 100));
  return Math.min(gap, 100 - gap) <= 3;
}

function yearOutOfRange(year: number): boolean {
  return year < FIRST_YEAR || year > LAST_YEAR;
}

/** The period for an exact canonical key, or the reason the key is not one. */
function parseExact(key: string): Period | string {
  let m = /^(\d{4})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    return yearOutOfRange(year) ? YEAR_RANGE_REASON : { kind: 'calendar_year', year };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const two = Number(m[2]);
    if (yearOutOfRange(year)) return YEAR_RANGE_REASON;
    if (two >= 1 && two <= 12) return { kind: 'month', year, month: two };
    if (isNextYear(year, two)) return { kind: 'financial_year', startYear: year };
    return looksLikeYearPair(year, two) ? secondYearReason(year, 'financial') : 'month must be 01–12';
  }
  m = /^FY(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const startYear = Number(m[1]);
    if (yearOutOfRange(startYear)) return YEAR_RANGE_REASON;
    if (!isNextYear(startYear, Number(m[2]))) return secondYearReason(startYear, 'financial');
    if (!financialYearLooksLikeMonth(startYear)) {
      return `the FY prefix is only for years that could be read as a month; write '${yearPair(startYear)}'`;
    }
    return { kind: 'financial_year', startYear };
  }
  m = /^(\d{4})-(\d{2})-Q(\d+)$/.exec(key);
  if (m) {
    const fyStartYear = Number(m[1]);
    const quarter = Number(m[3]);
    if (yearOutOfRange(fyStartYear)) return YEAR_RANGE_REASON;
    if (!isNextYear(fyStartYear, Number(m[2]))) return secondYearReason(fyStartYear, 'financial');
    if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) return 'quarter must be Q1–Q4';
    return { kind: 'quarter', fyStartYear, quarter };
  }
  m = /^AY(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const startYear = Number(m[1]);
    if (yearOutOfRange(startYear)) return YEAR_RANGE_REASON;
    if (!isNextYear(startYear, Number(m[2]))) return secondYearReason(startYear, 'academic');
    return { kind: 'academic_year', startYear };
  }
  return EXPECTED_FORMS;
}

/**
 * Only the exact canonical key is accepted (no spaces, capital Q/AY/FY), so every period has one key
 * and keys can be compared and stored as strings. Near misses get a reason naming the right form.
 */
function parseKey(key: string): Period | string {
  if (key.length === 0) return 'it is empty';
  const trimmed = key.trim();
  if (trimmed !== key) {
    const inner = parseExact(trimmed);
    return typeof inner === 'string' ? inner : `remove the spaces around it ('${trimmed}')`;
  }
  const exact = parseExact(key);
  if (typeof exact !== 'string' || exact !== EXPECTED_FORMS) return exact;
  const upper = key.toUpperCase();
  if (upper !== key) {
    const fromUpper = parseExact(upper);
    if (typeof fromUpper !== 'string') return `write it in capitals as '${periodKey(fromUpper)}'`;
    if (fromUpper !== EXPECTED_FORMS) return fromUpper;
  }
  return exact;
}

export function parsePeriod(key: string): Period {
  const result = parseKey(key);
  if (typeof result === 'string') throw invalidPeriod(key, result);
  return result;
}

export function tryParsePeriod(key: string): Period | null {
  const result = parseKey(key);
  return typeof result === 'string' ? null : result;
}

export function isPeriodKey(value: unknown): value is string {
  return typeof value === 'string' && typeof parseKey(value) !== 'string';
}

export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'financial_year':
      return formatFinancialYearKey(p.startYear);
    case 'quarter':
      return `${yearPair(p.fyStartYear)}-Q${p.quarter}`;
    case 'month':
      return `${p.year}-${pad2(p.month)}`;
    case 'academic_year':
      return `AY${yearPair(p.startYear)}`;
    case 'calendar_year':
      return String(p.year);
  }
}

export function periodLabel(p: Period): string {
  const slashed = (startYear: number) => `${startYear}/${pad2((startYear + 1) % 100)}`;
  switch (p.kind) {
    case 'financial_year':
      return slashed(p.startYear);
    case 'quarter':
      return `Q${p.quarter} ${slashed(p.fyStartYear)}`;
    case 'month':
      return `${MONTH_NAMES[p.month - 1] ?? `Month ${p.month}`} ${p.year}`;
    case 'academic_year':
      return `Academic year ${slashed(p.startYear)}`;
    case 'calendar_year':
      return String(p.year);
  }
}

/**
 * Every period starts on the first of a month and ends on the last of one, so it is fully described by
 * the indices (year × 12 + month − 1) of its first and last months. Ordering and containment use these.
 */
export function monthSpan(p: Period): { readonly first: number; readonly last: number } {
  switch (p.kind) {
    case 'financial_year':
      return span(p.startYear * 12 + 3, 12);
    case 'quarter':
      return span(p.fyStartYear * 12 + 3 + (p.quarter - 1) * 3, 3);
    case 'month':
      return span(p.year * 12 + p.month - 1, 1);
    case 'academic_year':
      return span(p.startYear * 12 + 8, 12);
    case 'calendar_year':
      return span(p.year * 12, 12);
  }
}

function span(first: number, months: number): { first: number; last: number } {
  return { first, last: first + months - 1 };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function periodStart(p: Period): string {
  const { first } = monthSpan(p);
  return isoDate(Math.floor(first / 12), (first % 12) + 1, 1);
}

/** The last day of the period, inclusive. */
export function periodEnd(p: Period): string {
  const { last } = monthSpan(p);
  const year = Math.floor(last / 12);
  const month = (last % 12) + 1;
  return isoDate(year, month, daysInMonth(year, month));
}

/** Orders by end date, then start date: a year sorts just before the quarter and month that close it. */
export function comparePeriods(a: Period, b: Period): number {
  const sa = monthSpan(a);
  const sb = monthSpan(b);
  return Math.sign(sa.last - sb.last || sa.first - sb.first);
}
