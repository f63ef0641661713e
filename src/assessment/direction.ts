// Direction of travel: is a measure getting better or worse against an earlier figure, given its polarity?
// Kept apart from RAG because a red measure can be improving and a green one worsening.

import { isFiniteNumber, round10 } from './numbers.ts';
import type { Accumulation } from './periods.rollup.ts';
import type { Polarity } from './rag.ts';

export type Direction = 'improving' | 'worsening' | 'no_change' | 'not_comparable';

export interface DirectionResult {
  readonly judgement: Direction;
  /** Which way the figure moved, whatever its polarity; null when there is nothing to compare. */
  readonly change: 'up' | 'down' | 'same' | null;
  /** current − comparator, rounded to 10 decimal places. */
  readonly difference: number | null;
}

/** For range polarity: the band to move towards. A Target can be passed as it is. */
export interface DirectionRange {
  readonly low?: number | null;
  readonly high?: number | null;
}

export interface DirectionInput {
  readonly current: number | null | undefined;
  readonly comparator: number | null | undefined;
  readonly polarity: Polarity;
  readonly range?: DirectionRange | null;
}

const NOT_COMPARABLE: DirectionResult = { judgement: 'not_comparable', change: null, difference: null };

export function directionOfTravel({ current, comparator, polarity, range }: DirectionInput): DirectionResult {
  if (!isFiniteNumber(current) || !isFiniteNumber(comparator)) return NOT_COMPARABLE;
  const difference = round10(current - comparator);
  const change = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  return { judgement: judge(current, comparator, change, polarity, range), change, difference };
}

function judge(
  current: number,
  comparator: number,
  change: 'up' | 'down' | 'same',
  polarity: Polarity,
  range: DirectionRange | null | undefined,
): Direction {
  // A demand measure has no better or worse, but the reader still needs to know that it rose or fell.
  if (polarity === 'none') return 'not_comparable';
  if (polarity === 'range') return judgeAgainstRange(current, comparator, range);
  if (change === 'same') return 'no_change';
  return (change === 'up') === (polarity === 'up') ? 'improving' : 'worsening';
}

/** Improving means closer to the band (distance 0 inside it); moving about inside it is no change. */
function judgeAgainstRange(
  current: number,
  comparator: number,
  range: DirectionRange | null | undefined,
): Direction {
  const low = range?.low;
  const high = range?.high;
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) return 'not_comparable';
  const distance = (x: number) => round10(x < low ? low - x : x > high ? x - high : 0);
  const before = distance(comparator);
  const now = distance(current);
  if (now === before) return 'no_change';
  return now < before ? 'improving' : 'worsening';
}

export interface DirectionVsPreviousInput {
  readonly current: number | null | undefined;
  readonly previous: number | null | undefined;
  readonly polarity: Polarity;
  readonly accumulation: Accumulation;
  readonly range?: DirectionRange | null;
}

/**
 * Against the previous period. A year-to-date figure is never compared with the one before it: cumulative
 * figures grow through the year (and restart in April), so the movement says nothing about performance.
 */
export function directionVsPrevious(input: DirectionVsPreviousInput): DirectionResult {
  if (input.accumulation === 'year_to_date') return NOT_COMPARABLE;
  return directionOfTravel({ ...input, comparator: input.previous });
}

export interface DirectionVsLastYearInput {
  readonly current: number | null | undefined;
  readonly lastYear: number | null | undefined;
  readonly polarity: Polarity;
  readonly accumulation: Accumulation;
  readonly range?: DirectionRange | null;
}

/** Against the same period last year: comparable for every accumulation, year-to-date included (same point in the year). */
export function directionVsLastYear(input: DirectionVsLastYearInput): DirectionResult {
  return directionOfTravel({ ...input, comparator: input.lastYear });
}
