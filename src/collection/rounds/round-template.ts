// A round's upload template, as CSV or XLSX: one row per figure due (a headline, or a provider's own), in the
// upload's own columns, starting from any figure already entered, so an owner fills it in and uploads it back.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutralised } from '../../web/spreadsheet-text.ts';
import { columns } from '../upload/rows-read.ts';
import type { ChaseRow } from './rounds.queries.ts';

export const STATE_WORDS: Record<ChaseRow['state'], string> = {
  not_started: 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  late: 'Late',
};

/** One figure of the template: a chase-list row, or a row of someone's return with its breakdown. */
export type TemplateRow = Pick<
  ChaseRow,
  'code' | 'title' | 'period' | 'value' | 'numerator' | 'denominator' | 'commentary' | 'state' | 'owner_name'
> & { breakdown?: string };

function rowOf(item: TemplateRow): string[] {
  return [
    item.code,
    item.period,
    item.value ?? '',
    item.numerator ?? '',
    item.denominator ?? '',
    item.breakdown ?? '',
    neutralised(item.commentary ?? ''),
  ];
}

export function csvTemplate(items: readonly TemplateRow[]): string {
  return stringify([[...columns], ...items.map(rowOf)]);
}

/** Sheet `values` is what an upload reads; sheet `guidance` names each measure and its state, for the person. */
export async function xlsxTemplate(items: readonly TemplateRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const values = book.addWorksheet('values');
  values.addRow([...columns]);
  for (const item of items) {
    const row = rowOf(item);
    values.addRow(row.map((cell, i) => (i >= 2 && i <= 4 && cell !== '' ? Number(cell) : cell)));
  }
  values.getRow(1).font = { bold: true };
  values.columns.forEach((column) => {
    column.width = 16;
  });
  const guidance = book.addWorksheet('guidance');
  guidance.addRow(['measure_code', 'title', 'period', 'breakdown', 'state', 'owner']);
  for (const item of items)
    guidance.addRow([
      item.code,
      neutralised(item.title),
      item.period,
      item.breakdown ?? '',
      STATE_WORDS[item.state],
      neutralised(item.owner_name ?? ''),
    ]);
  guidance.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
