// Turns a measure's series model into figures and targets, period by period: trend, steps, seasons and
// autocorrelated noise, then whole-number numerators and denominators for ratio measures.
import { periodEnd, periodStart, unitMultiplier, type Period } from '../assessment/index.ts';
import {
  calendarMonths,
  historyPeriods,
  historyStart,
  latestPeriod,
  midMonth,
  positionInYear,
  targetPeriods,
  targetYear,
} from './calendar.ts';
import type { MeasureDef, SeriesModel } from './measures.ts';
import type { Random } from './random.ts';

export interface SeriesPoint {
  period: Period;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface TargetPoint {
  period: Period;
  value: number | null;
  low: number | null;
  high: number | null;
  toleranceKind: 'absolute' | 'percent' | null;
  tolerance: number | null;
  source: 'set' | 'profile';
}

export function roundTo(x: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * numerator ÷ denominator × multiplier rounded half-up to dp places, in whole numbers so that it equals
 * PostgreSQL's round(numerator / denominator * multiplier, dp) exactly (floating point can land either side of a half).
 */
export function ratioValue(numerator: number, denominator: number, multiplier: number, dp: number): number {
  const scaled = numerator * multiplier * 10 ** dp;
  return Math.floor((2 * scaled + denominator) / (2 * denominator)) / 10 ** dp;
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

/** Fraction of school-holiday effect in a calendar month: all of August, half of April and December. */
function holidayShare(month: number): number {
  return month === 8 ? 1 : month === 4 || month === 12 ? 0.5 : 0;
}

/** The level before noise: straight line from start to end, with the step changes on the way, and the seasons. */
function underlyingLevel(def: MeasureDef, model: SeriesModel, p: Period): number {
  const freq = def.shape.freq;
  const t0 = midMonth(historyStart(freq));
  const t1 = midMonth(latestPeriod(freq));
  const t = clamp((midMonth(p) - t0) / Math.max(1, t1 - t0), 0, 1);
  const steps = model.steps ?? [];
  const stepTotal = steps.reduce((sum, [, delta]) => sum + delta, 0);
  const start = periodStart(p);
  const stepped = steps.reduce((sum, [month, delta]) => (start >= `${month}-01` ? sum + delta : sum), 0);
  let level = model.start + (model.end - model.start - stepTotal) * t + stepped;
  const months = calendarMonths(p);
  if (months.length <= 3) {
    level += (model.winter ?? 0) * mean(months.map((m) => Math.cos((2 * Math.PI * (m - 1)) / 12)));
    level *= 1 - (model.holidays ?? 0) * mean(months.map(holidayShare));
  }
  return level;
}

function limits(def: MeasureDef, model: SeriesModel): [number, number] {
  const unit = def.shape.unit;
  const low = model.min ?? (unit === 'gbp' ? -Infinity : 0);
  const ceiling = def.ratio || unit === 'percent' ? unitMultiplier(unit) : Infinity;
  return [low, Math.min(model.max ?? Infinity, ceiling)];
}

/** Periods per financial year for a year-to-date measure. */
function periodsPerYear(p: Period): number {
  return p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1;
}

export function seriesFor(def: MeasureDef, model: SeriesModel, random: Random): SeriesPoint[] {
  const { freq, dp, unit, acc } = def.shape;
  const periods = historyPeriods(freq, model.from).filter(
    (p) => !def.effectiveTo || periodEnd(p) <= def.effectiveTo,
  );
  const [low, high] = limits(def, model);
  const multiplier = unitMultiplier(unit);
  const firstYear = targetYear(historyStart(freq));
  const t0 = midMonth(historyStart(freq));
  const points: SeriesPoint[] = [];
  let noise = 0;
  let previous: { year: number; numerator: number; value: number } | null = null;
  for (const period of periods) {
    noise = 0.5 * noise + Math.sqrt(0.75) * model.noise * random.normal();
    const profile =
      acc === 'year_to_date' && model.profile ? (model.profile[positionInYear(period)] ?? 1) : null;
    const level = clamp(underlyingLevel(def, model, period) + noise, low, high) * (profile ?? 1);
    const year = targetYear(period);
    const sameYear = previous !== null && previous.year === year && profile !== null;
    if (!def.ratio) {
      let value = roundTo(level, dp);
      if (sameYear && previous && value < previous.value) value = previous.value;
      points.push({ period, value, numerator: null, denominator: null });
      previous = { year, numerator: 0, value };
      continue;
    }
    const per = model.per ?? 100;
    const growth = 1 + (model.growth ?? 0);
    let denominator: number;
    if (acc === 'year_to_date') {
      const yearly = per * growth ** (year - firstYear);
      const elapsed = profile === null ? (positionInYear(period) + 1) / periodsPerYear(period) : 1;
      denominator = Math.max(1, Math.round(yearly * elapsed));
    } else {
      const expected = per * growth ** ((midMonth(period) - t0) / 12);
      const spread = unit.startsWith('rate_')
        ? 0.003 * expected
        : Math.max(0.03 * expected, Math.sqrt(expected));
      denominator = Math.max(1, Math.round(expected + spread * random.normal()));
    }
    let numerator = clamp(Math.round((level / multiplier) * denominator), 0, denominator);
    if (sameYear && previous && numerator < previous.numerator) numerator = previous.numerator;
    const value = ratioValue(numerator, denominator, multiplier, dp);
    points.push({ period, value, numerator, denominator });
    previous = { year, numerator, value };
  }
  return points;
}

function toleranceOf(model: SeriesModel): Pick<TargetPoint, 'toleranceKind' | 'tolerance'> {
  if (model.tol === undefined) return { toleranceKind: null, tolerance: null };
  if (typeof model.tol === 'number') return { toleranceKind: 'absolute', tolerance: model.tol };
  return { toleranceKind: 'percent', tolerance: Number(model.tol.slice(0, -1)) };
}

/** Targets for every period from the first figure to the end of the current year; none for demand measures. */
export function targetsFor(def: MeasureDef, model: SeriesModel): TargetPoint[] {
  const { freq, dp, polarity, acc } = def.shape;
  if (polarity === 'none' || def.status === 'draft') return [];
  if (model.target === undefined && model.range === undefined) return [];
  const periods = targetPeriods(freq, model.from).filter(
    (p) => !def.effectiveTo || periodEnd(p) <= def.effectiveTo,
  );
  const y0 = targetYear(historyStart(freq));
  const y1 = targetYear(latestPeriod(freq));
  const tolerance = toleranceOf(model);
  return periods.map((period) => {
    const range = model.range;
    if (polarity === 'range' && range) {
      return { period, value: null, low: range[0], high: range[1], ...tolerance, source: 'set' };
    }
    const target = model.target ?? 0;
    const share = clamp((targetYear(period) - y0) / Math.max(1, y1 - y0), 0, 1);
    const annual = typeof target === 'number' ? target : target[0] + (target[1] - target[0]) * share;
    const profile =
      acc === 'year_to_date' && model.profile ? model.profile[positionInYear(period)] : undefined;
    const value = roundTo(annual * (profile ?? 1), dp);
    return {
      period,
      value,
      low: null,
      high: null,
      ...tolerance,
      source: profile === undefined ? 'set' : 'profile',
    };
  });
}
