// Making Data Count SPC for one measure's page: the shared judgement over its window of figures, the variation
// and assurance badges, the reading, and the XmR chart with its phase breaks and text alternative.
import { formatValue, type SpcResult } from '../assessment/index.ts';
import type { PerformanceMeasureRow } from './measure-performance.queries.ts';
import { labelOfPeriod, shortPeriodLabel } from './present.ts';
import {
  ASSURANCE_BADGES,
  assessMeasureSpc,
  VARIATION_BADGES,
  type SpcBadge,
  type SpcJudgement,
} from './spc-judgement.ts';
import type { SeriesFigure, SeriesSettings, SpcSeries } from './spc-series.ts';
import type { XmrChartInput } from './xmr-chart.ts';

export type { SpcBadge, SpcTone } from './spc-judgement.ts';

export interface MeasureSpc {
  result: SpcResult;
  judgement: SpcJudgement;
  reading: string;
  variationLabel: string;
  assuranceLabel: string | null;
  variation: SpcBadge;
  assurance: SpcBadge | null;
  /** Where limits were fixed or recalculated, in words, for the page beside the chart. */
  notes: string[];
  /** What the XmR chart shows; drawn by the caller (xmrChartSvg), where it is drawn (a page, report threads). */
  chart: XmrChartInput;
  chartSummary: string;
  /** The periods charted, oldest first. */
  periods: string[];
}

export type MeasureSpcOutcome = { spc: MeasureSpc; reason: null } | { spc: null; reason: string };

/** `judged` is the measure's figures newest first (drafts left out), each with its period's target. */
export function measureSpc(
  measure: PerformanceMeasureRow,
  judged: readonly (SeriesFigure & { target: number | null })[],
  settings: SeriesSettings,
): MeasureSpcOutcome {
  const target = judged[0]?.target ?? null;
  const { series, result, judgement } = assessMeasureSpc(measure, judged, settings, target);
  if (!result) return { spc: null, reason: judgement.reading };
  const variation = VARIATION_BADGES[result.variation];
  const assurance = result.assurance ? ASSURANCE_BADGES[result.assurance] : null;
  const figure = (v: number) => formatValue(v, measure.unit, measure.decimals);
  const notes = settingsNotes(series);
  const first = series.figures[0];
  const last = series.figures.at(-1);
  const chartSummary = [
    judgement.reading,
    `The mean is ${figure(result.mean)}; the process limits are ${figure(result.lpl)} and ${figure(result.upl)}.`,
    target == null
      ? ''
      : `The target is ${figure(target)}: ${assurance?.label.toLowerCase() ?? 'not assured'}.`,
    ...notes,
    first && last
      ? `The chart shows ${judgement.points} figures from ${labelOfPeriod(first.period)} to ${labelOfPeriod(last.period)}.`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    reason: null,
    spc: {
      result,
      judgement,
      reading: judgement.reading,
      variationLabel: variation.label,
      assuranceLabel: assurance?.label ?? null,
      variation,
      assurance,
      notes,
      chart: {
        title: `${measure.code} ${measure.title}: XmR chart`,
        result,
        labels: series.figures.map((f) => shortPeriodLabel(f.period)),
        target,
        unit: measure.unit,
        decimals: measure.decimals,
        description: chartSummary,
        breaks: series.breaks.map((b) => ({ index: b.index, label: b.reason })),
      },
      chartSummary,
      periods: series.figures.map((f) => f.period),
    },
  };
}

function settingsNotes(series: SpcSeries): string[] {
  const notes: string[] = [];
  if (series.baseline)
    notes.push(
      `The limits are fixed from a baseline of ${series.baseline.points} figures to ${labelOfPeriod(series.baseline.to)} (${series.baseline.reason}).`,
    );
  for (const b of series.breaks)
    notes.push(`The limits are recalculated from ${labelOfPeriod(b.period)} (${b.reason}).`);
  return notes;
}
