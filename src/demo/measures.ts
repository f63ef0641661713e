// The demo measure library: what each of Anytown's ~80 measures is, and a small model of how its figures
// behave (level, trend, noise, seasons, step changes, target). The measures themselves live in measures-*.ts.
import type { ExternalRef, Unit } from '../db/schema.ts';
import type { Tag } from '../measures/measures.labels.ts';
import { adultsMeasures } from './measures-adults.ts';
import { childrenMeasures } from './measures-children.ts';
import { corporateMeasures } from './measures-corporate.ts';
import { governanceMeasures } from './measures-governance.ts';
import { housingMeasures } from './measures-housing.ts';
import { placeMeasures } from './measures-place.ts';
import { tenantSatisfactionMeasures } from './measures-tsm.ts';

export interface MeasureShape {
  unit: Unit;
  /** Decimal places the figure is published to. */
  dp: number;
  polarity: 'up' | 'down' | 'range' | 'none';
  freq: 'monthly' | 'quarterly' | 'annual' | 'academic_year';
  acc: 'discrete' | 'year_to_date' | 'snapshot';
}

export interface MeasureLinks {
  /** Lead service code; it is always one of the measure's services too. */
  lead: string;
  /** Other services that contribute. */
  also?: string[];
  outcomes: string[];
  tags: Tag[];
}

/** How a measure's figures behave over the five years of history. All levels are in the measure's units. */
export interface SeriesModel {
  /** Underlying level at the first period of history (for a profiled year-to-date measure: the year-end level). */
  start: number;
  /** Underlying level at the latest period; the level moves in a straight line between the two. */
  end: number;
  /** Standard deviation of period-to-period noise (autocorrelated, so runs and shifts appear). */
  noise: number;
  /** Added at the winter peak (January), tapering to its opposite in July; negative for a winter dip. */
  winter?: number;
  /** Fraction lost in school holidays: all of it in August, half in April and December. */
  holidays?: number;
  /** Step changes: from this month ('YYYY-MM') on, the level moves by this much. */
  steps?: [string, number][];
  /** Ratio measures: typical denominator per period (per year for a profiled year-to-date measure). */
  per?: number;
  /** Yearly growth of the denominator, as a fraction (0.05 is 5% a year). */
  growth?: number;
  /** Current target, or [target in the first year of history, target now], stepped by financial year. */
  target?: number | [number, number];
  /** Range measures: the acceptable band. */
  range?: [number, number];
  /** Tolerance giving amber: absolute in the measure's units, or a percentage of the target ('10%'). */
  tol?: number | `${number}%`;
  /** Year-to-date measures: fraction of the year-end level reached by each month (12) or quarter (4) from April. */
  profile?: number[];
  /** First period with data, for measures introduced part-way through the history. */
  from?: string;
  /** Provider codes with their own figures, stored as breakdowns 'provider:CODE'. */
  breakdowns?: string[];
  /** Sentences a service manager might write about this measure, used in commentary. */
  notes?: Note[];
  /** Lowest and highest plausible underlying level (after units' own limits). */
  min?: number;
  max?: number;
}

/** A commentary sentence, optionally only for some calendar months or from a month ('YYYY-MM') on. */
export type Note = string | { text: string; months?: number[]; from?: string };

export interface MeasureDef {
  code: string;
  title: string;
  definition: string;
  calculation: string;
  /** Ratio measures: [numerator label, denominator label]; the value is numerator / denominator × multiplier. */
  ratio?: [string, string];
  /** Formula measures (measures-formula.ts): what the figures are calculated from; `model` gives only the target. */
  formula?: string;
  shape: MeasureShape;
  links: MeasureLinks;
  refs?: ExternalRef[];
  source: string;
  /** What people entering the figures get wrong: shown beside the entry form. */
  mistakes?: string;
  /** Defaults to active. A draft measure has no figures yet; a retired one has an effective_to. */
  status?: 'draft' | 'retired';
  effectiveTo?: string;
  model: SeriesModel;
}

export const demoMeasures: MeasureDef[] = [
  ...adultsMeasures,
  ...childrenMeasures,
  ...placeMeasures,
  ...housingMeasures,
  ...tenantSatisfactionMeasures,
  ...corporateMeasures,
  ...governanceMeasures,
];
