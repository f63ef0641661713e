// Rolls child-period figures (months, quarters) up to a parent period according to the measure's
// accumulation, and refuses to pass off a partial total as a whole one.

import { childPeriods } from './periods.navigation.ts';
import { isFiniteNumber, round10 } from './numbers.ts';
import { PeriodError, periodKey, type Period, type PeriodKind } from './periods.ts';

/**
 * discrete: each period's own activity (sum them); year_to_date: cumulative since April (take the latest);
 * snapshot: a position at the period end, such as a caseload (take the latest).
 */
export type Accumulation = 'discrete' | 'year_to_date' | 'snapshot';

export interface RollUpPoint {
  readonly period: Period;
  readonly value: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface RollUpOptions {
  /** The period being rolled up to; without it a missing child could not be noticed. */
  readonly parent: Period;
  /** Defaults to the kind of the first point, else months. */
  readonly childKind?: PeriodKind;
  /** For ratio measures: value = numerator / denominator × multiplier (100 for %, 10000 per 10,000). */
  readonly ratio?: { readonly multiplier: number } | null;
}

export interface RollUpResult {
  readonly value: number | null;
  /** Present for ratio measures only. */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** False when any child period has no usable figure. */
  readonly complete: boolean;
  /** Keys of the child periods with no usable figure, in period order. */
  readonly missing: string[];
}

/**
 * Ratio measures are never averaged: a quarter's percentage is rebuilt from the summed numerators and
 * denominators, because averaging monthly percentages weights a quiet month the same as a busy one.
 */
export function rollUp(
  points: readonly RollUpPoint[],
  accumulation: Accumulation,
  options: RollUpOptions,
): RollUpResult {
  const { parent, ratio } = options;
  if (ratio && !(Number.isFinite(ratio.multiplier) && ratio.multiplier > 0)) {
    throw new RangeError(`a ratio multiplier must be a positive number, got ${ratio.multiplier}`);
  }
  const childKind = options.childKind ?? points[0]?.period.kind ?? 'month';
  const childKeys = childPeriods(parent, childKind).map(periodKey);
  const byKey = indexPoints(points, parent, childKind, new Set(childKeys));

  const usable = (point: RollUpPoint | undefined): point is RollUpPoint =>
    point !== undefined &&
    (ratio
      ? isFiniteNumber(point.numerator) && isFiniteNumber(point.denominator)
      : isFiniteNumber(point.value));
  const missing = childKeys.filter((key) => !usable(byKey.get(key)));
  const complete = missing.length === 0;
  const noValue: RollUpResult = ratio
    ? { value: null, numerator: null, denominator: null, complete, missing }
    : { value: null, complete, missing };
  const ratioResult = (multiplier: number, numerator: number | null, denominator: number | null) => ({
    value: ratioValue(numerator, denominator, multiplier),
    numerator,
    denominator,
    complete,
    missing,
  });

  if (accumulation === 'discrete') {
    if (!complete) return noValue;
    const present = childKeys.map((key) => byKey.get(key)).filter(usable);
    if (!ratio) return { value: round10(sum(present.map((p) => p.value ?? 0))), complete, missing };
    return ratioResult(
      ratio.multiplier,
      round10(sum(present.map((p) => p.numerator ?? 0))),
      round10(sum(present.map((p) => p.denominator ?? 0))),
    );
  }

  // Year-to-date and snapshot figures already describe the whole parent period at its last child.
  const lastKey = childKeys[childKeys.length - 1];
  const last = lastKey === undefined ? undefined : byKey.get(lastKey);
  if (!usable(last)) return noValue;
  if (!ratio) return { value: last.value, complete, missing };
  return ratioResult(ratio.multiplier, last.numerator ?? null, last.denominator ?? null);
}

function indexPoints(
  points: readonly RollUpPoint[],
  parent: Period,
  childKind: PeriodKind,
  childKeys: ReadonlySet<string>,
): Map<string, RollUpPoint> {
  const byKey = new Map<string, RollUpPoint>();
  for (const point of points) {
    const key = periodKey(point.period);
    if (point.period.kind !== childKind || !childKeys.has(key)) {
      throw new PeriodError(
        key,
        `'${key}' is not a ${childKind.replace('_', ' ')} within '${periodKey(parent)}'`,
      );
    }
    if (byKey.has(key))
      throw new PeriodError(key, `'${key}' appears more than once in the figures to roll up`);
    byKey.set(key, point);
  }
  return byKey;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** A zero denominator means the rate is undefined (no cases), not zero. */
function ratioValue(numerator: number | null, denominator: number | null, multiplier: number): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return round10((numerator / denominator) * multiplier);
}
