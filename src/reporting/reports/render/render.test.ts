// Proves every format through the one way in: each says so in words when a report has no measures, each carries
// &, <, quotes, Welsh ŵ and £ unharmed, each is sent with its own content type, and an unknown format is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { pdfContent, squashed, wordParts, wordText } from '../../../testing/documents.ts';
import { ValidationError } from '../../../web/errors.ts';
import { aReportModel } from '../report-model.fixtures.ts';
import type { ReportModel } from '../report-model.ts';
import { renderReport, type ReportFormat } from './index.ts';
import { NO_MEASURES } from './paper.ts';
import { aModelWithNoMeasures, aModelWithSpecialCharacters, SPECIAL } from './render.fixtures.ts';

async function sheetTexts(xlsx: Buffer, name: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.getWorksheet(name)?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts;
}

describe('rendering a report in each format', () => {
  test('sends each format with its content type and extension', async () => {
    const expected: [ReportFormat, string, string][] = [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      ['pdf', 'application/pdf', '%PDF'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
      ['csv', 'text/csv; charset=utf-8', '\uFEFFCode,'],
    ];
    for (const [format, contentType, start] of expected) {
      const rendered = await renderReport(aReportModel(), format);
      assert.equal(rendered.contentType, contentType);
      assert.equal(rendered.extension, format);
      assert.ok(rendered.body.toString('utf8', 0, 12).startsWith(start), `${format} starts with ${start}`);
    }
  });

  test("draws a paper's charts in their own threads while its writer lays it out, and they arrive whole", async () => {
    const { media } = await wordParts((await renderReport(aReportModel(), 'docx')).body);
    assert.equal(media.size, 5);
    for (const png of media.values()) assert.equal(png.readUInt32BE(16), 1200);
  });

  test('a chart that cannot be drawn fails the paper with the reason, rather than leaving it waiting', async () => {
    const base = aReportModel();
    const [first, ...rest] = base.exceptions;
    assert.ok(first);
    const broken = { ...base, exceptions: [{ ...first, chartSvg: '<svg><g></svg>' }, ...rest] };
    for (const format of ['docx', 'pdf'] as const) {
      await assert.rejects(renderReport(broken, format), /chart|svg/i, format);
    }
  });

  test('writes a long PDF in its own thread, so the event loop keeps turning meanwhile', async () => {
    const base = aReportModel();
    const many: ReportModel = {
      ...base,
      groups: Array.from({ length: 6 }, (_, g) => ({
        title: `Outcome ${g + 1}`,
        subtitle: '',
        measures: base.groups
          .flatMap((group) => group.measures)
          .flatMap((m) => Array.from({ length: 4 }, (_, i) => ({ ...m, code: `${m.code}-${g}${i}` }))),
      })),
    };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    await renderReport(many, 'pdf');
    const took = performance.now() - started;
    delay.disable();
    const longestStallMs = delay.max / 1e6;
    assert.ok(
      longestStallMs < took / 4,
      `the loop stalled ${longestStallMs} ms while the PDF took ${took} ms`,
    );
  });

  test('refuses a format it does not know, naming the field', async () => {
    await assert.rejects(
      renderReport(aReportModel(), 'odt' as ReportFormat),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.details.some((d) => d.field === 'format') &&
        error.message.includes('docx, pdf, xlsx, csv'),
    );
  });

  test('says in words that a report with no measures has none, in the paper formats and the workbook', async () => {
    const model = aModelWithNoMeasures();
    const word = await wordText((await renderReport(model, 'docx')).body);
    assert.ok(word.includes(NO_MEASURES));
    assert.ok(word.includes('There were no changes to the measures since the last report.'));

    const pdf = squashed((await pdfContent((await renderReport(model, 'pdf')).body)).pages.join('\n'));
    assert.ok(pdf.includes(NO_MEASURES));
    assert.ok(pdf.includes('Appendix: all measures'));

    const xlsx = (await renderReport(model, 'xlsx')).body;
    assert.ok((await sheetTexts(xlsx, 'Report')).includes(NO_MEASURES));
    assert.equal((await sheetTexts(xlsx, 'Measures')).length, 16, 'the Measures sheet has its header alone');
  });

  test('writes a CSV of a report with no measures as its header alone, which a program reads as no rows', async () => {
    const csv = (await renderReport(aModelWithNoMeasures(), 'csv')).body.toString('utf8');
    const rows: string[][] = parse(csv, { bom: true });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.[0], 'Code');
  });

  test('carries &, <, quotes, Welsh ŵ and £ unharmed in every format', async () => {
    const model = aModelWithSpecialCharacters();
    const word = await wordText((await renderReport(model, 'docx')).body);
    const pdf = squashed((await pdfContent((await renderReport(model, 'pdf')).body)).pages.join('\n'));
    for (const text of [SPECIAL.title, SPECIAL.commentary, SPECIAL.group]) {
      assert.ok(word.includes(text), `Word has "${text}"`);
      assert.ok(pdf.includes(text), `PDF has "${text}"`);
    }
    const measures = await sheetTexts((await renderReport(model, 'xlsx')).body, 'Measures');
    const report = await sheetTexts((await renderReport(model, 'xlsx')).body, 'Report');
    assert.ok(measures.includes(SPECIAL.commentary) && measures.includes(SPECIAL.group));
    assert.ok(report.includes(SPECIAL.title));
    const csv: string[][] = parse((await renderReport(model, 'csv')).body.toString('utf8'), { bom: true });
    assert.ok(csv.some((row) => row.includes(SPECIAL.commentary) && row.includes(SPECIAL.group)));
  });
});
