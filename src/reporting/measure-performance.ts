// One measure's performance for its page: the history of figures judged against their targets, a chart with
// its text alternative, and the latest commentary. The measure page includes views/measure-performance.njk.
import {
  directionVsLastYear,
  directionVsPrevious,
  formatValue,
  parsePeriod,
  periodKey,
  previousPeriod,
  rag,
  samePeriodLastYear,
  type Rag,
} from '../assessment/index.ts';
import type { ValueStatus } from '../db/schema.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError } from '../web/errors.ts';
import { historyChart } from './chart-request.ts';
import { keptChart } from './kept-charts.ts';
import { spcSettingsOf } from '../measures/spc-settings.queries.ts';
import { measureForecast, type MeasureForecastView } from './measure-forecast.ts';
import { measureSpc, type MeasureSpc } from './measure-spc.ts';
import { seriesSettings } from './spc-judgement.ts';
import { noSettings } from './spc-series.ts';
import {
  findPerformanceMeasure,
  measureHistory,
  type HistoryRow,
  type PerformanceMeasureRow,
} from './measure-performance.queries.ts';
import { directionBadge, labelOfPeriod, ragBadge, type RagBadge } from './present.ts';
import { toNumber, toTarget } from './scorecard.service.ts';

export interface PerformanceRow {
  period: string;
  /** The period's first day, YYYY-MM-DD. */
  start: string;
  periodLabel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  rag: Rag;
  ragBadge: RagBadge;
  status: ValueStatus;
  commentary: string;
  revision: number;
  /** Corrected after it was published: shown as "revised" wherever the figure appears. */
  revised: boolean;
  /** The figure published before the correction, and when: "revised — previously 71.2% (published 12 Nov 2026)". */
  previouslyPublished: { value: number | null; publishedAt: Date } | null;
}

export interface MeasurePerformance {
  history: PerformanceRow[];
  chartSvg: string;
  chartSummary: string;
  latestCommentary: { period: string; periodLabel: string; text: string } | null;
  /** Making Data Count SPC over the figures in period order, or null with the reason in `spcUnavailable`. */
  spc: (MeasureSpc & { chartSvg: string }) | null;
  spcUnavailable: string | null;
  /** Year-to-date measures only: where the year is heading (see measure-forecast.ts); null for other measures. */
  forecast: MeasureForecastView | null;
}

/** The chart shows three years of monthly figures at most; the table below it has the whole history. */
const CHART_POINTS = 36;

export async function measurePerformance(
  db: Db,
  options: { councilId: string; measureId: string },
): Promise<MeasurePerformance> {
  const measure = await findPerformanceMeasure(db, options.councilId, options.measureId);
  if (!measure) throw new NotFoundError('Measure not found');
  const [rows, settings] = await Promise.all([
    measureHistory(db, options.councilId, options.measureId),
    spcSettingsOf(db, options.measureId),
  ]);
  const history = rows.map((row) => presentRow(measure, row));
  // Drafts are listed with their status but are not yet figures the council stands behind.
  const judged = history.filter((row) => row.status !== 'draft');
  const charted = judged.slice(0, CHART_POINTS).reverse();
  const chartSummary = summarise(measure, judged);
  const latestWithWords = judged.find((row) => row.commentary.trim() !== '');
  const spc = measureSpc(measure, judged, settings ? seriesSettings(settings) : noSettings);
  const [forecast, spcChart, chartSvg] = await Promise.all([
    measureForecast(db, options.councilId, measure, judged[0]?.period ?? null),
    spc.spc ? keptChart({ kind: 'xmr', input: spc.spc.chart }) : '',
    charted.length === 0 ? '' : keptChart(historyChart(measure, charted, chartSummary)),
  ]);
  return {
    forecast,
    spc: spc.spc && { ...spc.spc, chartSvg: spcChart },
    spcUnavailable: spc.reason,
    history,
    chartSvg,
    chartSummary,
    latestCommentary: latestWithWords
      ? {
          period: latestWithWords.period,
          periodLabel: latestWithWords.periodLabel,
          text: latestWithWords.commentary,
        }
      : null,
  };
}

function presentRow(measure: PerformanceMeasureRow, row: HistoryRow): PerformanceRow {
  const value = toNumber(row.value);
  const target = toTarget(row);
  const hasTarget = target.value != null || (target.low != null && target.high != null);
  const judgement = rag({ value, target: hasTarget ? target : null, polarity: measure.polarity });
  return {
    period: row.period,
    start: row.period_start,
    periodLabel: labelOfPeriod(row.period),
    value,
    numerator: toNumber(row.numerator),
    denominator: toNumber(row.denominator),
    target: target.value,
    targetLow: target.low ?? null,
    targetHigh: target.high ?? null,
    rag: judgement,
    ragBadge: ragBadge(judgement),
    status: row.status,
    commentary: row.commentary,
    revision: row.revision,
    revised: row.revised_after_publication,
    previouslyPublished:
      row.revised_after_publication && row.previous_published_at
        ? { value: toNumber(row.previous_published_value), publishedAt: row.previous_published_at }
        : null,
  };
}

/** The chart's text alternative: the latest figure, its target and verdict, and the trend in words. */
function summarise(measure: PerformanceMeasureRow, judged: PerformanceRow[]): string {
  const latest = judged[0];
  if (!latest) return `${measure.title}: there are no figures yet.`;
  const figure = (v: number | null) => formatValue(v, measure.unit, measure.decimals);
  const parts = [`${measure.title}: ${figure(latest.value)} in ${latest.periodLabel}`];
  if (latest.target != null)
    parts.push(`against a target of ${figure(latest.target)} (${latest.ragBadge.label.toLowerCase()})`);
  else if (latest.targetLow != null && latest.targetHigh != null) {
    parts.push(
      `against a target range of ${figure(latest.targetLow)} to ${figure(latest.targetHigh)} (${latest.ragBadge.label.toLowerCase()})`,
    );
  }
  const sentences = [`${parts.join(' ')}.`];
  const byPeriod = new Map(judged.map((row) => [row.period, row]));
  const period = parsePeriod(latest.period);
  const previous = byPeriod.get(periodKey(previousPeriod(period)));
  const lastYear = byPeriod.get(periodKey(samePeriodLastYear(period)));
  const basis = {
    current: latest.value,
    polarity: measure.polarity,
    accumulation: measure.accumulation,
    range: { low: latest.targetLow, high: latest.targetHigh },
  };
  if (previous) {
    const d = directionVsPrevious({ ...basis, previous: previous.value }).judgement;
    sentences.push(trend(d, latest.value, previous, figure));
  }
  if (lastYear) {
    const d = directionVsLastYear({ ...basis, lastYear: lastYear.value }).judgement;
    sentences.push(trend(d, latest.value, lastYear, figure));
  }
  const first = judged[Math.min(judged.length, CHART_POINTS) - 1];
  if (first && first !== latest)
    sentences.push(`The chart shows figures from ${first.periodLabel} to ${latest.periodLabel}.`);
  return sentences.join(' ');
}

function trend(
  judgement: Parameters<typeof directionBadge>[0],
  current: number | null,
  comparator: PerformanceRow,
  figure: (v: number | null) => string,
): string {
  const badge = directionBadge(judgement, current, comparator.value);
  const from = `${figure(comparator.value)} in ${comparator.periodLabel}`;
  const moved = !badge.movement
    ? `It compares with ${from}`
    : badge.movement === 'unchanged'
      ? `It was unchanged from ${from}`
      : `It ${badge.movement} from ${from}`;
  return `${moved}: ${badge.text.toLowerCase()}.`;
}
