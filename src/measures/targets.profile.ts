// Profiles an annual target across the months or quarters of a year: flat (the same figure each period), a split
// of the year's total (discrete counts) or a cumulative build-up (year-to-date measures). Pure arithmetic.
import type { AccumulationColumn, CalculationType, PolarityColumn, Unit } from '../db/schema.ts';

export type ProfileKind = 'flat' | 'even' | 'custom';
export const profileKinds: readonly ProfileKind[] = ['flat', 'even', 'custom'];

export interface ProfiledMeasure {
  accumulation: AccumulationColumn;
  calculationType: CalculationType;
  unit: Unit;
  polarity: PolarityColumn;
}

const additiveUnits: readonly Unit[] = ['count', 'gbp', 'number'];

/** Only a discrete total of things (a count, money) can be split into parts that add up to the year. */
function isAdditive(m: ProfiledMeasure): boolean {
  return m.accumulation === 'discrete' && m.calculationType !== 'ratio' && additiveUnits.includes(m.unit);
}

/** Which profiles make sense for the measure, the default first. */
export function profileKindsFor(m: ProfiledMeasure): ProfileKind[] {
  if (m.polarity === 'range' || m.accumulation === 'snapshot') return ['flat'];
  if (m.accumulation === 'year_to_date') return ['even', 'custom', 'flat'];
  return isAdditive(m) ? ['custom', 'even'] : ['flat'];
}

/** Percentages to two places that add up to exactly 100, as near equal as they can be: the form's starting point. */
export function evenShares(count: number): number[] {
  return largestRemainder(
    10_000,
    Array.from({ length: count }, () => 1),
  ).map((hundredths) => hundredths / 100);
}

/** Splits a whole number of units in proportion to the weights, so the parts add up to it exactly. */
function largestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const magnitude = Math.abs(total);
  const exact = weights.map((w) => (sum === 0 ? 0 : (magnitude * w) / sum));
  const parts = exact.map(Math.floor);
  let left = magnitude - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => (total < 0 ? -p : p));
}

export interface ProfileRequest {
  annual: number;
  kind: ProfileKind;
  /** Percentages of the year's activity in each period (required for 'custom'; 'even' ignores them). */
  shares?: number[];
  periods: number;
  accumulation: AccumulationColumn;
  decimals: number;
}

/** Sum of percentages to two places, so 33.33 + 33.33 + 33.34 counts as 100 despite floating point. */
export function sharesTotal(shares: number[]): number {
  return Math.round(shares.reduce((a, b) => a + b, 0) * 100) / 100;
}

/**
 * Each period's target, rounded to the measure's decimal places. A split adds up to the annual target exactly
 * (the largest remainders take the odd units); a cumulative profile reaches it exactly in the last period.
 */
export function profileTargets(r: ProfileRequest): number[] {
  if (r.kind === 'flat') return Array.from({ length: r.periods }, () => r.annual);
  const shares = r.kind === 'even' ? Array.from({ length: r.periods }, () => 1) : (r.shares ?? []);
  if (shares.length !== r.periods)
    throw new RangeError(`a profile needs ${r.periods} shares, got ${shares.length}`);
  const scale = 10 ** r.decimals;
  const units = Math.round(r.annual * scale);
  if (r.accumulation === 'year_to_date') {
    const sum = shares.reduce((a, b) => a + b, 0);
    let running = 0;
    return shares.map((share, i) => {
      running += share;
      return i === shares.length - 1 ? units / scale : Math.round((units * running) / sum) / scale;
    });
  }
  return largestRemainder(units, shares).map((u) => u / scale);
}

/** The annual target a year's stored period targets imply, to start the form from; null when it cannot be told. */
export function impliedAnnual(m: ProfiledMeasure, values: (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v == null)) return null;
  const figures = values as number[];
  if (m.accumulation === 'year_to_date') return figures[figures.length - 1] ?? null;
  if (isAdditive(m)) return Math.round(figures.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
  return figures.every((v) => v === figures[0]) ? (figures[0] ?? null) : null;
}
