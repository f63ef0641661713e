// Proves the Word paper reads right when opened: real Title and Heading styles, repeating table header rows, the
// exceptions before the groups, the right figures and revisions, and every chart a PNG with its text alternative.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { wordParts, wordText, type WordParts } from '../../../testing/documents.ts';
import { aReportModel } from '../report-model.fixtures.ts';
import { reportDocx } from './docx.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The text of each paragraph with the given style, in document order. */
function styled(body: string, style: string): string[] {
  const paragraphs = body.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
  return paragraphs
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

function unescaped(xml: string): string {
  return xml
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

describe('the Word paper', () => {
  let docx: Buffer;
  let parts: WordParts;
  before(async () => {
    docx = await reportDocx(aReportModel());
    parts = await wordParts(docx);
  });

  test('has the report title in the Title style and its sections as Heading 1, in committee-paper order', () => {
    assert.deepEqual(styled(parts.body, 'Title'), ['Housing: quarterly performance']);
    assert.deepEqual(styled(parts.body, 'Heading1'), [
      'Summary',
      'Changes to the measures since the last report',
      'Data quality',
      'Inspections',
      'Exceptions',
      'Safe and secure homes',
      'A clean and green borough',
      'Appendix: all measures',
    ]);
  });

  test('lists the exceptions first, HOU-05 before HOU-12, then the groups measure by measure', () => {
    assert.deepEqual(styled(parts.body, 'Heading2'), [
      'HOU-05 Repairs completed within target time',
      'HOU-12 Households in temporary accommodation',
      'HOU-01 Rent collected as a share of rent due',
      'HOU-03 Homes with a valid gas safety certificate',
      'PLE-02 Household waste sent for reuse, recycling or composting',
    ]);
  });

  test('marks every table header row as a repeating header', () => {
    const tables = parts.body.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    assert.ok(tables.length >= 9, `expected a table per section and measure, found ${tables.length}`);
    for (const table of tables) {
      const firstRow = /<w:tr>.*?<\/w:tr>/s.exec(table)?.[0] ?? '';
      assert.match(firstRow, /<w:tblHeader\/>/);
    }
  });

  test("gives an exception's key facts: figure, target, RAG in words and symbol, direction and SPC", async () => {
    const text = await wordText(docx);
    const start = text.indexOf('HOU-05 Repairs');
    const hou05 = text.slice(start, text.indexOf('HOU-12 Households', start));
    for (const fact of [
      'Figure for Sep 2026',
      '64.2%',
      '75.0%',
      '✗ Off target',
      'Worsening (previous figure 66.0%)',
      'Special cause concern (low)',
      'Consistently failing the target',
      'Six points in a row below the mean since May 2026.',
      'Contractor backlog after the storms',
    ]) {
      assert.ok(hou05.includes(fact), `HOU-05's page says "${fact}"`);
    }
  });

  test('shows a figure revised since the last report with its old and new values', async () => {
    const text = await wordText(docx);
    assert.ok(text.includes('The Q1 2026/27 report showed 229 for June 2026; it is now 231'));
  });

  test('carries the summary paragraph and the change to the measures with its reason', async () => {
    const text = await wordText(docx);
    assert.ok(text.includes(aReportModel().summary));
    assert.ok(text.includes('Added after the national review of temporary accommodation.'));
    assert.ok(text.includes('Signed off by Cllr Priya Shah on 12 May 2026'));
  });

  test('embeds each chart once as a PNG with its text alternative', () => {
    assert.equal(parts.media.size, 5);
    for (const [name, data] of parts.media) {
      assert.ok(name.endsWith('.png'), name);
      assert.deepEqual(data.subarray(0, 8), PNG_SIGNATURE, `${name} is a PNG`);
      assert.equal(data.readUInt32BE(16), 1200, `${name} is drawn 1200 pixels wide for print`);
    }
    const descriptions = [...parts.body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) =>
      unescaped(m[1] ?? ''),
    );
    assert.equal(descriptions.length, 5);
    assert.ok(descriptions[0]?.startsWith('Repairs completed within target time: Apr 2026 71.2%'));
  });

  test('says in words when the measures did not change since the last report', async () => {
    const text = await wordText(await reportDocx(aReportModel({ changes: [] })));
    assert.ok(text.includes('There were no changes to the measures since the last report.'));
  });

  test('says so when a measure has no chart, and draws none', async () => {
    const model = aReportModel();
    const [first] = model.exceptions;
    assert.ok(first);
    const withoutChart = { ...model, exceptions: [{ ...first, chartSvg: null }], groups: [] };
    const docxWithout = await reportDocx(withoutChart);
    assert.equal((await wordParts(docxWithout)).media.size, 0);
    assert.ok(
      (await wordText(docxWithout)).includes(
        'No chart: there are no published figures for this measure yet.',
      ),
    );
  });
});
