// Proves the CSV holds the same rows and columns as the workbook's Measures sheet, starts with a byte order mark
// so Excel reads it as UTF-8, and keeps text that starts like a formula as text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ReportModel } from '../report-model.ts';
import { aReportModel } from '../report-model.fixtures.ts';
import { reportCsv } from './csv.ts';
import { aModelWithFormulaText } from './render.fixtures.ts';
import { reportXlsx } from './xlsx.ts';

function csvRows(model: ReportModel): string[][] {
  return parse(reportCsv(model), { bom: true, relax_column_count: false });
}

async function measuresSheetRows(model: ReportModel): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await reportXlsx(model)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Measures');
  assert.ok(sheet);
  const rows: string[][] = [];
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: width }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

describe('the CSV of a report', () => {
  test('starts with a UTF-8 byte order mark and ends rows with CRLF', () => {
    const csv = reportCsv(aReportModel());
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.ok(csv.includes('\r\n'));
  });

  test("has the same rows and columns as the workbook's Measures sheet", async () => {
    for (const model of [aReportModel(), aModelWithFormulaText()]) {
      assert.deepEqual(csvRows(model), await measuresSheetRows(model));
    }
  });

  test('keeps text that starts like a formula as text with a leading apostrophe', () => {
    const [header, ...rows] = csvRows(aModelWithFormulaText());
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const reported = rows.find((r) => r[0] === 'HOU-05' && r[column('Period')] === '2026-09');
    assert.ok(reported);
    assert.equal(reported[column('Commentary')], "'=SUM(A1)*10");
    assert.equal(reported[column('Measure')], "'+44 repairs line");
    assert.equal(reported[column('Service')], "'@Housing");
    assert.equal(reported[column('Value')], '64.2', 'a figure is written as a plain number');
  });
});
