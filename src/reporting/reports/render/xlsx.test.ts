// Proves the workbook reads back as figures people can filter and sum: one row per measure and period, numbers
// stored as numbers in the unit's format, judgements on the reported period's row, a frozen filtered header,
// and text that starts like a formula kept as text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { aReportModel } from '../report-model.fixtures.ts';
import { measuresOf } from '../report-model.ts';
import { MEASURE_COLUMNS } from './measure-rows.ts';
import { aModelWithFormulaText } from './render.fixtures.ts';
import { reportXlsx } from './xlsx.ts';

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  assert.ok(found, `the workbook has a "${name}" sheet`);
  return found;
}

/** The data rows of the Measures sheet, each keyed by its column heading. */
function rowsOf(measures: ExcelJS.Worksheet): Map<string, ExcelJS.Cell>[] {
  const rows: Map<string, ExcelJS.Cell>[] = [];
  measures.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(new Map(MEASURE_COLUMNS.map((heading, i) => [heading, row.getCell(i + 1)])));
  });
  return rows;
}

function rowFor(rows: Map<string, ExcelJS.Cell>[], code: string, period: string): Map<string, ExcelJS.Cell> {
  const found = rows.find((r) => r.get('Code')?.value === code && r.get('Period')?.value === period);
  assert.ok(found, `a row for ${code} in ${period}`);
  return found;
}

describe('the Excel workbook of a report', () => {
  test('has one row per measure and period charted, under a frozen, filtered header', async () => {
    const model = aReportModel();
    const measures = sheet(await workbook(await reportXlsx(model)), 'Measures');
    const expected = measuresOf(model).reduce((sum, m) => sum + m.history.length, 0);
    assert.equal(rowsOf(measures).length, expected);
    assert.deepEqual((measures.getRow(1).values as unknown[]).slice(1), [...MEASURE_COLUMNS]);
    assert.equal(measures.views[0]?.state, 'frozen');
    assert.equal((measures.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 1);
    assert.ok(measures.autoFilter, 'the header row has a filter');
  });

  test("stores figures as numbers in the measure's format, the judgements on the reported period's row and a revision on its period's", async () => {
    const rows = rowsOf(sheet(await workbook(await reportXlsx(aReportModel())), 'Measures'));
    const reported = rowFor(rows, 'HOU-05', '2026-09');
    assert.equal(reported.get('Value')?.value, 64.2);
    assert.equal(reported.get('Value')?.numFmt, '#,##0.0"%"');
    assert.equal(reported.get('Target')?.value, 75);
    assert.equal(reported.get('RAG')?.value, 'Off target');
    assert.equal(reported.get('Direction of travel')?.value, 'Worsening');
    assert.equal(reported.get('SPC variation')?.value, 'Special cause concern (low)');
    assert.equal(reported.get('SPC assurance')?.value, 'Consistently failing the target');
    assert.equal(
      reported.get('Exception reasons')?.value,
      'Off target; Worsening; Special cause concern; Consistently failing the target',
    );
    const earlier = rowFor(rows, 'HOU-05', '2026-08');
    assert.equal(earlier.get('Value')?.value, 66);
    assert.equal(earlier.get('RAG')?.value, null, 'an earlier period carries no judgement');
    assert.equal(earlier.get('Commentary')?.value, null);

    const latest = rowFor(rows, 'HOU-12', '2026-09');
    assert.equal(latest.get('Value')?.value, 241);
    assert.equal(latest.get('Value')?.numFmt, '#,##0');
    assert.equal(latest.get('Figure in the last report (revised)')?.value, null);
    const revised = rowFor(rows, 'HOU-12', '2026-06');
    assert.equal(revised.get('Value')?.value, 231, "June's figure as it stands now");
    assert.equal(
      revised.get('Figure in the last report (revised)')?.value,
      229,
      'and as the last report showed it',
    );
    assert.equal(revised.get('Figure in the last report (revised)')?.numFmt, '#,##0');
  });

  test('keeps text that starts like a formula as text, with a leading apostrophe, and leaves other text alone', async () => {
    const rows = rowsOf(sheet(await workbook(await reportXlsx(aModelWithFormulaText())), 'Measures'));
    const reported = rowFor(rows, 'HOU-05', '2026-09');
    const commentary = reported.get('Commentary');
    assert.equal(commentary?.value, "'=SUM(A1)*10");
    assert.equal(commentary?.type, ExcelJS.ValueType.String, 'stored as text, never as a formula');
    assert.equal(reported.get('Measure')?.value, "'+44 repairs line");
    assert.equal(reported.get('Service')?.value, "'@Housing");
    assert.equal(reported.get('Exception reasons')?.value, "'-1 below target; \t=cmd");

    const plain = rowFor(
      rowsOf(sheet(await workbook(await reportXlsx(aReportModel())), 'Measures')),
      'HOU-05',
      '2026-09',
    );
    assert.equal(
      plain.get('Commentary')?.value,
      'Contractor backlog after the storms; recovery plan agreed with =SUM(A1) the contractor.',
    );
    assert.equal(plain.get('Commentary')?.type, ExcelJS.ValueType.String);
  });

  test('keeps a row for a measure with no figure for the period reported, so it is never dropped', async () => {
    const model = aReportModel();
    const [first] = model.groups;
    const [measure] = first?.measures ?? [];
    assert.ok(first && measure);
    const noData = {
      ...measure,
      code: 'HOU-99',
      history: [],
      period: null,
      periodLabel: '',
      value: null,
      display: 'No data',
      rag: 'no_data' as const,
      ragLabel: 'No data',
      chartSvg: null,
    };
    const rows = rowsOf(
      sheet(
        await workbook(
          await reportXlsx({ ...model, groups: [{ ...first, measures: [noData] }], exceptions: [] }),
        ),
        'Measures',
      ),
    );
    assert.equal(rows.length, 1);
    const row = rowFor(rows, 'HOU-99', '2026-27-Q2');
    assert.equal(row.get('Period name')?.value, 'Q2 2026/27 (July to September 2026)');
    assert.equal(row.get('Value')?.value, null);
    assert.equal(row.get('RAG')?.value, 'No data');
  });

  test('says what the report is and what changed on the Report sheet', async () => {
    const report = sheet(await workbook(await reportXlsx(aReportModel())), 'Report');
    const cells: string[] = [];
    report.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const expected of [
      'Housing: quarterly performance',
      'Cabinet Member for Housing (Cllr Priya Shah)',
      'Q2 2026/27 (July to September 2026)',
      aReportModel().summary,
      'Changes to the measures since the last report',
      'HOU-12 Households in temporary accommodation',
      'Added after the national review of temporary accommodation.',
    ]) {
      assert.ok(cells.includes(expected), `the Report sheet has "${expected}"`);
    }
  });
});
