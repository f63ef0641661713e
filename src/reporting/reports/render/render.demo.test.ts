// Proves the renderers take the demo council's real reports as the model builder makes them (XmR charts with
// recalculated limits, gaps, committee sign-offs, the CMT's data quality): every measure reaches every format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { freshDatabase, type TestDatabase } from '../../../testing/database.ts';
import { pdfContent, squashed, wordParts, wordText } from '../../../testing/documents.ts';
import { buildReportModel } from '../build-model.ts';
import { measuresOf, type ReportModel } from '../report-model.ts';
import { findSet } from '../reports.service.ts';
import { renderReport } from './index.ts';

let t: TestDatabase;
const models = new Map<string, ReportModel>();

before(async () => {
  t = await freshDatabase('demo');
  const council = await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
  for (const name of ['cmt', 'committee-place-housing']) {
    const set = await findSet(t.db, council.id, name);
    models.set(name, await buildReportModel(t.db, council.id, set, '2026-27-Q2'));
  }
});
after(async () => {
  await t.drop();
});

function model(name: string): ReportModel {
  const found = models.get(name);
  assert.ok(found, name);
  return found;
}

describe("the demo council's reports in every format", () => {
  test('the CMT paper in Word has every measure, each chart as a PNG, and the data-quality headline', async () => {
    const cmt = model('cmt');
    const measures = measuresOf(cmt);
    assert.ok(measures.length > 20, `the CMT report has ${measures.length} measures`);
    const docx = (await renderReport(cmt, 'docx')).body;
    const text = await wordText(docx);
    for (const m of measures) assert.ok(text.includes(`${m.code} ${m.title}`), m.code);
    assert.ok(cmt.dataQuality && text.includes(cmt.dataQuality.headline));
    const charts = new Set(measures.flatMap((m) => (m.chartSvg ? [m.chartSvg] : [])));
    assert.equal((await wordParts(docx)).media.size, charts.size);
  });

  test('the committee paper as PDF names every measure and where it was signed off', async () => {
    const committee = model('committee-place-housing');
    const text = squashed((await pdfContent((await renderReport(committee, 'pdf')).body)).pages.join('\n'));
    for (const m of measuresOf(committee)) {
      assert.ok(text.includes(`${m.code} ${m.title}`), m.code);
      assert.ok(m.signedOffIn !== null, `${m.code} is a committee measure`);
      for (const portfolio of m.signedOffIn) assert.ok(text.includes(portfolio), `${m.code}: ${portfolio}`);
    }
  });

  test("the CMT workbook and CSV hold a row for every measure's every charted period", async () => {
    const cmt = model('cmt');
    const expected = measuresOf(cmt).reduce(
      (sum, m) => sum + m.history.length + (m.history.some((h) => h.period === m.period) ? 0 : 1),
      0,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReport(cmt, 'xlsx')).body as unknown as ArrayBuffer);
    assert.equal((book.getWorksheet('Measures')?.rowCount ?? 0) - 1, expected);
    const csv: string[][] = parse((await renderReport(cmt, 'csv')).body.toString('utf8'), { bom: true });
    assert.equal(csv.length - 1, expected);
  });
});
