// Reads an uploaded XLSX: the sheet named "values" if there is one, else the first. Numbers, percentages and
// formulas are read as the value the sheet shows (a formula's cached result), never as the formula text.
import ExcelJS from 'exceljs';
import { tooManyRows, UploadRefused } from './problems.ts';
import type { RawTable } from './table.ts';
import { checkUnzippedSize } from './zip-check.ts';

export async function readXlsx(bytes: Buffer, maxRows: number, maxUnzippedBytes: number): Promise<RawTable> {
  checkUnzippedSize(bytes, maxUnzippedBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UploadRefused(
      'The file is not a readable XLSX workbook: open it in Excel and save it as .xlsx',
    );
  }
  const sheet =
    workbook.worksheets.find((s) => s.name.trim().toLowerCase() === 'values') ?? workbook.worksheets[0];
  if (!sheet) throw new UploadRefused('The workbook has no sheets');
  if (sheet.rowCount > maxRows + 1) throw tooManyRows(maxRows);
  const width = sheet.columnCount;
  const table: RawTable = { header: [], rows: [] };
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    if (r === 1) table.header = cells;
    else table.rows.push({ row: r, cells });
  }
  return table;
}

/** A cell as the text a person would have typed: 12.5% for a percentage-formatted 0.125. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = resultOf(cell.value);
  if (value == null) return '';
  if (typeof value === 'number') {
    if (cell.numFmt?.includes('%')) return `${Number((value * 100).toPrecision(12))}%`;
    return String(value);
  }
  if (value instanceof Date) {
    // Excel turns a typed month such as 2025-10 into 1 October 2025; read it back as the month it was.
    const iso = value.toISOString().slice(0, 10);
    return iso.endsWith('-01') ? iso.slice(0, 7) : iso;
  }
  return String(value);
}

function resultOf(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value == null) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) return resultOf(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}
