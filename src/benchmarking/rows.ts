// One record of a source file read through its profile: the long-format row it stands for, or the problems with
// it, each naming the row and column. Pure, so every rule is tested by the table.
import type { FieldProblem } from '../web/errors.ts';
import { normalisePeriod } from './periods.ts';
import type { ColumnPositions, ProfileDefinition } from './profiles.ts';
import { scottishCouncilCode } from './scottish-councils.ts';

export interface LongRow {
  metric: string;
  areaCode: string;
  areaName: string;
  period: string;
  /** Numbers as the source wrote them (PostgreSQL's numeric keeps every digit); null where the source has none. */
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

export type ReadOutcome = { row: LongRow } | { problems: FieldProblem[] } | { blank: true };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GSS_CODE = /^[EWSNK]\d{8}$/;

/**
 * A reader for one profile and header: the checks that repeat across millions of rows (a period, an area code, a
 * council's name) are worked out once per distinct text and remembered.
 */
export function rowReader(
  profile: ProfileDefinition,
  at: ColumnPositions,
): (record: readonly string[], rowNumber: number) => ReadOutcome {
  const c = profile.columns;
  const missing = new Set(['', ...profile.missing]);
  const mapped = [
    ...at.metric,
    at.areaCode,
    at.areaName,
    at.period,
    at.value,
    at.numerator,
    at.denominator,
  ].filter((i): i is number => i !== null);
  const periods = new Map<string, { key: string } | { reason: string }>();
  const areas = new Map<string, { code: string } | { message: string }>();
  const areaColumn = profile.areas === 'gss' ? (c.areaCode ?? 'area code') : c.areaName;

  const areaOf = (code: string, name: string): { code: string } | { message: string } => {
    if (profile.areas === 'gss') {
      if (GSS_CODE.test(code)) return { code };
      return {
        message: code === '' ? 'the area code is empty' : `'${code}' is not an ONS GSS code (e.g. E06000005)`,
      };
    }
    const found = scottishCouncilCode(name);
    if (found) return { code: found };
    return {
      message: name === '' ? 'the council is empty' : `'${name}' is not the name of a Scottish council`,
    };
  };

  // No closure is made per row: under tsx each one costs a defineProperty call (esbuild's keepNames), which was a
  // fifth of the import's time on a national file.
  const cell = (record: readonly string[], i: number | null): string =>
    i === null ? '' : (record[i] ?? '').trim();
  const problem = (problems: FieldProblem[] | null, rowNumber: number, column: string, message: string) => {
    const list = problems ?? [];
    list.push({ field: `row ${rowNumber}, column ${column}`, message });
    return list;
  };
  /** The figure as written, null where the source has none, undefined where it is not a number. */
  const figureOf = (record: readonly string[], i: number | null): string | null | undefined => {
    const text = cell(record, i);
    if (missing.has(text)) return null;
    return NUMBER.test(text) ? text : undefined;
  };
  const notANumber = (
    problems: FieldProblem[] | null,
    rowNumber: number,
    column: string | undefined,
    record: readonly string[],
    i: number | null,
  ) => problem(problems, rowNumber, column ?? '', `'${cell(record, i)}' is not a number`);

  return (record, rowNumber) => {
    // A row with nothing in the mapped columns (the LGBF's annual file ends with a line of commas after a row
    // number) is not a figure.
    let blank = true;
    for (const i of mapped)
      if (cell(record, i) !== '') {
        blank = false;
        break;
      }
    if (blank) return { blank: true };
    let problems: FieldProblem[] | null = null;

    let metric: string;
    if (at.metric.length === 1) {
      metric = cell(record, at.metric[0] ?? null);
      if (metric === '')
        problems = problem(problems, rowNumber, c.metric[0] ?? 'metric', 'the metric is empty');
    } else {
      metric = '';
      for (const [k, i] of at.metric.entries()) {
        const part = cell(record, i);
        if (part === '')
          problems = problem(problems, rowNumber, c.metric[k] ?? 'metric', 'the metric is empty');
        metric = k === 0 ? part : `${metric} | ${part}`;
      }
    }

    const areaName = cell(record, at.areaName);
    const areaKey = profile.areas === 'gss' ? cell(record, at.areaCode) : areaName;
    let area = areas.get(areaKey);
    if (!area) areas.set(areaKey, (area = areaOf(areaKey, areaName)));
    if ('message' in area) problems = problem(problems, rowNumber, areaColumn, area.message);

    const periodText = cell(record, at.period);
    let period = periods.get(periodText);
    if (!period) periods.set(periodText, (period = normalisePeriod(periodText)));
    if ('reason' in period) problems = problem(problems, rowNumber, c.period, period.reason);

    const value = figureOf(record, at.value);
    const numerator = figureOf(record, at.numerator);
    const denominator = figureOf(record, at.denominator);
    if (value === undefined) problems = notANumber(problems, rowNumber, c.value, record, at.value);
    if (numerator === undefined)
      problems = notANumber(problems, rowNumber, c.numerator, record, at.numerator);
    if (denominator === undefined)
      problems = notANumber(problems, rowNumber, c.denominator, record, at.denominator);

    if (problems) return { problems };
    return {
      row: {
        metric,
        areaCode: 'code' in area ? area.code : '',
        areaName: areaName || ('code' in area ? area.code : ''),
        period: 'key' in period ? period.key : '',
        value: value ?? null,
        numerator: numerator ?? null,
        denominator: denominator ?? null,
      },
    };
  };
}

/** One record read on its own (the importer keeps one rowReader for the whole file). */
export function readRecord(
  profile: ProfileDefinition,
  at: ColumnPositions,
  record: readonly string[],
  rowNumber: number,
): ReadOutcome {
  return rowReader(profile, at)(record, rowNumber);
}
