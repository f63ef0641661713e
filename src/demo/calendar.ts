// The demo's calendar: the fixed "as of" date, the five years of history for each frequency, and the
// seasonal position of a period. All period arithmetic is delegated to the assessment module.
import {
  financialYearOf,
  latestCompletePeriod,
  monthsOf,
  parsePeriod,
  periodsBetween,
  type Frequency,
  type Period,
} from '../assessment/index.ts';

/** The demo council's "today": figures run to the last complete period before it. */
export const DEMO_AS_OF = '2026-11-15';

/** Five years back from the latest period (six financial years for annual measures). */
const HISTORY_START: Record<Frequency, string> = {
  monthly: '2021-11',
  quarterly: '2021-22-Q3',
  annual: '2020-21',
  academic_year: 'AY2021-22',
};

/** Targets are set for the whole of the current year, so they run past the latest figures. */
const TARGETS_END: Record<Frequency, string> = {
  monthly: '2027-03',
  quarterly: '2026-27-Q4',
  annual: '2026-27',
  academic_year: 'AY2026-27',
};

export function latestPeriod(frequency: Frequency): Period {
  return latestCompletePeriod(frequency, DEMO_AS_OF);
}

export function historyStart(frequency: Frequency): Period {
  return parsePeriod(HISTORY_START[frequency]);
}

/** The periods with figures: from the later of the history start and `from`, to the latest complete period. */
export function historyPeriods(frequency: Frequency, from?: string): Period[] {
  const start = from ? parsePeriod(from) : historyStart(frequency);
  return periodsBetween(start, latestPeriod(frequency));
}

export function targetPeriods(frequency: Frequency, from?: string): Period[] {
  const start = from ? parsePeriod(from) : historyStart(frequency);
  return periodsBetween(start, parsePeriod(TARGETS_END[frequency]));
}

/** Index of the month (year × 12 + month − 1) in the middle of the period, for trends measured in months. */
export function midMonth(p: Period): number {
  const months = monthsOf(p);
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) throw new RangeError('a period always has at least one month');
  return (first.year * 12 + first.month - 1 + (last.year * 12 + last.month - 1)) / 2;
}

/** Calendar months (1–12) of the period, for seasonal effects. */
export function calendarMonths(p: Period): number[] {
  return monthsOf(p).map((m) => m.month);
}

/** The year a target belongs to: the financial year, or the academic year for academic measures. */
export function targetYear(p: Period): number {
  return p.kind === 'academic_year' ? p.startYear : financialYearOf(p).startYear;
}

/** Position within the financial year (0 for April or Q1), for year-to-date measures. */
export function positionInYear(p: Period): number {
  if (p.kind === 'month') return (p.month + 8) % 12;
  if (p.kind === 'quarter') return p.quarter - 1;
  return 0;
}
