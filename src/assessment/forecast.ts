// Year-end forecasts for year-to-date measures: where the latest figure in a year says the year will end, by the
// run-rate and against the target profile, judged against the year-end target. Pure; the rules are below.
//
// Run-rate (what the year ends at if the rest of it goes as it has so far):
// 1. At the year's last period the figure is the year-end result: no forecast, the actual is judged instead.
// 2. A figure with a numerator and denominator shows its kind by how the denominator moved since the year's
//    first period. If it stayed about the same (a fixed annual base: the year's council tax debit, the 65+
//    population) the figure is a cumulative total, projected as value × periodsPerYear ÷ elapsed. If it grew
//    with the year (rent due so far) the figure is a rate so far, and the rate so far is the year-end forecast.
//    "Grew with the year" means the denominator is more than (1 + elapsed) ÷ 2 times the first period's: nearer
//    to rising in step with the periods gone than to standing still, so small revisions of a fixed base (the
//    debit changes as homes are built) do not change the answer.
// 3. That needs two figures this year to compare; in the first period, with no figure for the first period,
//    or with a denominator that is not positive, the kind cannot be told and there is no run-rate.
// 4. A ratio measure whose numerator or denominator is missing cannot be told either.
// 5. Without a numerator and denominator, a count, a sum of money or a plain number is a cumulative total;
//    any other unit (a percentage, a rate, days, a score) could be a share of the year or a rate so far, so
//    there is no run-rate.
// Against the profile (only when the year's targets were profiled from an annual target, and that target is
// known): value × yearEndTarget ÷ targetNow, the same share of the profile carried on to the year end. Not when
// the profile expects nothing yet (targetNow is 0), nor for a target range.
// A percentage worked out from a numerator and denominator cannot pass 100% (the numerator is never above the
// denominator), so either forecast is capped there and says so.
// The verdict is against the year-end target with the measure's polarity and no tolerance: on track when the
// figure meets the target (or sits in its range), off track when it does not, no target when there is none.
import { isFiniteNumber } from './numbers.ts';
import { rag, type Polarity } from './rag.ts';
import type { Unit } from './format.ts';

export type ForecastVerdict = 'on_track' | 'off_track' | 'no_target';
/** A cumulative total is scaled up to the whole year; a rate so far is already the year's rate in the making. */
export type RunRateKind = 'cumulative_total' | 'rate_so_far';

/** A single figure to reach, or a range (both bounds) to end inside. */
export interface YearEndTarget {
  readonly value: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
}

export interface ForecastInput {
  /** The latest figure in the year, cumulative since the year began. */
  readonly value: number;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** The denominator of the figure for the year's first period, when there is one. */
  readonly firstDenominator?: number | null;
  /** How many periods of the year the figure covers: 1 for April (or Q1) … periodsPerYear at the year end. */
  readonly elapsed: number;
  readonly periodsPerYear: number;
  readonly unit: Unit;
  readonly calculationType: 'value' | 'ratio' | 'formula';
  readonly polarity: Polarity;
  /** The (cumulative) target for the figure's own period. */
  readonly targetNow?: number | null;
  /** The target for the year's last period: where the year should end. */
  readonly yearEndTarget?: YearEndTarget | null;
  /** True when the year's targets came from profiling an annual target. */
  readonly profiled?: boolean;
}

/** A year-end figure (forecast or actual), how far it is from the year-end target, and the verdict. */
export interface YearEndFigure {
  readonly value: number;
  /** Figure minus target (for a range: minus the nearer bound, 0 inside it); null without a target. */
  readonly gap: number | null;
  readonly verdict: ForecastVerdict;
  /** The projection passed 100% and was held there. */
  readonly capped: boolean;
}

export interface RunRateForecast extends YearEndFigure {
  readonly kind: RunRateKind;
}

export interface YearEndForecast {
  /** At the year's last period the figure is the year-end result, not a forecast. */
  readonly final: boolean;
  /** The latest figure judged as the year's result; only when `final`. */
  readonly actual: YearEndFigure | null;
  readonly runRate: RunRateForecast | null;
  /** Why there is no run-rate forecast, in a sentence; null when there is one. */
  readonly runRateUnavailable: string | null;
  readonly profile: YearEndFigure | null;
  /** Why there is no forecast against the profile, in a sentence; null when there is one. */
  readonly profileUnavailable: string | null;
  /** The verdict to lead with: the actual's, else the profile forecast's (it knows the seasons), else the run-rate's. */
  readonly verdict: ForecastVerdict | null;
  readonly basis: 'actual' | 'profile' | 'run_rate' | null;
}

const CUMULATIVE_UNITS: readonly Unit[] = ['count', 'gbp', 'number'];
const PERCENT_CEILING = 100;

