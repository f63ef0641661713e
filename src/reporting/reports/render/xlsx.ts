// The report's figures as an Excel workbook: "Measures", one row per measure and period with real numbers in the
// measure's own format, a frozen header and a filter; and "Report", what the report is and its changes.
import ExcelJS from 'exceljs';
import type { Unit } from '../../../assessment/index.ts';
import { formatDate } from '../../../web/filters.ts';
import { neutralised } from '../../../web/spreadsheet-text.ts';
import { measuresOf, type ReportModel } from '../report-model.ts';
import { FIGURE_COLUMNS, MEASURE_COLUMNS, measureRows } from './measure-rows.ts';
import { NO_MEASURES } from './paper.ts';

const WIDTHS = [10, 40, 24, 28, 10, 14, 10, 10, 10, 16, 16, 26, 30, 30, 14, 50];

export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = model.council;
  book.title = model.set.title;
  book.created = new Date(model.generatedAt);
  measuresSheet(book, model);
  reportSheet(book, model);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function measuresSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = book.addWorksheet('Measures', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...MEASURE_COLUMNS]).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MEASURE_COLUMNS.length } };
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const row of measureRows(model)) {
    const added = sheet.addRow(row.cells);
    const format = numberFormat(row.unit, row.decimals);
    for (const i of FIGURE_COLUMNS) added.getCell(i + 1).numFmt = format;
  }
}

/** Excel's number format for a unit: the figure stays a number, the unit is only how it is shown. */
export function numberFormat(unit: Unit, decimals: number): string {
  const figure = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  switch (unit) {
    case 'percent':
      return `${figure}"%"`;
    case 'gbp':
      return `"£"${figure}`;
    case 'days':
      return `${figure}" days"`;
    case 'weeks':
      return `${figure}" weeks"`;
    default:
      return figure;
  }
}

function reportSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = book.addWorksheet('Report');
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 40;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(5).width = 24;
  const fact = (label: string, value: string) => {
    const row = sheet.addRow([label, neutralised(value)]);
    row.getCell(1).font = { bold: true };
  };
  fact('Council', model.council);
  fact('Report', model.set.title);
  fact('Report to', model.set.audienceLabel);
  fact('Period', model.period.label);
  if (model.publishedAt) fact('Published', formatDate(model.publishedAt));
  else fact('Generated', `${formatDate(model.generatedAt)} (a draft: not yet published)`);
  if (model.signOff) {
    const { statusLabel, by, at } = model.signOff;
    fact(
      'Sign-off of the measures',
      [statusLabel, by ? `by ${by}` : '', at ? `on ${formatDate(at)}` : ''].filter(Boolean).join(' '),
    );
  }
  fact('Summary', model.summary);
  if (measuresOf(model).length === 0) fact('Measures', NO_MEASURES);
  sheet.addRow([]);
  sheet.addRow(['Changes to the measures since the last report']).font = { bold: true };
  if (model.changes.length === 0) {
    sheet.addRow(['There were no changes to the measures since the last report.']);
    return;
  }
  sheet.addRow(['Date', 'Change', 'Measure', 'Reason', 'Decided by']).font = { bold: true };
  for (const c of model.changes) {
    sheet.addRow([
      formatDate(c.date),
      neutralised(c.changeLabel),
      neutralised(`${c.measureCode} ${c.measureTitle}`),
      neutralised(c.reason),
      neutralised(c.decidedBy),
    ]);
  }
}
