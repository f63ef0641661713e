// The open data's one table: its fields in order, with their Table Schema types and words. The CSV header, the
// JSON keys, the API's values and the Data Package's schema are all read from this list, so they cannot disagree.

/** One published figure of a public measure, as residents download it. */
export interface OpenDataRow {
  measure_code: string;
  measure_title: string;
  unit: string;
  period: string;
  period_label: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  published_at: string | null;
  revised: boolean;
}

/** Frictionless Table Schema field types used here. */
export type FieldType = 'string' | 'number' | 'integer' | 'date' | 'datetime' | 'boolean';

export interface OpenDataField {
  name: keyof OpenDataRow;
  type: FieldType;
  title: string;
  description: string;
  /** Never empty. */
  required?: boolean;
}

export const openDataFields: readonly OpenDataField[] = [
  {
    name: 'measure_code',
    type: 'string',
    title: 'Measure code',
    description: "The measure's code in the council's measure library, e.g. HOU-01.",
    required: true,
  },
  {
    name: 'measure_title',
    type: 'string',
    title: 'Measure',
    description: 'What is measured.',
    required: true,
  },
  {
    name: 'unit',
    type: 'string',
    title: 'Unit',
    description:
      'percent, count, days, gbp (pounds), rate_per_10000, rate_per_100000, number, score or weeks. Percentages are given as 0–100.',
    required: true,
  },
  {
    name: 'period',
    type: 'string',
    title: 'Period',
    description:
      'The period the figure is for: a financial year (2025-26), a quarter of one (2025-26-Q1, April to June), a month (2025-04), an academic year (AY2025-26) or a calendar year (2025).',
    required: true,
  },
  {
    name: 'period_label',
    type: 'string',
    title: 'Period in words',
    description: 'The period as the council writes it, e.g. "Q1 2025/26".',
    required: true,
  },
  {
    name: 'period_start',
    type: 'date',
    title: 'Period start',
    description: 'First day of the period.',
    required: true,
  },
  {
    name: 'period_end',
    type: 'date',
    title: 'Period end',
    description: 'Last day of the period.',
    required: true,
  },
  {
    name: 'value',
    type: 'number',
    title: 'Value',
    description:
      'The published figure, in the unit given; empty when the council published no figure for the period.',
  },
  {
    name: 'numerator',
    type: 'number',
    title: 'Numerator',
    description: 'For a rate or percentage: the count it is made from (empty when not reported).',
  },
  {
    name: 'denominator',
    type: 'number',
    title: 'Denominator',
    description: 'For a rate or percentage: the count it is a share of (empty when not reported).',
  },
  {
    name: 'target',
    type: 'number',
    title: 'Target',
    description: "The council's target for the period, in the same unit; empty when none was set.",
  },
  {
    name: 'published_at',
    type: 'datetime',
    title: 'Published at',
    description: 'When this figure was published (UTC, ISO 8601).',
  },
  {
    name: 'revised',
    type: 'boolean',
    title: 'Revised',
    description: 'true when the figure corrects one published earlier for the same period.',
    required: true,
  },
];

/** Each figure is one measure's headline for one period. */
export const openDataPrimaryKey: readonly (keyof OpenDataRow)[] = ['measure_code', 'period'];
