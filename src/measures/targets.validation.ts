// Checks a target against its measure: the period must be one the measure reports, the figures must suit its
// polarity (a value, or low and high for a range) and a tolerance must be a non-negative amount or percentage.
import {
  matchesFrequency,
  parsePeriod,
  PeriodError,
  periodContaining,
  periodKey,
  periodKindForFrequency,
  type Period,
} from '../assessment/index.ts';
import type { FrequencyColumn, PolarityColumn } from '../db/schema.ts';
import { type FieldProblem, ValidationError } from '../web/errors.ts';

export interface TargetInput {
  value?: number | null;
  low?: number | null;
  high?: number | null;
  toleranceKind?: 'absolute' | 'percent' | null;
  tolerance?: number | null;
}

export interface CheckedTarget {
  value: number | null;
  low: number | null;
  high: number | null;
  toleranceKind: 'absolute' | 'percent' | null;
  tolerance: number | null;
}

interface TargetedMeasure {
  code: string;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
}

export const NO_POLARITY =
  'Targets cannot be set for a measure with no polarity (a demand or context measure)';

const kindWords: Record<Period['kind'], string> = {
  month: 'a month',
  quarter: 'a quarter',
  financial_year: 'a financial year',
  academic_year: 'an academic year',
  calendar_year: 'a calendar year',
};

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The period key a person should type for this frequency, e.g. 2025-04 for monthly. */
export function examplePeriodKey(frequency: FrequencyColumn): string {
  return periodKey(periodContaining(periodKindForFrequency(frequency), todayIso()));
}

/** The period, or a problem naming `field` that says what is wrong with it. */
export function checkPeriod(measure: TargetedMeasure, key: string, field = 'period'): Period | FieldProblem {
  if (!key.trim())
    return { field, message: `Period: enter a period, for example ${examplePeriodKey(measure.frequency)}` };
  let period: Period;
  try {
    period = parsePeriod(key);
  } catch (error) {
    if (error instanceof PeriodError) return { field, message: `Period: ${error.message}` };
    throw error;
  }
  if (!matchesFrequency(period, measure.frequency)) {
    const wanted = kindWords[periodKindForFrequency(measure.frequency)];
    return {
      field,
      message: `Period: ${key} is ${kindWords[period.kind]} but ${measure.code} is reported ${measure.frequency.replace('_', ' ')}; enter ${wanted} such as ${examplePeriodKey(measure.frequency)}`,
    };
  }
  return period;
}

export function periodOrThrow(measure: TargetedMeasure, key: string): Period {
  const result = checkPeriod(measure, key);
  if ('field' in result) throw new ValidationError(result.message, [result]);
  return result;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The figures of a target, with every problem named by its field. */
export function validateTarget(
  measure: TargetedMeasure,
  input: TargetInput,
): { target: CheckedTarget; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const target: CheckedTarget = {
    value: null,
    low: null,
    high: null,
    toleranceKind: input.toleranceKind ?? null,
    tolerance: input.tolerance ?? null,
  };
  if (measure.polarity === 'none') {
    problem('value', NO_POLARITY);
    return { target, problems };
  }
  if (measure.polarity === 'range') {
    for (const field of ['low', 'high'] as const) {
      const v = input[field];
      const label = field === 'low' ? 'Lowest acceptable' : 'Highest acceptable';
      if (v == null) problem(field, `${label}: enter a number; a range measure's target is a range`);
      else if (!isNumber(v)) problem(field, `${label} must be a number, for example 12.5`);
      else target[field] = v;
    }
    if (target.low != null && target.high != null && target.low > target.high) {
      problem('high', 'Highest acceptable must be the same as or more than lowest acceptable');
    }
  } else if (input.value == null) problem('value', 'Target: enter a number');
  else if (!isNumber(input.value)) problem('value', 'Target must be a number, for example 85.5');
  else target.value = input.value;

  if (
    target.toleranceKind != null &&
    target.toleranceKind !== 'absolute' &&
    target.toleranceKind !== 'percent'
  ) {
    problem('toleranceKind', 'Tolerance: choose an amount or a percentage of the target');
  } else if (target.toleranceKind && target.tolerance == null) {
    problem('tolerance', 'Tolerance: enter the amount, or choose no tolerance');
  } else if (!target.toleranceKind && target.tolerance != null) {
    problem('toleranceKind', 'Tolerance: choose whether it is an amount or a percentage of the target');
  } else if (target.tolerance != null && (!isNumber(target.tolerance) || target.tolerance < 0)) {
    problem('tolerance', 'Tolerance must be a number, 0 or more');
  }
  return { target, problems };
}
