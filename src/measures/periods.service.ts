// Periods for API clients: a range of periods of one kind, or one period described, all from the pure period
// functions so a client never has to reimplement the financial or academic year.
import {
  matchesFrequency,
  nextPeriod,
  parsePeriod,
  PeriodError,
  periodEnd,
  periodKey,
  periodKindForFrequency,
  periodLabel,
  periodsBetween,
  periodStart,
  previousPeriod,
  samePeriodLastYear,
  type Frequency,
  type Period,
} from '../assessment/index.ts';
import { ValidationError } from '../web/errors.ts';
import type { PeriodDetail, PeriodOut } from './targets.schema.ts';

/** Enough for a century of months; a longer list is almost certainly a typing mistake. */
const MAX_PERIODS = 1200;

export function presentPeriod(p: Period): PeriodOut {
  return { key: periodKey(p), label: periodLabel(p), kind: p.kind, start: periodStart(p), end: periodEnd(p) };
}

function parsed(field: string, key: string): Period {
  try {
    return parsePeriod(key);
  } catch (error) {
    if (error instanceof PeriodError) throw ValidationError.field(field, `${field}: ${error.message}`);
    throw error;
  }
}

export function listPeriods(q: { frequency?: Frequency; from: string; to: string }): PeriodOut[] {
  const from = parsed('from', q.from);
  const to = parsed('to', q.to);
  if (q.frequency) {
    const kind = periodKindForFrequency(q.frequency).replace('_', ' ');
    if (!matchesFrequency(from, q.frequency))
      throw ValidationError.field('from', `from: '${q.from}' is not a ${kind}, as ${q.frequency} needs`);
    if (!matchesFrequency(to, q.frequency))
      throw ValidationError.field('to', `to: '${q.to}' is not a ${kind}, as ${q.frequency} needs`);
  }
  if (from.kind !== to.kind)
    throw ValidationError.field('to', `to: '${q.to}' must be the same kind of period as from ('${q.from}')`);
  let periods: Period[];
  try {
    periods = periodsBetween(from, to);
  } catch (error) {
    if (error instanceof PeriodError) throw ValidationError.field('to', `to: ${error.message}`);
    throw error;
  }
  if (periods.length > MAX_PERIODS)
    throw ValidationError.field('to', `to: at most ${MAX_PERIODS} periods can be listed at once`);
  return periods.map(presentPeriod);
}

export function describePeriod(key: string): PeriodDetail {
  const p = parsed('key', key);
  return {
    ...presentPeriod(p),
    previous: neighbour(() => previousPeriod(p)),
    next: neighbour(() => nextPeriod(p)),
    samePeriodLastYear: neighbour(() => samePeriodLastYear(p)),
  };
}

/** At the edge of the supported years there is no neighbour: null rather than an error. */
function neighbour(step: () => Period): string | null {
  try {
    return periodKey(step());
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}
