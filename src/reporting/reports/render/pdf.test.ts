// Proves the PDF carries the same paper as Word, read back as text: the sections in order, the exceptions before
// the groups with their figures and revisions, the summary, a picture for every chart, and a bookmark per section and measure.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { pdfContent, squashed, type PdfContent } from '../../../testing/documents.ts';
import { aReportModel } from '../report-model.fixtures.ts';
import { measuresOf } from '../report-model.ts';
import { reportPdf } from './pdf.ts';

describe('the PDF paper', () => {
  let pdf: Buffer;
  let content: PdfContent;
  let text: string;
  before(async () => {
    pdf = await reportPdf(aReportModel());
    content = await pdfContent(pdf);
    text = squashed(content.pages.join('\n'));
  });

  test('opens with a title page naming the council, report, audience, period and sign-off', () => {
    const first = squashed(content.pages[0] ?? '');
    for (const line of [
      'Anytown Borough Council',
      'Housing: quarterly performance',
      'Report to: Cabinet Member for Housing (Cllr Priya Shah)',
      'Period: Q2 2026/27 (July to September 2026)',
      'Generated: 20 Oct 2026 (a draft: not yet published)',
      'Sign-off of the measures: Signed off by Cllr Priya Shah on 12 May 2026',
    ]) {
      assert.ok(first.includes(line), `the title page says "${line}"`);
    }
  });

  test('has the sections in the same order as the Word paper, exceptions before the groups', () => {
    const order = [
      'Summary',
      'Changes to the measures since the last report',
      'Data quality',
      'Inspections',
      'Exceptions',
      'HOU-05 Repairs completed within target time',
      'HOU-12 Households in temporary accommodation',
      'Safe and secure homes',
      'HOU-01 Rent collected as a share of rent due',
      'A clean and green borough',
      'PLE-02 Household waste sent for reuse',
      'Appendix: all measures',
    ];
    let from = 0;
    for (const heading of order) {
      const at = text.indexOf(heading, from);
      assert.ok(at >= 0, `"${heading}" comes after what precedes it`);
      from = at;
    }
  });

  test("gives an exception's figures, RAG, SPC and commentary, and a revision's old and new figure", () => {
    const start = text.indexOf('HOU-05 Repairs completed within target time Why');
    const hou05 = text.slice(start, text.indexOf('HOU-12 Households', start));
    for (const fact of [
      'Figure for Sep 2026 64.2%',
      'Target 75.0%',
      'RAG rating Off target',
      'Worsening (previous figure 66.0%)',
      'SPC variation Special cause concern (low)',
      'Contractor backlog after the storms; recovery plan agreed with =SUM(A1) the contractor.',
    ]) {
      assert.ok(hou05.includes(fact), `HOU-05's page says "${fact}"`);
    }
    assert.ok(
      text.includes(
        'Revised since the last report The Q1 2026/27 report showed 229 for June 2026; it is now 231',
      ),
    );
  });

  test('carries the summary paragraph and the data-quality headline', () => {
    assert.ok(text.includes(aReportModel().summary));
    assert.ok(text.includes('3 figures were late, 1 is missing and 2 were returned for correction'));
    assert.ok(text.includes('The inspection register is not yet in Civic Scorecard'));
  });

  test("shows each measure's chart as a picture, and prints the chart's description beneath it", () => {
    const charts = measuresOf(aReportModel()).filter((m) => m.chartSvg).length;
    assert.ok(charts > 0);
    assert.equal(
      content.pictures.reduce((all, n) => all + n, 0),
      charts,
      'one picture a chart',
    );
    assert.ok(text.includes('Repairs completed within target time: Apr 2026 71.2%, May 2026 70.4%'));
  });

  test('bookmarks every section, with each measure under its section', () => {
    assert.deepEqual(content.outline, [
      'Housing: quarterly performance',
      'Summary',
      'Changes to the measures since the last report',
      'Data quality',
      'Inspections',
      'Exceptions',
      '  HOU-05 Repairs completed within target time',
      '  HOU-12 Households in temporary accommodation',
      'Safe and secure homes',
      '  HOU-01 Rent collected as a share of rent due',
      '  HOU-03 Homes with a valid gas safety certificate',
      'A clean and green borough',
      '  PLE-02 Household waste sent for reuse, recycling or composting',
      'Appendix: all measures',
    ]);
  });

  test('numbers its pages and says when a report is published', async () => {
    assert.match(content.pages[0] ?? '', /Page 1 of \d+/);
    const published = await pdfContent(
      await reportPdf(aReportModel({ publishedAt: '2026-10-22T12:00:00.000Z' })),
    );
    assert.ok(squashed(published.pages[0] ?? '').includes('Published: 22 Oct 2026'));
  });
});
