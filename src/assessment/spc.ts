// NHS England's "Making Data Count" XmR statistical process control: process limits per phase, the four
// special-cause rules, and the variation and assurance icons. Pure: the API and the CLI both call assessSpc.

import { flagPhase, type Direction, type PhaseLimits, type Sample } from './spc.rules.ts';
import { assurance, signalOf, variation } from './spc.icons.ts';

export type SpcPolarity = 'up' | 'down' | 'neutral';
export type SpcSignal = 'improvement' | 'concern' | 'neutral';
export type SpcVariation =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low'
  | 'not_enough_data';
export type SpcAssurance = 'pass' | 'fail' | 'inconsistent';

export interface SpcRequest {
  values: (number | null)[];
  polarity: SpcPolarity;
  target?: number;
  /** The first phase's limits come from its first n points and apply to the rest of that phase. */
  fixAfter?: number;
  /** Indexes at which a new phase (with its own limits) starts. */
  phases?: number[];
  /** Drop moving ranges of 3.267 × MR̄ or more once, then recalculate MR̄. */
  screenMovingRanges?: boolean;
}

export interface SpcPoint {
  index: number;
  value: number;
  mean: number;
  upl: number;
  lpl: number;
  outside: boolean;
  shift: boolean;
  trend: boolean;
  twoInThree: boolean;
  signal: SpcSignal | null;
}

export interface SpcPhase extends PhaseLimits {
  start: number;
  end: number;
}

export interface SpcResult {
  mean: number;
  upl: number;
  lpl: number;
  points: SpcPoint[];
  variation: SpcVariation;
  assurance: SpcAssurance | null;
  provisional: boolean;
  missing: number[];
  phases: SpcPhase[];
}

/** Making Data Count's constants: 2.66 = 3 / d2 (d2 = 1.128 for n = 2); 3.267 = D4 for n = 2. */
export const LIMIT_FACTOR = 2.66;
export const SCREEN_FACTOR = 3.267;
export const MINIMUM_POINTS = 12;
export const FIRM_POINTS = 20;

export function assessSpc(request: SpcRequest): SpcResult {
  const { values, polarity } = request;
  const missing: number[] = [];
  values.forEach((v, index) => {
    if (v === null) missing.push(index);
  });
  const starts = [0, ...(request.phases ?? []).filter((s) => s > 0)];
  const phases: SpcPhase[] = [];
  const points: SpcPoint[] = [];
  const directions: Direction[][] = [];
  starts.forEach((start, k) => {
    const end = (starts[k + 1] ?? values.length) - 1;
    const samples: Sample[] = [];
    for (let index = start; index <= end; index++) {
      const value = values[index];
      if (typeof value === 'number') samples.push({ index, value });
    }
    const baseline = k === 0 && request.fixAfter !== undefined ? samples.slice(0, request.fixAfter) : samples;
    const limits = phaseLimits(
      baseline.map((s) => s.value),
      request.screenMovingRanges ?? false,
    );
    phases.push({ start, end, ...limits });
    for (const flagged of flagPhase(samples, limits)) {
      const { index, value, outside, shift, trend, twoInThree } = flagged;
      const { mean, upl, lpl } = limits;
      const signal = signalOf(flagged.directions, polarity);
      points.push({ index, value, mean, upl, lpl, outside, shift, trend, twoInThree, signal });
      directions.push(flagged.directions);
    }
  });
  const last = phases[phases.length - 1];
  if (!last) throw new RangeError('an SPC request needs at least one value');
  const enough = points.length >= MINIMUM_POINTS;
  return {
    mean: last.mean,
    upl: last.upl,
    lpl: last.lpl,
    points,
    variation: enough ? variation(points.at(-1), directions.at(-1) ?? [], polarity) : 'not_enough_data',
    assurance: enough ? assurance(request.target, last, polarity) : null,
    provisional: enough && points.length < FIRM_POINTS,
    missing,
    phases,
  };
}

/** Mean, MR̄ and the limits of one phase from its baseline values (in order, missing periods skipped). */
export function phaseLimits(baseline: number[], screen: boolean): PhaseLimits {
  const mean = average(baseline);
  let ranges = baseline.slice(1).map((v, i) => Math.abs(v - (baseline[i] ?? v)));
  let movingRangeMean = average(ranges);
  if (screen && movingRangeMean > 0) {
    const ceiling = SCREEN_FACTOR * movingRangeMean;
    const kept = ranges.filter((r) => r < ceiling);
    if (kept.length > 0 && kept.length < ranges.length) {
      ranges = kept;
      movingRangeMean = average(ranges);
    }
  }
  const width = LIMIT_FACTOR * movingRangeMean;
  return {
    mean,
    upl: mean + width,
    lpl: mean - width,
    upperTwoSigma: mean + (2 / 3) * width,
    lowerTwoSigma: mean - (2 / 3) * width,
    movingRangeMean,
  };
}

/** The mean of no numbers is taken as 0: a one-point baseline has no moving range, so its limits sit on the mean. */
function average(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

export { spcReading } from './spc.icons.ts';
export { SpcInputError, validateSpcRequest } from './spc.validate.ts';