export function forecastYearEnd(input: ForecastInput): YearEndForecast {
  checkInput(input);
  const target = usableTarget(input.yearEndTarget);
  if (input.elapsed === input.periodsPerYear) {
    const actual = judged(input.value, false, target, input.polarity);
    const why = 'The year is complete: the latest figure is the year-end result, not a forecast.';
    return {
      final: true,
      actual,
      runRate: null,
      runRateUnavailable: why,
      profile: null,
      profileUnavailable: why,
      verdict: actual.verdict,
      basis: 'actual',
    };
  }
  const ceiling = capOf(input);
  const rate = runRate(input);
  const runRateFigure =
    typeof rate === 'string' ? null : { kind: rate.kind, ...within(rate.value, ceiling, target, input) };
  const profile = againstProfile(input, target);
  const profileFigure = typeof profile === 'string' ? null : within(profile, ceiling, target, input);
  const lead = profileFigure ? 'profile' : runRateFigure ? 'run_rate' : null;
  return {
    final: false,
    actual: null,
    runRate: runRateFigure,
    runRateUnavailable: typeof rate === 'string' ? rate : null,
    profile: profileFigure,
    profileUnavailable: typeof profile === 'string' ? profile : null,
    verdict: (profileFigure ?? runRateFigure)?.verdict ?? null,
    basis: lead,
  };
}

function checkInput(input: ForecastInput): void {
  const { value, elapsed, periodsPerYear } = input;
  if (!isFiniteNumber(value)) throw new RangeError(`value must be a finite number, got ${value}`);
  if (!Number.isInteger(periodsPerYear) || periodsPerYear < 1) {
    throw new RangeError(`periodsPerYear must be a whole number of at least 1, got ${periodsPerYear}`);
  }
  if (!Number.isInteger(elapsed) || elapsed < 1 || elapsed > periodsPerYear) {
    throw new RangeError(`elapsed must be a whole number from 1 to ${periodsPerYear}, got ${elapsed}`);
  }
}

/** A target the verdict can use: a figure, or a range with both bounds; anything else is no target. */
function usableTarget(target: YearEndTarget | null | undefined): YearEndTarget | null {
  if (!target) return null;
  if (isFiniteNumber(target.value)) return { value: target.value };
  if (isFiniteNumber(target.low) && isFiniteNumber(target.high)) {
    return { value: null, low: target.low, high: target.high };
  }
  return null;
}

function hasParts(input: ForecastInput): boolean {
  return isFiniteNumber(input.numerator) && isFiniteNumber(input.denominator);
}

function capOf(input: ForecastInput): number | null {
  return input.unit === 'percent' && (input.calculationType === 'ratio' || hasParts(input))
    ? PERCENT_CEILING
    : null;
}

function runRate(input: ForecastInput): { kind: RunRateKind; value: number } | string {
  const { value, elapsed, periodsPerYear } = input;
  const scaled = { kind: 'cumulative_total' as const, value: (value * periodsPerYear) / elapsed };
  if (hasParts(input)) {
    const denominator = input.denominator ?? 0;
    const first = input.firstDenominator;
    const cannotTell = 'whether its denominator is a fixed base for the whole year or grows as the year goes';
    if (elapsed === 1) return `It is the first period of the year, so it cannot yet be told ${cannotTell}.`;
    if (!isFiniteNumber(first)) {
      return `There is no figure for the first period of the year, so it cannot be told ${cannotTell}.`;
    }
    if (first <= 0 || denominator <= 0) {
      return `The denominator is not above zero, so it cannot be told ${cannotTell}.`;
    }
    const grewWithYear = denominator / first > (1 + elapsed) / 2;
    return grewWithYear ? { kind: 'rate_so_far', value } : scaled;
  }
  if (input.calculationType === 'ratio') {
    return 'The latest figure has no numerator and denominator, so it cannot be told whether it is a share of a fixed whole or a rate so far.';
  }
  if (CUMULATIVE_UNITS.includes(input.unit)) return scaled;
  return 'A figure like this without a numerator and denominator could be a share of the whole year or a rate so far, so there is no run-rate forecast.';
}

function againstProfile(input: ForecastInput, target: YearEndTarget | null): number | string {
  if (!input.profiled) {
    return "This year's targets were not profiled from an annual target, so there is no forecast against a profile.";
  }
  if (!target) return 'There is no year-end target, so there is no forecast against the profile.';
  if (target.value == null) return 'A target range cannot be profiled, so there is no forecast against it.';
  const now = input.targetNow;
  if (!isFiniteNumber(now)) {
    return 'There is no profiled target for the latest period, so there is no forecast against the profile.';
  }
  if (now === 0) {
    return 'The profile expects nothing by now, so the share of it achieved cannot be carried forward.';
  }
  return (input.value * target.value) / now;
}

function within(
  value: number,
  ceiling: number | null,
  target: YearEndTarget | null,
  input: ForecastInput,
): YearEndFigure {
  const capped = ceiling !== null && value > ceiling;
  return judged(capped && ceiling !== null ? ceiling : value, capped, target, input.polarity);
}

function judged(
  value: number,
  capped: boolean,
  target: YearEndTarget | null,
  polarity: Polarity,
): YearEndFigure {
  return { value, gap: gapTo(value, target), verdict: verdictOf(value, target, polarity), capped };
}

function verdictOf(value: number, target: YearEndTarget | null, polarity: Polarity): ForecastVerdict {
  // Without a tolerance RAG is green or red: meeting the target exactly, with its floating-point care.
  const judgement = rag({ value, target, polarity });
  return judgement === 'green' ? 'on_track' : judgement === 'red' ? 'off_track' : 'no_target';
}

function gapTo(value: number, target: YearEndTarget | null): number | null {
  if (!target) return null;
  if (target.value != null) return value - target.value;
  const low = target.low ?? value;
  const high = target.high ?? value;
  return value < low ? value - low : value > high ? value - high : 0;
}
