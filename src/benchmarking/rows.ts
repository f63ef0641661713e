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

export function readRecord(
  profile: ProfileDefinition,
  at: ColumnPositions,
  record: readonly string[],
  rowNumber: number,
): ReadOutcome {
  const cell = (i: number | null): string => (i === null ? '' : (record[i] ?? '').trim());
  // A row with nothing in the mapped columns (the LGBF's annual file ends with a line of commas after a row
  // number) is not a figure.
  const mapped = [...at.metric, at.areaCode, at.areaName, at.period, at.value, at.numerator, at.denominator];
  if (mapped.every((i) => cell(i) === '')) return { blank: true };
  const problems: FieldProblem[] = [];
  const where = (column: string) => `row ${rowNumber}, column ${column}`;
  const c = profile.columns;

  const metricParts = at.metric.map(cell);
  if (metricParts.some((part) => part === '')) {
    const column = c.metric[metricParts.findIndex((part) => part === '')] ?? c.metric[0] ?? 'metric';
    problems.push({ field: where(column), message: 'the metric is empty' });
  }

  const areaName = cell(at.areaName);
  let areaCode = '';
  if (profile.areas === 'gss') {
    const column = c.areaCode ?? 'area code';
    areaCode = cell(at.areaCode);
    if (!GSS_CODE.test(areaCode))
      problems.push({
        field: where(column),
        message:
          areaCode === ''
            ? 'the area code is empty'
            : `'${areaCode}' is not an ONS GSS code (e.g. E06000005)`,
      });
  } else {
    areaCode = scottishCouncilCode(areaName) ?? '';
    if (areaCode === '')
      problems.push({
        field: where(c.areaName),
        message:
          areaName === '' ? 'the council is empty' : `'${areaName}' is not the name of a Scottish council`,
      });
  }

  const period = normalisePeriod(cell(at.period));
  if ('reason' in period) problems.push({ field: where(c.period), message: period.reason });

  const number = (i: number | null, column: string | undefined): string | null => {
    const text = cell(i);
    if (profile.missing.includes(text) || text === '') return null;
    if (!NUMBER.test(text)) {
      problems.push({ field: where(column ?? ''), message: `'${text}' is not a number` });
      return null;
    }
    return text;
  };
  const value = number(at.value, c.value);
  const numerator = number(at.numerator, c.numerator);
  const denominator = number(at.denominator, c.denominator);

  if (problems.length > 0) return { problems };
  return {
    row: {
      metric: metricParts.join(' | '),
      areaCode,
      areaName: areaName || areaCode,
      period: 'key' in period ? period.key : '',
      value,
      numerator,
      denominator,
    },
  };
}
