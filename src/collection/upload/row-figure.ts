// Checks one uploaded row's figure with the entry form's own checks (values.validation.ts), after the two
// things only a file allows: a percentage written with its sign, and the problem addressed by row and column.
import { periodEnd, periodKey, periodStart, type Period, type Unit } from '../../assessment/index.ts';
import type { CalculationType } from '../../db/schema.ts';
import type { FieldProblem } from '../../web/errors.ts';
import { checkFigure, checkPeriod, isProblem, type CheckedFigure } from '../values.validation.ts';
import { columns, type Column, type RowProblem, type UploadRow } from './rows-read.ts';

export interface RowMeasure {
  code: string;
  unit: Unit;
  frequency: Parameters<typeof checkPeriod>[1]['frequency'];
  calculation_type: CalculationType;
  formula: string;
}

/** A period that fits the measure, with the key and dates a figure is stored under. */
export interface CheckedPeriod {
  period: Period;
  key: string;
  start: string;
  end: string;
}

/** Checks a period for a measure; a long file passes one that remembers the periods it has already seen. */
export type PeriodOf = (key: string, measure: RowMeasure) => CheckedPeriod | FieldProblem;

export function periodOf(key: string, measure: RowMeasure): CheckedPeriod | FieldProblem {
  const period = checkPeriod(key, measure);
  if (isProblem(period)) return period;
  return { period, key: periodKey(period), start: periodStart(period), end: periodEnd(period) };
}

export interface CheckedRow {
  period: CheckedPeriod;
  figure: CheckedFigure;
}

export function checkRow(
  row: UploadRow,
  measure: RowMeasure,
  checkPeriodOf: PeriodOf = periodOf,
): CheckedRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const number = (column: 'value' | 'numerator' | 'denominator'): string => {
    const text = row[column];
    if (!text.endsWith('%')) return text;
    if (measure.unit === 'percent' && column === 'value') return text.slice(0, -1).trim();
    problems.push({
      row: row.row,
      column,
      message: `'${text}' is a percentage but ${measure.code} ${column === 'value' ? `is not measured in per cent` : `takes a ${column} as a number`}`,
    });
    return '';
  };
  const input = {
    value: number('value'),
    numerator: number('numerator'),
    denominator: number('denominator'),
    commentary: row.commentary,
  };
  const period = checkPeriodOf(row.period, measure);
  if (isProblem(period)) problems.push(atRow(row.row, period));
  const figure = checkFigure(measure, input);
  if (Array.isArray(figure)) {
    // A percentage refused above already explains its column; "enter the figure" on top of it would mislead.
    for (const p of figure.map((f) => atRow(row.row, f)))
      if (!problems.some((q) => q.column === p.column)) problems.push(p);
  }
  if (problems.length > 0 || isProblem(period) || Array.isArray(figure)) return problems;
  return { period, figure };
}

/** "value: 'abc' is not a number" from the shared checks becomes row 12, column value: 'abc' is not a number. */
function atRow(row: number, problem: FieldProblem): RowProblem {
  const column = columns.find((c) => c === problem.field) ?? null;
  const prefix = `${problem.field}: `;
  const message = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
  return { row, column: column satisfies Column | null, message };
}
