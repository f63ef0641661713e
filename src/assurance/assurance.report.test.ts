// The assurance sections of the demo council's reports reach the web page, the Word paper and the PDF: CMT's
// inspections with their framework, the overdue return flagged first, the overdue action; the committee's own
// inspections only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildReportModel } from '../reporting/reports/build-model.ts';
import { reportHtml } from '../reporting/reports/render/html.ts';
import { renderReport } from '../reporting/reports/render/index.ts';
import type { ReportModel } from '../reporting/reports/report-model.ts';
import { findSet } from '../reporting/reports/reports.service.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { pdfContent, squashed, wordText } from '../testing/documents.ts';

let t: TestDatabase;
const models = new Map<string, ReportModel>();

before(async () => {
  t = await freshDatabase('demo');
  const council = await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
  for (const name of ['cmt', 'committee-adults-health', 'committee-place-housing']) {
    const set = await findSet(t.db, council.id, name);
    models.set(name, await buildReportModel(t.db, council.id, set, '2026-27-Q2', undefined, '2026-11-26'));
  }
});
after(async () => t.drop());

const model = (name: string): ReportModel => {
  const found = models.get(name);
  assert.ok(found, name);
  return found;
};

describe('assurance in reports', () => {
  test('the CMT report as of 26 November 2026 lists inspections, returns due with the overdue first, and overdue actions', () => {
    const sections = Object.fromEntries(model('cmt').assurance.map((s) => [s.title, s.items]));
    assert.deepEqual(Object.keys(sections), [
      'Inspections',
      'Statutory returns due',
      'Overdue improvement actions',
    ]);
    assert.deepEqual(
      (sections['Statutory returns due'] ?? []).map((i) => [i.due, i.status]),
      [
        ['2026-11-03', 'OVERDUE: In preparation'],
        ['2026-11-30', 'Quality-checked'],
        ['2027-02-03', 'Not started'],
        ['2027-02-19', 'Not started'],
      ],
    );
    assert.deepEqual(
      (sections['Overdue improvement actions'] ?? []).map((i) => i.due),
      ['2026-10-31'],
    );
  });

  test('the sections reach the Word paper, the PDF and the web page', async () => {
    const cmt = model('cmt');
    const word = await wordText((await renderReport(cmt, 'docx')).body);
    const pdf = squashed((await pdfContent((await renderReport(cmt, 'pdf')).body)).pages.join('\n'));
    const html = await reportHtml(cmt);
    for (const [name, text] of [
      ['Word', word],
      ['PDF', pdf],
      ['HTML', html],
    ] as const) {
      assert.match(text, /Overdue improvement actions/, name);
      assert.match(text, /OVERDUE: In preparation/, name);
      assert.match(text, /Castle Hill Primary School report card/, name);
    }
  });

  test('a committee report lists only the inspections of the services it scrutinises', () => {
    const adults = model('committee-adults-health').assurance.flatMap((s) => s.items.map((i) => i.status));
    assert.deepEqual(adults, ['Requires improvement']);
    const housing = model('committee-place-housing').assurance.flatMap((s) => s.items.map((i) => i.status));
    assert.deepEqual(housing, ['C2']);
  });
});
