// The measure library's vocabulary: every enum a measure field takes, and the words people read for each value.
import type {
  AccumulationColumn,
  CalculationType,
  FrequencyColumn,
  MeasureStatus,
  PolarityColumn,
  Unit,
} from '../db/schema.ts';

export const units = [
  'percent',
  'count',
  'days',
  'gbp',
  'rate_per_10000',
  'rate_per_100000',
  'number',
  'score',
  'weeks',
] as const;
export const polarities = ['up', 'down', 'range', 'none'] as const;
export const frequencies = ['monthly', 'quarterly', 'annual', 'academic_year'] as const;
export const accumulations = ['discrete', 'year_to_date', 'snapshot'] as const;
export const calculationTypes = ['value', 'ratio', 'formula'] as const;
export const statuses = ['draft', 'active', 'retired'] as const;
export const tags = ['statutory', 'public', 'benchmarkable', 'regulatory', 'corporate'] as const;
export type Tag = (typeof tags)[number];

export const unitLabels: Record<Unit, string> = {
  percent: 'Percentage (%)',
  count: 'Count',
  days: 'Days',
  gbp: 'Pounds (£)',
  rate_per_10000: 'Rate per 10,000',
  rate_per_100000: 'Rate per 100,000',
  number: 'Number',
  score: 'Score',
  weeks: 'Weeks',
};

export const polarityLabels: Record<PolarityColumn, string> = {
  up: 'Higher is better',
  down: 'Lower is better',
  range: 'Within a range is best',
  none: 'None (demand or context measure)',
};

export const frequencyLabels: Record<FrequencyColumn, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual (financial year)',
  academic_year: 'Academic year (September to August)',
};

export const accumulationLabels: Record<AccumulationColumn, string> = {
  discrete: "Discrete: each period's own figure",
  year_to_date: 'Year to date: cumulative since April',
  snapshot: 'Snapshot: the position at the end of the period',
};

export const calculationTypeLabels: Record<CalculationType, string> = {
  value: 'A single figure',
  ratio: 'A ratio of a numerator to a denominator',
  formula: 'A formula over other measures',
};

export const statusLabels: Record<MeasureStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  retired: 'Retired',
};

export const tagLabels: Record<Tag, string> = {
  statutory: 'Statutory',
  public: 'Public',
  benchmarkable: 'Benchmarkable',
  regulatory: 'Regulatory',
  corporate: 'Corporate',
};

/** Everything a template needs to print a measure's fields in words. */
export const labels = {
  unit: unitLabels,
  polarity: polarityLabels,
  frequency: frequencyLabels,
  accumulation: accumulationLabels,
  calculationType: calculationTypeLabels,
  status: statusLabels,
  tag: tagLabels,
};
