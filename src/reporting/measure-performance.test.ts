// measurePerformance and its partial: history judged against targets, the chart and its text alternative.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { registerFilters } from '../web/filters.ts';
import { govukDist, srcDir } from '../web/render.ts';
import { aCouncil, aMeasure, aTarget, aValue, type Place } from './fixtures.ts';
import { measurePerformance } from './measure-performance.ts';

let t: TestDatabase;
let place: Place;
before(async () => {
  t = await freshDatabase('empty');
  place = await aCouncil(t.db);
});
after(async () => t.drop());

describe('measurePerformance', () => {
  test('lists figures newest first with their target, RAG, status and revised marker', async () => {
    const m = await aMeasure(t.db, place, {
      title: 'Rent collected',
      unit: 'percent',
      decimals: 1,
      polarity: 'up',
    });
    await aValue(t.db, place.councilId, m.id, '2025-07', { value: 95, commentary: 'Summer dip' });
    await aValue(t.db, place.councilId, m.id, '2025-08', { value: 97, status: 'published' });
    await aValue(t.db, place.councilId, m.id, '2025-09', { value: 98.5, status: 'draft' });
    await aTarget(t.db, place.councilId, m.id, '2025-08', {
      value: 96,
      tolerance: { kind: 'absolute', amount: 1 },
    });
    await aTarget(t.db, place.councilId, m.id, '2025-07', {
      value: 96,
      tolerance: { kind: 'absolute', amount: 0.5 },
    });
    await t.db
      .updateTable('data_values')
      .set({ revised_after_publication: true })
      .where('measure_id', '=', m.id)
      .where('period', '=', '2025-08')
      .execute();

    const p = await measurePerformance(t.db, { councilId: place.councilId, measureId: m.id });
    assert.deepEqual(
      p.history.map((r) => [r.period, r.value, r.target, r.rag, r.status, r.revised]),
      [
        ['2025-09', 98.5, null, 'not_rated', 'draft', false],
        ['2025-08', 97, 96, 'green', 'published', true],
        ['2025-07', 95, 96, 'red', 'approved', false],
      ],
    );
    assert.deepEqual(p.latestCommentary, { period: '2025-07', periodLabel: 'July 2025', text: 'Summer dip' });
    // Drafts are in the table but not in the chart or its summary.
    assert.match(
      p.chartSummary,
      /^Rent collected: 97\.0% in August 2025 against a target of 96\.0% \(on target\)\./,
    );
    assert.match(p.chartSummary, /It rose from 95\.0% in July 2025: improving\./);
    assert.match(p.chartSvg, /^<svg role="img" aria-label="[^"]+Rent collected"/);
    assert.match(p.chartSvg, /<title>[^<]*Rent collected<\/title><desc>Rent collected: 97\.0%/);
  });

  test('says plainly when there are no figures', async () => {
    const m = await aMeasure(t.db, place, { title: 'New measure' });
    const p = await measurePerformance(t.db, { councilId: place.councilId, measureId: m.id });
    assert.deepEqual(p.history, []);
    assert.equal(p.chartSvg, '');
    assert.equal(p.chartSummary, 'New measure: there are no figures yet.');
  });

  test("another council's measure is not found", async () => {
    const elsewhere = await aCouncil(t.db);
    const m = await aMeasure(t.db, elsewhere);
    await assert.rejects(measurePerformance(t.db, { councilId: place.councilId, measureId: m.id }), {
      statusCode: 404,
    });
  });

  test('the partial renders the chart in a figure with its caption and the history table with a caption', async () => {
    const m = await aMeasure(t.db, place, {
      title: 'Missed bins',
      unit: 'count',
      decimals: 0,
      polarity: 'down',
    });
    await aValue(t.db, place.councilId, m.id, '2025-08', { value: 120 });
    await aValue(t.db, place.councilId, m.id, '2025-09', { value: 110, commentary: 'New round started' });
    const performance = await measurePerformance(t.db, { councilId: place.councilId, measureId: m.id });
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([srcDir, path.join(govukDist)]), {
      autoescape: true,
    });
    registerFilters(env);
    const measure = await t.db
      .selectFrom('measures')
      .selectAll()
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    const html = env.render('reporting/views/measure-performance.njk', { performance, measure });
    assert.match(html, /<figure class="app-chart[^"]*">\s*<svg role="img"/);
    assert.match(
      html,
      /<figcaption class="govuk-body">Missed bins: 110 in September 2025\. It fell from 120 in August 2025: improving\./,
    );
    assert.match(html, /<caption class="govuk-table__caption govuk-table__caption--m">Figures for/);
    assert.match(html, /app-rag app-rag--not_rated"><span aria-hidden="true">–<\/span> Not rated/);
    assert.match(html, /New round started/);
  });
});
