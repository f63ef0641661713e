// Checks a figure before it is stored: each problem names the field and says what is wrong, so a form or an
// API caller can put it right. Pure: no database, so every message can be tested by the table.
import {
  FormulaError,
  matchesFrequency,
  parseFormula,
  parsePeriod,
  PeriodError,
  unitMultiplier,
  type Frequency,
  type Period,
  type Unit,
} from '../assessment/index.ts';
import type { CalculationType } from '../db/schema.ts';
import type { FieldProblem } from '../web/errors.ts';

/** What a form or an API body may carry: numbers as typed (strings) or as JSON numbers. */
export interface ValueInput {
  value?: string | number | null;
  numerator?: string | number | null;
  denominator?: string | number | null;
  commentary?: string | null;
  version?: string | number | null;
  /** Why the figure is right despite a soft validation rule's warning. */
  explanation?: string | null;
}

export interface CheckedFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
}

const KIND_WORDS: Record<Period['kind'], string> = {
  month: 'a month',
  quarter: 'a quarter',
  financial_year: 'a financial year',
  academic_year: 'an academic year',
  calendar_year: 'a calendar year',
};

const FREQUENCY_WORDS: Record<Frequency, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annually (by financial year)',
  academic_year: 'by academic year',
};

/** Units that cannot go below zero: you cannot have fewer than no cases, days or per cent. */
const NON_NEGATIVE: ReadonlySet<Unit> = new Set([
  'percent',
  'count',
  'days',
  'weeks',
  'rate_per_10000',
  'rate_per_100000',
]);

const UNIT_WORDS: Record<Unit, string> = {
  percent: 'a percentage',
  count: 'a count',
  days: 'a number of days',
  weeks: 'a number of weeks',
  rate_per_10000: 'a rate',
  rate_per_100000: 'a rate',
  gbp: 'an amount',
  number: 'a number',
  score: 'a score',
};

const COMMENTARY_LIMIT = 5000;

/** The period for a measure, or a problem on the 'period' field. */
export function checkPeriod(
  key: string,
  measure: { code: string; frequency: Frequency },
): Period | FieldProblem {
  let period: Period;
  try {
    period = parsePeriod(key);
  } catch (error) {
    if (error instanceof PeriodError) return { field: 'period', message: `period: ${error.message}` };
    throw error;
  }
  if (!matchesFrequency(period, measure.frequency)) {
    return {
      field: 'period',
      message: `period: ${key} is ${KIND_WORDS[period.kind]} but ${measure.code} is reported ${FREQUENCY_WORDS[measure.frequency]}`,
    };
  }
  return period;
}

export function isProblem(x: unknown): x is FieldProblem {
  return typeof x === 'object' && x !== null && 'field' in x && 'message' in x;
}

/** A number as typed: blank is "not given"; commas as thousands separators are allowed (1,234.5). */
function readNumber(field: string, raw: string | number | null | undefined): number | null | FieldProblem {
  if (raw == null) return null;
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? raw : { field, message: `${field}: ${raw} is not a finite number` };
  }
  if (typeof raw !== 'string') return { field, message: `${field}: ${JSON.stringify(raw)} is not a number` };
  const text = raw.trim();
  if (text === '') return null;
  const plain = text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain))
    return { field, message: `${field}: '${text}' is not a number` };
  const n = Number(plain);
  return Number.isFinite(n) ? n : { field, message: `${field}: '${text}' is too large` };
}

interface FigureMeasure {
  code: string;
  unit: Unit;
  calculation_type: CalculationType;
  formula: string;
}

/** Why nobody types a formula measure's figure, and what to enter instead. */
export function formulaEntryRefused(measure: { code: string; formula: string }): string {
  let inputs: readonly string[] = [];
  try {
    inputs = parseFormula(measure.formula).inputs;
  } catch (error) {
    // A formula that no longer reads still says the figure is calculated; the inputs just go unnamed.
    if (!(error instanceof FormulaError)) throw error;
  }
  const enter = inputs.length > 0 ? `enter its inputs (${inputs.join(', ')})` : 'enter its inputs';
  return `value: ${measure.code} is calculated from its formula: ${enter} and its figure is worked out from them`;
}

/** Checks the figures and works out the value; ratio measures take the value from numerator ÷ denominator × unit. */
export function checkFigure(measure: FigureMeasure, input: ValueInput): CheckedFigure | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const take = (field: keyof ValueInput): number | null => {
    const n = readNumber(field, input[field] as string | number | null | undefined);
    if (isProblem(n)) {
      problems.push(n);
      return null;
    }
    return n;
  };
  const commentary = (input.commentary ?? '').trim();
  if (commentary.length > COMMENTARY_LIMIT) {
    problems.push({
      field: 'commentary',
      message: `commentary: must be ${COMMENTARY_LIMIT} characters or fewer (it has ${commentary.length})`,
    });
  }
  if (measure.calculation_type === 'formula') {
    return [{ field: 'value', message: formulaEntryRefused(measure) }];
  }
  if (measure.calculation_type === 'ratio') {
    const numerator = take('numerator');
    const denominator = take('denominator');
    if (problems.some((p) => p.field === 'numerator' || p.field === 'denominator')) return problems;
    if (numerator == null) problems.push({ field: 'numerator', message: 'numerator: enter the numerator' });
    if (denominator == null)
      problems.push({ field: 'denominator', message: 'denominator: enter the denominator' });
    if (numerator == null || denominator == null) return problems;
    if (numerator < 0)
      problems.push({
        field: 'numerator',
        message: `numerator: ${numerator} is negative; it cannot be below zero`,
      });
    if (denominator < 0)
      problems.push({
        field: 'denominator',
        message: `denominator: ${denominator} is negative; it cannot be below zero`,
      });
    if (denominator === 0)
      problems.push({
        field: 'denominator',
        message: 'denominator: must not be zero (nothing to divide by)',
      });
    if (measure.unit === 'percent' && numerator > denominator && denominator > 0) {
      problems.push({
        field: 'numerator',
        message: `numerator: ${numerator} is greater than the denominator ${denominator}; a percentage cannot be more than 100%`,
      });
    }
    if (problems.length > 0) return problems;
    const value = Math.round((numerator / denominator) * unitMultiplier(measure.unit) * 1e10) / 1e10;
    return { value, numerator, denominator, commentary };
  }
  const value = take('value');
  if (problems.some((p) => p.field === 'value')) return problems;
  if (value == null) return [...problems, { field: 'value', message: 'value: enter the figure' }];
  if (value < 0 && NON_NEGATIVE.has(measure.unit)) {
    problems.push({
      field: 'value',
      message: `value: ${value} is negative; ${UNIT_WORDS[measure.unit]} cannot be below zero`,
    });
  }
  return problems.length > 0 ? problems : { value, numerator: null, denominator: null, commentary };
}

/** The version a writer last saw: 0 (or absent) means "I saw no figure"; anything else must be a whole number. */
export function readVersion(raw: string | number | null | undefined): number | null | FieldProblem {
  if (raw == null || raw === '') return null;
  const n = typeof raw === 'number' ? raw : Number(raw.trim());
  if (!Number.isInteger(n) || n < 0)
    return { field: 'version', message: `version: '${raw}' is not a whole number` };
  return n;
}
