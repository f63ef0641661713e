// The report's figures as CSV: the same rows and columns as the workbook's "Measures" sheet, UTF-8 with a byte
// order mark so Excel reads £ and ŵ right, and text neutralised against formulas.
import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from '../report-model.ts';
import { MEASURE_COLUMNS, measureRows } from './measure-rows.ts';

export function reportCsv(model: ReportModel): string {
  return stringify([[...MEASURE_COLUMNS], ...measureRows(model).map((row) => row.cells)], {
    bom: true,
    record_delimiter: 'windows',
  });
}
