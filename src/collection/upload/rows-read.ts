// Gives a raw table's columns their meaning: the header names matched case-insensitively, unknown columns
// reported, empty rows skipped, and a figure given twice in one file refused naming both rows. Pure.
import { UploadRefused } from './problems.ts';
import type { RawRow, RawTable } from './table.ts';

export const columns = [
  'measure_code',
  'period',
  'value',
  'numerator',
  'denominator',
  'breakdown',
  'commentary',
] as const;
export type Column = (typeof columns)[number];

export type UploadRow = { row: number } & Record<Column, string>;

/** A problem on one row, addressed as a person finds it: "row 12, column value: …". */
export interface RowProblem {
  row: number;
  column: Column | null;
  message: string;
}

export interface ReadRows {
  rows: UploadRow[];
  unknownColumns: string[];
  problems: RowProblem[];
}

export function describeProblem(p: RowProblem): string {
  return p.column ? `row ${p.row}, column ${p.column}: ${p.message}` : `row ${p.row}: ${p.message}`;
}

export function readRows(table: RawTable): ReadRows {
  const reader = rowsReader(table.header);
  for (const raw of table.rows) reader.add(raw);
  return reader.done();
}

/** Takes a table's rows one at a time, so a long CSV's parsed records can be let go as each is read. */
export interface RowsReader {
  add(raw: RawRow): void;
  done(): ReadRows;
}

/** A reader for a table with this header; a header it cannot read is refused here, before any row. */
export function rowsReader(header: readonly string[]): RowsReader {
  const positions = new Map<Column, number>();
  const unknownColumns: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    const column = columns.find((c) => c === name);
    if (!column) {
      unknownColumns.push(raw.trim());
      return;
    }
    const earlier = positions.get(column);
    if (earlier !== undefined) {
      throw new UploadRefused(
        `The header names the column ${column} twice (columns ${letter(earlier)} and ${letter(i)}); keep one`,
      );
    }
    positions.set(column, i);
  });
  for (const required of ['measure_code', 'period'] as const) {
    if (!positions.has(required)) throw missingColumn(required);
  }
  if (!positions.has('value') && !(positions.has('numerator') && positions.has('denominator'))) {
    throw missingColumn('value');
  }

  const rows: UploadRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const add = (raw: RawRow): void => {
    if (raw.cells.every((c) => c.trim() === '')) return;
    const cell = (c: Column) => {
      const at = positions.get(c);
      return at === undefined ? '' : (raw.cells[at] ?? '').trim();
    };
    const row: UploadRow = {
      row: raw.row,
      measure_code: cell('measure_code').toUpperCase(),
      period: cell('period'),
      value: cell('value'),
      numerator: cell('numerator'),
      denominator: cell('denominator'),
      breakdown: cell('breakdown'),
      commentary: cell('commentary'),
    };
    rows.push(row);
    if (row.measure_code === '') {
      problems.push({ row: row.row, column: 'measure_code', message: 'enter the measure code' });
      return;
    }
    const key = JSON.stringify([row.measure_code, row.period, row.breakdown]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.row);
      return;
    }
    const breakdown = row.breakdown ? ` (breakdown ${row.breakdown})` : '';
    problems.push({
      row: row.row,
      column: null,
      message: `${row.measure_code} ${row.period}${breakdown} is given twice, on rows ${first} and ${row.row}; keep one`,
    });
  };
  return { add, done: () => ({ rows, unknownColumns, problems }) };
}

function missingColumn(column: Column): UploadRefused {
  return new UploadRefused(
    `The header has no ${column} column: it needs measure_code, period and value (or numerator and denominator)`,
  );
}

/** A spreadsheet's column letter for a zero-based index: 0 → A, 26 → AA. */
function letter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    text = String.fromCharCode(65 + r) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}
