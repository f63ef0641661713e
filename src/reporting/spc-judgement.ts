// A measure's SPC verdict from its window of figures and its settings: the Making Data Count variation and
// assurance icons as labelled badges and the one-sentence reading. The scorecard and the measure page share it.
import {
  assessSpc,
  MINIMUM_POINTS,
  parsePeriod,
  periodStart,
  spcReading,
  type SpcAssurance,
  type SpcPolarity,
  type SpcResult,
  type SpcVariation,
} from '../assessment/index.ts';
import type { FrequencyColumn, PolarityColumn, SpcRecalculation } from '../db/schema.ts';
import { labelOfPeriod } from './present.ts';
import {
  noSettings,
  spcSeries,
  type SeriesFigure,
  type SeriesSettings,
  type SpcSeries,
} from './spc-series.ts';

/** Improvement blue, concern orange, common cause or no judgement grey: always shown with words too. */
export type SpcTone = 'improvement' | 'concern' | 'common';

export interface SpcBadge {
  tone: SpcTone;
  /** A decorative mark beside the words; screen readers read the label. */
  symbol: string;
  label: string;
}

export interface SpcJudgement {
  variation: SpcVariation;
  assurance: SpcAssurance | null;
  provisional: boolean;
  /** How many figures were assessed. */
  points: number;
  reading: string;
}

export const VARIATION_BADGES: Record<SpcVariation, SpcBadge> = {
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

export const ASSURANCE_BADGES: Record<SpcAssurance, SpcBadge> = {
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

/** The settings as stored (period keys and the baseline's first day) in the form spcSeries reads. */
export function seriesSettings(row: {
  baseline_start: string | null;
  baseline_to: string | null;
  baseline_reason: string | null;
  recalculations: SpcRecalculation[] | null;
}): SeriesSettings {
  if (row.baseline_start == null && !row.recalculations?.length) return noSettings;
  return {
    baselineStart: row.baseline_start,
    baselineTo: row.baseline_to,
    baselineToStart: row.baseline_to ? periodStart(parsePeriod(row.baseline_to)) : null,
    baselineReason: row.baseline_reason ?? '',
    recalculations: row.recalculations ?? [],
  };
}

export interface AssessedSeries {
  series: SpcSeries;
  /** null when fewer than 12 of the figures have a value. */
  result: SpcResult | null;
  judgement: SpcJudgement;
}

/** `newestFirst` is the judged headline figures; `target` is the target of the newest one's period. */
export function assessMeasureSpc(
  measure: { polarity: PolarityColumn; frequency: FrequencyColumn },
  newestFirst: readonly SeriesFigure[],
  settings: SeriesSettings,
  target: number | null,
): AssessedSeries {
  const series = spcSeries(newestFirst, settings);
  const count = series.request.values.filter((v) => v != null).length;
  if (count < MINIMUM_POINTS) {
    return {
      series,
      result: null,
      judgement: {
        variation: 'not_enough_data',
        assurance: null,
        provisional: false,
        points: count,
        reading: `Not enough data for SPC: ${count} point${count === 1 ? '' : 's'} (${MINIMUM_POINTS} needed).`,
      },
    };
  }
  const result = assessSpc({
    ...series.request,
    polarity: spcPolarity(measure.polarity),
    ...(target == null ? {} : { target }),
  });
  const reading = spcReading(
    result,
    (index) => labelOfPeriod(series.figures[index]?.period ?? null),
    PERIOD_WORDS[measure.frequency],
  );
  return {
    series,
    result,
    judgement: {
      variation: result.variation,
      assurance: result.assurance,
      provisional: result.provisional,
      points: result.points.length,
      reading,
    },
  };
}
