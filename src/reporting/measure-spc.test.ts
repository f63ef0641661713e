// Making Data Count SPC on the measure page: the result and reading agree with assessSpc over the same figures,
// too few figures say so, and /measures/ASC-01 shows the section.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assessSpc, spcReading } from '../assessment/index.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { aCouncil, aMeasure, aValue } from './fixtures.ts';
import { measurePerformance } from './measure-performance.ts';
import { labelOfPeriod } from './present.ts';

let demo: TestDatabase;
before(async () => {
  demo = await freshDatabase('demo');
});
after(async () => demo.drop());

async function demoMeasure(code: string) {
  return demo.db
    .selectFrom('measures')
    .select(['id', 'council_id', 'polarity'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

describe('SPC on the measure page', () => {
  test('ASC-01 gets the XmR result and reading that assessSpc gives over its last 36 figures, oldest first', async () => {
    const m = await demoMeasure('ASC-01');
    const p = await measurePerformance(demo.db, { councilId: m.council_id, measureId: m.id });
    assert.ok(p.spc, p.spcUnavailable ?? 'no SPC');
    assert.equal(p.spcUnavailable, null);
    const rows = p.history
      .filter((r) => r.status !== 'draft')
      .slice(0, 36)
      .reverse();
    assert.equal(rows.length, 36);
    const target = rows.at(-1)?.target ?? null;
    const polarity = m.polarity === 'up' || m.polarity === 'down' ? m.polarity : 'neutral';
    const expected = assessSpc({
      values: rows.map((r) => r.value),
      polarity,
      ...(target == null ? {} : { target }),
    });
    assert.deepEqual(p.spc.result, expected);
    assert.equal(
      p.spc.reading,
      spcReading(
        expected,
        rows.map((r) => labelOfPeriod(r.period)),
        'months',
      ),
    );
    assert.ok(p.spc.variationLabel.length > 0);
    assert.match(p.spc.chartSvg, /^<svg role="img"/);
    assert.match(p.spc.chartSvg, /<title>ASC-01 [^<]*XmR chart<\/title><desc>/);
    assert.match(p.spc.chartSvg, /Upper process limit/);
    assert.match(p.spc.chartSvg, /Lower process limit/);
    assert.match(p.spc.chartSummary, /The mean is .*; the process limits are /);
  });

  test('a measure with fewer than 12 figures says there is not enough data for SPC', async () => {
    const t = await freshDatabase('empty');
    try {
      const place = await aCouncil(t.db);
      const m = await aMeasure(t.db, place, { title: 'New measure', unit: 'percent', polarity: 'up' });
      for (const period of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'])
        await aValue(t.db, place.councilId, m.id, period, { value: 50 });
      const p = await measurePerformance(t.db, { councilId: place.councilId, measureId: m.id });
      assert.equal(p.spc, null);
      assert.equal(p.spcUnavailable, 'Not enough data for SPC: 5 points (12 needed).');
    } finally {
      await t.drop();
    }
  });
});

describe('GET /measures/ASC-01', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp('demo');
  });
  after(async () => app.close());

  test('shows the SPC section: badges, reading, the XmR chart in a figure and how to read it', async () => {
    const client = new Client(app.baseUrl);
    await client.signIn('performance@anytown.example', DEMO_PASSWORD);
    const response = await client.get('/measures/ASC-01');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h3 class="govuk-heading-m" id="spc-heading">Statistical process control<\/h3>/);
    assert.match(html, /class="app-spc-badge app-spc-badge--(improvement|concern|common)"/);
    assert.match(html, /(Common cause variation|Special cause (improvement|concern|variation))/);
    assert.match(html, /<figure class="app-chart app-spc-chart[^>]*>\s*<svg role="img"/);
    assert.match(html, /How to read this/);
    assert.match(html, /process limits/);
  });
});
