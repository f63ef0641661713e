// Making Data Count SPC for one measure's page: assessSpc over the headline figures in period order, the
// variation and assurance icons as labelled badges, the one-sentence reading and the XmR chart.
import {
  assessSpc,
  formatValue,
  spcReading,
  type SpcAssurance,
  type SpcPolarity,
  type SpcResult,
  type SpcVariation,
} from '../assessment/index.ts';
import type { FrequencyColumn, PolarityColumn } from '../db/schema.ts';
import type { PerformanceMeasureRow } from './measure-performance.queries.ts';
import { labelOfPeriod, shortPeriodLabel } from './present.ts';
import { xmrChartSvg } from './xmr-chart.ts';

/** Improvement blue, concern orange, common cause or no judgement grey: always shown with words too. */
export type SpcTone = 'improvement' | 'concern' | 'common';

export interface SpcBadge {
  tone: SpcTone;
  /** A decorative mark beside the words; screen readers read the label. */
  symbol: string;
  label: string;
}

export interface MeasureSpc {
  result: SpcResult;
  reading: string;
  variationLabel: string;
  assuranceLabel: string | null;
  variation: SpcBadge;
  assurance: SpcBadge | null;
  chartSvg: string;
  chartSummary: string;
}

export type MeasureSpcOutcome = { spc: MeasureSpc; reason: null } | { spc: null; reason: string };

/** SPC looks at three years of monthly figures at most, like the chart above it. */
const SPC_POINTS = 36;
const MINIMUM_POINTS = 12;

const VARIATION: Record<SpcVariation, SpcBadge> = {
  common_cause: { tone: 'common', symbol: '●', label: 'Common cause variation' },
  improvement_high: { tone: 'improvement', symbol: '▲', label: 'Special cause improvement (high)' },
  improvement_low: { tone: 'improvement', symbol: '▼', label: 'Special cause improvement (low)' },
  concern_high: { tone: 'concern', symbol: '▲', label: 'Special cause concern (high)' },
  concern_low: { tone: 'concern', symbol: '▼', label: 'Special cause concern (low)' },
  neutral_high: {
    tone: 'common',
    symbol: '▲',
    label: 'Special cause variation (high, neither better nor worse)',
  },
  neutral_low: {
    tone: 'common',
    symbol: '▼',
    label: 'Special cause variation (low, neither better nor worse)',
  },
  not_enough_data: { tone: 'common', symbol: '○', label: 'Not enough data' },
};

const ASSURANCE: Record<SpcAssurance, SpcBadge> = {
  pass: { tone: 'improvement', symbol: 'P', label: 'Consistently passing the target' },
  fail: { tone: 'concern', symbol: 'F', label: 'Consistently failing the target' },
  inconsistent: { tone: 'common', symbol: '?', label: 'Hit and miss: the target may or may not be met' },
};

const PERIOD_WORDS: Record<FrequencyColumn, string> = {
  monthly: 'months',
  quarterly: 'quarters',
  annual: 'years',
  academic_year: 'years',
};

export function spcPolarity(polarity: PolarityColumn): SpcPolarity {
  return polarity === 'up' || polarity === 'down' ? polarity : 'neutral';
}

/**
 * `judged` is the measure's figures newest first (drafts left out). Returns why there is no SPC when fewer
 * than 12 of the periods looked at have a figure.
 */
export function measureSpc(
  measure: PerformanceMeasureRow,
  judged: readonly { period: string; value: number | null; target: number | null }[],
): MeasureSpcOutcome {
  const rows = judged.slice(0, SPC_POINTS).reverse();
  const values = rows.map((row) => row.value);
  const count = values.filter((v) => v != null).length;
  if (count < MINIMUM_POINTS) {
    return {
      spc: null,
      reason: `Not enough data for SPC: ${count} point${count === 1 ? '' : 's'} (${MINIMUM_POINTS} needed).`,
    };
  }
  const target = rows.at(-1)?.target ?? null;
  const polarity = spcPolarity(measure.polarity);
  const result = assessSpc({ values, polarity, ...(target == null ? {} : { target }) });
  const reading = spcReading(
    result,
    rows.map((row) => labelOfPeriod(row.period)),
    PERIOD_WORDS[measure.frequency],
  );
  const variation = VARIATION[result.variation];
  const assurance = result.assurance ? ASSURANCE[result.assurance] : null;
  const figure = (v: number) => formatValue(v, measure.unit, measure.decimals);
  const first = rows[0];
  const last = rows.at(-1);
  const chartSummary = [
    `${reading}`,
    `The mean is ${figure(result.mean)}; the process limits are ${figure(result.lpl)} and ${figure(result.upl)}.`,
    target == null
      ? ''
      : `The target is ${figure(target)}: ${assurance?.label.toLowerCase() ?? 'not assured'}.`,
    first && last
      ? `The chart shows ${count} figures from ${labelOfPeriod(first.period)} to ${labelOfPeriod(last.period)}.`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    reason: null,
    spc: {
      result,
      reading,
      variationLabel: variation.label,
      assuranceLabel: assurance?.label ?? null,
      variation,
      assurance,
      chartSvg: xmrChartSvg({
        title: `${measure.code} ${measure.title}: XmR chart`,
        result,
        labels: rows.map((row) => shortPeriodLabel(row.period)),
        target,
        unit: measure.unit,
        decimals: measure.decimals,
        description: chartSummary,
      }),
      chartSummary,
    },
  };
}
