// The year-end forecast on a year-to-date measure's page: the run-rate and profile forecasts in words, each with
// how it was made and its verdict against the year-end target, or why there is none. Included by the page partial.
import {
  formatValue,
  parsePeriod,
  periodEnd,
  type ForecastVerdict,
  type RunRateForecast,
  type YearEndFigure,
  type YearEndTarget,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import type { FrequencyColumn } from '../db/schema.ts';
import { yearEndForecasts, type MeasureYearEndForecast } from './forecast.service.ts';
import type { PerformanceMeasureRow } from './measure-performance.queries.ts';
import { labelOfPeriod } from './present.ts';

/** Reuses the RAG colours, always with a symbol and words, so the verdict never rests on colour. */
export interface VerdictBadge {
  verdict: ForecastVerdict;
  rag: 'green' | 'red' | 'not_rated';
  symbol: string;
  label: string;
}

export interface ForecastLine {
  label: string;
  figure: string;
  verdict: VerdictBadge;
  /** How far from the year-end target, in words; null without a target. */
  gap: string | null;
  /** How the figure was made, in one plain sentence. */
  how: string;
}

export interface MeasureForecastView {
  /** Why there is nothing to show at all; the rest is empty when set. */
  reason: string | null;
  intro: string;
  final: boolean;
  lines: ForecastLine[];
  /** The year-end target in words, or null when none is set. */
  target: string | null;
  /** Sentences saying why a kind of forecast is missing. */
  missing: string[];
  /** When the two forecasts disagree, which to lean on. */
  advice: string | null;
}

export const VERDICT_BADGES: Record<ForecastVerdict, VerdictBadge> = {
  on_track: { verdict: 'on_track', rag: 'green', symbol: '✓', label: 'On track' },
  off_track: { verdict: 'off_track', rag: 'red', symbol: '✕', label: 'Off track' },
  no_target: {
    verdict: 'no_target',
    rag: 'not_rated',
    symbol: '–',
    label: 'No year-end target to judge against',
  },
};

const PERIOD_WORDS: Record<FrequencyColumn, [string, string]> = {
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  annual: ['year', 'years'],
  academic_year: ['year', 'years'],
};

/** Null for a measure that is not year-to-date: the page shows no forecast section for it. */
export async function measureForecast(
  db: Db,
  councilId: string,
  measure: PerformanceMeasureRow,
  latestPeriod: string | null,
): Promise<MeasureForecastView | null> {
  if (measure.accumulation !== 'year_to_date') return null;
  if (!latestPeriod) return nothing('There is no forecast yet: there are no figures to forecast from.');
  const forecasts = await yearEndForecasts(db, {
    councilId,
    measureIds: [measure.id],
    periodEnd: periodEnd(parsePeriod(latestPeriod)),
  });
  const found = forecasts.get(measure.id);
  if (!found) return nothing('There is no forecast: the latest figure has no value to forecast from.');
  return present(measure, found);
}

function nothing(reason: string): MeasureForecastView {
  return { reason, intro: '', final: false, lines: [], target: null, missing: [], advice: null };
}

function present(measure: PerformanceMeasureRow, f: MeasureYearEndForecast): MeasureForecastView {
  const figure = (v: number) => formatValue(v, measure.unit, measure.decimals);
  const year = labelOfPeriod(f.year);
  const when = labelOfPeriod(f.period);
  const [one, many] = PERIOD_WORDS[measure.frequency];
  const target = targetWords(f.yearEndTarget, figure);
  const gap = (line: YearEndFigure) => gapWords(line, f.yearEndTarget, figure);
  const { forecast } = f;
  if (forecast.final && forecast.actual) {
    return {
      reason: null,
      intro: `${when} closes ${year}, so its figure is the year-end result, not a forecast.`,
      final: true,
      lines: [
        {
          label: `Result for ${year}`,
          figure: figure(forecast.actual.value),
          verdict: VERDICT_BADGES[forecast.actual.verdict],
          gap: gap(forecast.actual),
          how: `The figure for ${when}, the last ${one} of the year.`,
        },
      ],
      target,
      missing: [],
      advice: null,
    };
  }
  const soFar = `${figure(f.value)} in the first ${f.elapsed} of ${f.periodsPerYear} ${many}`;
  const lines: ForecastLine[] = [];
  if (forecast.runRate) {
    lines.push({
      label: 'Run-rate forecast',
      figure: figure(forecast.runRate.value),
      verdict: VERDICT_BADGES[forecast.runRate.verdict],
      gap: gap(forecast.runRate),
      how: runRateWords(forecast.runRate, soFar, figure),
    });
  }
  if (forecast.profile) {
    const share = f.targetNow ? formatValue((f.value / f.targetNow) * 100, 'percent', 0) : '';
    lines.push({
      label: 'Forecast against the target profile',
      figure: figure(forecast.profile.value),
      verdict: VERDICT_BADGES[forecast.profile.verdict],
      gap: gap(forecast.profile),
      how:
        `If the rest of the year keeps to the same share of the target profile as so far (${figure(f.value)} ` +
        `against a profiled target of ${figure(f.targetNow ?? 0)} by ${when}: ${share} of it), the year would end at ` +
        `about ${figure(forecast.profile.value)}.${capWords(forecast.profile)}`,
    });
  }
  const missing = [
    forecast.runRateUnavailable ? `No run-rate forecast. ${forecast.runRateUnavailable}` : null,
    forecast.profileUnavailable
      ? `No forecast against a target profile. ${forecast.profileUnavailable}`
      : null,
  ].filter((s): s is string => s !== null);
  const disagree =
    forecast.runRate && forecast.profile && forecast.runRate.verdict !== forecast.profile.verdict;
  return {
    reason: null,
    intro: `Where ${year} is heading, forecast from the figure for ${when} (${one} ${f.elapsed} of ${f.periodsPerYear}). A forecast is not a result: it will change as the year's figures come in.`,
    final: false,
    lines,
    target,
    missing,
    advice: disagree
      ? 'The two forecasts disagree. The forecast against the profile allows for the usual pattern through the year, so it is the better guide.'
      : null,
  };
}

function runRateWords(line: RunRateForecast, soFar: string, figure: (v: number) => string): string {
  if (line.kind === 'rate_so_far') {
    return (
      `If the rest of the year goes at the rate so far, the year would end where it is now, at ${figure(line.value)}: ` +
      'this figure is a rate over the year so far rather than a running total, so it does not build up.'
    );
  }
  return `If the rest of the year goes at the rate so far (${soFar}), the year would end at about ${figure(line.value)}.${capWords(line)}`;
}

function capWords(line: YearEndFigure): string {
  return line.capped
    ? ' Going on at that pace would pass 100%, which a share of a whole cannot, so it is held at 100%.'
    : '';
}

function targetWords(target: YearEndTarget | null, figure: (v: number) => string): string | null {
  if (!target) return null;
  if (target.value != null) return figure(target.value);
  if (target.low != null && target.high != null) return `${figure(target.low)} to ${figure(target.high)}`;
  return null;
}

function gapWords(
  line: YearEndFigure,
  target: YearEndTarget | null,
  figure: (v: number) => string,
): string | null {
  if (line.gap == null || !target) return null;
  const what = target.value != null ? 'the year-end target' : 'the target range';
  if (Math.abs(line.gap) < 1e-9)
    return target.value != null ? 'Exactly on the year-end target.' : 'Inside the target range.';
  const side = line.gap > 0 ? 'above' : 'below';
  const size = figure(Math.abs(line.gap));
  // A gap too small to show at the measure's decimal places is still a gap: the verdict may turn on it.
  return size === figure(0) ? `Just ${side} ${what}.` : `${size} ${side} ${what}.`;
}
