// From flags to the Making Data Count icons (variation and assurance) and a one-sentence plain-English reading.

import type { Direction, PhaseLimits } from './spc.rules.ts';
import type { SpcAssurance, SpcPoint, SpcPolarity, SpcResult, SpcSignal, SpcVariation } from './spc.ts';

const MINIMUM_POINTS = 12;

/** Improvement or concern by polarity; a point flagged both ways counts as an improvement. */
export function signalOf(directions: readonly Direction[], polarity: SpcPolarity): SpcSignal | null {
  if (directions.length === 0) return null;
  if (polarity === 'neutral') return 'neutral';
  const better: Direction = polarity === 'up' ? 'high' : 'low';
  return directions.includes(better) ? 'improvement' : 'concern';
}

export function variation(
  last: SpcPoint | undefined,
  directions: readonly Direction[],
  polarity: SpcPolarity,
): SpcVariation {
  if (!last?.signal) return 'common_cause';
  return `${last.signal}_${directionOf(last, directions, polarity)}`;
}

function directionOf(point: SpcPoint, directions: readonly Direction[], polarity: SpcPolarity): Direction {
  const [only] = directions;
  if (directions.length === 1 && only) return only;
  // Flagged both ways: improvement wins; without a polarity, the side of the mean the point sits on.
  if (polarity === 'up') return 'high';
  if (polarity === 'down') return 'low';
  return point.value >= point.mean ? 'high' : 'low';
}

/** Can the process meet the target? Judged against the last phase's limits; a target on a limit is hit and miss. */
export function assurance(
  target: number | undefined,
  limits: PhaseLimits,
  polarity: SpcPolarity,
): SpcAssurance | null {
  if (target === undefined || polarity === 'neutral') return null;
  if (target > limits.upl) return polarity === 'up' ? 'fail' : 'pass';
  if (target < limits.lpl) return polarity === 'up' ? 'pass' : 'fail';
  return 'inconsistent';
}

/**
 * One sentence for a reader, about the latest point, e.g. "Special cause improvement: 7 months above the
 * average since June 2025." `labels[i]` names the period at index i; `unit` names the periods.
 */
/** `labels` names the periods by index: an array, or a function so that only the few named are worked out. */
export function spcReading(
  result: SpcResult,
  labels: readonly string[] | ((index: number) => string),
  unit = 'points',
): string {
  const { points } = result;
  const last = points.at(-1);
  if (result.variation === 'not_enough_data' || !last) {
    return `Not enough data for SPC: ${points.length} point${points.length === 1 ? '' : 's'} (${MINIMUM_POINTS} needed).`;
  }
  const provisional = result.provisional ? ` (provisional: ${points.length} points, 20 wanted)` : '';
  if (result.variation === 'common_cause')
    return `Common cause variation: no signal of change${provisional}.`;
  const kind = last.signal === 'neutral' ? 'variation' : last.signal;
  const high = result.variation.endsWith('_high');
  const start = result.phases.at(-1)?.start ?? 0;
  const nameOf = typeof labels === 'function' ? labels : (i: number) => labels[i];
  const label = (p: SpcPoint | undefined) => (p ? (nameOf(p.index) ?? `point ${p.index + 1}`) : '');
  let what: string;
  if (last.outside) {
    what = `${label(last)} is ${high ? 'above the upper' : 'below the lower'} process limit`;
  } else if (last.shift) {
    const run = runBack(points, start, (p) => p.shift && (high ? p.value > p.mean : p.value < p.mean));
    what = `${run.length} ${unit} ${high ? 'above' : 'below'} the average since ${label(run[0])}`;
  } else if (last.trend) {
    const run = runBack(
      points,
      start,
      (p, next) => p.trend && (high ? p.value < next.value : p.value > next.value),
    );
    what = `${run.length} ${unit} ${high ? 'rising' : 'falling'} in a row since ${label(run[0])}`;
  } else {
    what = `two of the last three ${unit} are close to the ${high ? 'upper' : 'lower'} process limit`;
  }
  return `Special cause ${kind}: ${what}${provisional}.`;
}

/** The points at the end of the series (in the last phase) for which `belongs` holds, in order. */
function runBack(
  points: SpcPoint[],
  phaseStart: number,
  belongs: (p: SpcPoint, next: SpcPoint) => boolean,
): SpcPoint[] {
  const last = points.at(-1);
  if (!last) return [];
  const run = [last];
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i];
    const next = run[0];
    if (!p || !next || p.index < phaseStart || !belongs(p, next)) break;
    run.unshift(p);
  }
  return run;
}
