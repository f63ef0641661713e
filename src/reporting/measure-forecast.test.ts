// The year-end forecast on the measure page: each forecast in words with how it was made and its verdict, the
// reasons when there is none, the year-end result in March, and over HTTP on a demo year-to-date measure only.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import nunjucks from 'nunjucks';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { registerFilters } from '../web/filters.ts';
import { govukDist, srcDir } from '../web/render.ts';
import { aCouncil, aMeasure, aTarget, aValue, type Place } from './fixtures.ts';
import { measurePerformance, type MeasurePerformance } from './measure-performance.ts';

function renderPartial(performance: MeasurePerformance): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([srcDir, path.join(govukDist)]), {
    autoescape: true,
  });
  registerFilters(env);
  return env.render('reporting/views/measure-forecast.njk', { performance });
}

describe('the measure page forecast', () => {
  let t: TestDatabase;
  let place: Place;
  before(async () => {
    t = await freshDatabase('empty');
    place = await aCouncil(t.db);
  });
  after(async () => t.drop());

  const performanceOf = (measureId: string) =>
    measurePerformance(t.db, { councilId: place.councilId, measureId });

  test('gives the run-rate and profile forecasts, each with how it was made, its verdict and the gap', async () => {
    const m = await aMeasure(t.db, place, {
      title: 'Affordable homes delivered (year to date)',
      unit: 'count',
      decimals: 0,
      accumulation: 'year_to_date',
    });
    await aValue(t.db, place.councilId, m.id, '2026-04', { value: 4 });
    await aValue(t.db, place.councilId, m.id, '2026-10', { value: 77 });
    await aTarget(t.db, place.councilId, m.id, '2026-10', { value: 82, source: 'profile' });
    await aTarget(t.db, place.councilId, m.id, '2027-03', { value: 200, source: 'profile' });

    const { forecast } = await performanceOf(m.id);
    assert.ok(forecast);
    assert.equal(forecast.reason, null);
    assert.equal(
      forecast.intro,
      "Where 2026/27 is heading, forecast from the figure for October 2026 (month 7 of 12). A forecast is not a result: it will change as the year's figures come in.",
    );
    assert.deepEqual(
      forecast.lines.map((l) => [l.label, l.figure, l.verdict.label, l.gap]),
      [
        ['Run-rate forecast', '132', 'Off track', '68 below the year-end target.'],
        ['Forecast against the target profile', '188', 'Off track', '12 below the year-end target.'],
      ],
    );
    assert.equal(
      forecast.lines[0]?.how,
      'If the rest of the year goes at the rate so far (77 in the first 7 of 12 months), the year would end at about 132.',
    );
    assert.equal(
      forecast.lines[1]?.how,
      'If the rest of the year keeps to the same share of the target profile as so far (77 against a profiled target of 82 by October 2026: 94% of it), the year would end at about 188.',
    );
    assert.equal(forecast.target, '200');
    assert.deepEqual(forecast.missing, []);
    assert.equal(forecast.advice, null);

    const html = renderPartial(await performanceOf(m.id));
    assert.match(
      html,
      /<h3 class="govuk-heading-m" id="forecast-heading">\s*Year-end forecast\s*<strong class="govuk-tag[^"]*">Forecast<\/strong>/,
    );
    assert.match(
      html,
      /<strong class="app-rag app-rag--red"><span aria-hidden="true">✕<\/span> Off track<\/strong>/,
    );
    assert.match(html, /<dt class="govuk-summary-list__key">Year-end target<\/dt>\s*<dd[^>]*>200<\/dd>/);
  });

  test('a rate so far carries forward as it is, capped shares say so, and disagreeing forecasts get advice', async () => {
    const rent = await aMeasure(t.db, place, {
      accumulation: 'year_to_date',
      calculation_type: 'ratio',
      unit: 'percent',
      decimals: 1,
    });
    await aValue(t.db, place.councilId, rent.id, '2026-04', { value: 96, numerator: 96, denominator: 100 });
    await aValue(t.db, place.councilId, rent.id, '2026-06', { value: 97, numerator: 291, denominator: 300 });
    const rentForecast = (await performanceOf(rent.id)).forecast;
    assert.equal(rentForecast?.lines[0]?.figure, '97.0%');
    assert.match(
      rentForecast?.lines[0]?.how ?? '',
      /would end where it is now, at 97\.0%: this figure is a rate/,
    );
    assert.equal(rentForecast?.lines[0]?.verdict.label, 'No year-end target to judge against');
    assert.equal(rentForecast?.target, null);
    assert.match(renderPartial(await performanceOf(rent.id)), /No year-end target is set/);

    const tax = await aMeasure(t.db, place, {
      accumulation: 'year_to_date',
      calculation_type: 'ratio',
      unit: 'percent',
      decimals: 1,
    });
    await aValue(t.db, place.councilId, tax.id, '2026-04', { value: 11, numerator: 110, denominator: 1000 });
    await aValue(t.db, place.councilId, tax.id, '2026-10', {
      value: 65.4,
      numerator: 654,
      denominator: 1000,
    });
    await aTarget(t.db, place.councilId, tax.id, '2026-10', { value: 65.8, source: 'profile' });
    await aTarget(t.db, place.councilId, tax.id, '2027-03', { value: 96.5, source: 'profile' });
    const taxForecast = (await performanceOf(tax.id)).forecast;
    assert.deepEqual(
      taxForecast?.lines.map((l) => [l.figure, l.verdict.label, l.gap]),
      [
        ['100.0%', 'On track', '3.5% above the year-end target.'],
        ['95.9%', 'Off track', '0.6% below the year-end target.'],
      ],
    );
    assert.match(
      taxForecast?.lines[0]?.how ?? '',
      /would pass 100%, which a share of a whole cannot, so it is held at 100%\.$/,
    );
    assert.match(
      taxForecast?.advice ?? '',
      /The two forecasts disagree\. The forecast against the profile allows for the usual pattern/,
    );
  });

  test('says why there is no run-rate or profile forecast', async () => {
    const m = await aMeasure(t.db, place, { accumulation: 'year_to_date', unit: 'percent' });
    await aValue(t.db, place.councilId, m.id, '2026-06', { value: 40 });
    const { forecast } = await performanceOf(m.id);
    assert.deepEqual(forecast?.lines, []);
    assert.deepEqual(forecast?.missing, [
      'No run-rate forecast. A figure like this without a numerator and denominator could be a share of the whole year or a rate so far, so there is no run-rate forecast.',
      "No forecast against a target profile. This year's targets were not profiled from an annual target, so there is no forecast against a profile.",
    ]);
    assert.match(
      renderPartial(await performanceOf(m.id)),
      /<p class="govuk-body app-forecast-none">No run-rate forecast\./,
    );
  });

  test('in March the year-end result is shown as a result, not labelled a forecast', async () => {
    const m = await aMeasure(t.db, place, { accumulation: 'year_to_date', unit: 'count', decimals: 0 });
    await aValue(t.db, place.councilId, m.id, '2026-03', { value: 205 });
    await aTarget(t.db, place.councilId, m.id, '2026-03', { value: 200 });
    const performance = await performanceOf(m.id);
    assert.equal(performance.forecast?.final, true);
    assert.equal(
      performance.forecast?.intro,
      'March 2026 closes 2025/26, so its figure is the year-end result, not a forecast.',
    );
    assert.deepEqual(
      performance.forecast?.lines.map((l) => [l.label, l.figure, l.verdict.label, l.gap]),
      [['Result for 2025/26', '205', 'On track', '5 above the year-end target.']],
    );
    const html = renderPartial(performance);
    assert.doesNotMatch(html, />Forecast<\/strong>/);
    assert.match(html, /Result for 2025\/26/);
  });

  test('a year-to-date measure with no figures says there is nothing to forecast from', async () => {
    const m = await aMeasure(t.db, place, { accumulation: 'year_to_date' });
    const { forecast } = await performanceOf(m.id);
    assert.equal(forecast?.reason, 'There is no forecast yet: there are no figures to forecast from.');
  });

  test('a measure that is not year-to-date has no forecast section', async () => {
    const m = await aMeasure(t.db, place, { accumulation: 'discrete', unit: 'count' });
    await aValue(t.db, place.councilId, m.id, '2026-06', { value: 40 });
    const performance = await performanceOf(m.id);
    assert.equal(performance.forecast, null);
    assert.equal(renderPartial(performance).trim(), '');
  });
});

describe('GET /measures/RES-01 and a measure that is not year-to-date', () => {
  let app: TestApp;
  let client: Client;
  before(async () => {
    app = await startTestApp('demo');
    client = new Client(app.baseUrl);
    await client.signIn('performance@anytown.example', DEMO_PASSWORD);
  });
  after(async () => app.close());

  test('council tax collected shows both forecasts, labelled, with how each was made and the verdict in words', async () => {
    const response = await client.get('/measures/RES-01');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(
      html,
      /id="forecast-heading">\s*Year-end forecast\s*<strong class="govuk-tag[^"]*">Forecast<\/strong>/,
    );
    assert.match(html, /forecast from the figure for October 2026 \(month 7 of 12\)/);
    assert.match(html, /Run-rate forecast/);
    assert.match(
      html,
      /If the rest of the year goes at the rate so far \(65\.4% in the first 7 of 12 months\)/,
    );
    assert.match(html, /Forecast against the target profile/);
    assert.match(html, /If the rest of the year keeps to the same share of the target profile as so far/);
    assert.match(html, /<span aria-hidden="true">[✓✕]<\/span> (On|Off) track<\/strong>/);
    assert.match(html, /<dt class="govuk-summary-list__key">Year-end target<\/dt>\s*<dd[^>]*>96\.5%<\/dd>/);
  });

  test('HOU-07 (each month on its own) has no forecast section', async () => {
    const response = await client.get('/measures/HOU-07');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /id="spc-heading"/);
    assert.doesNotMatch(html, /forecast-heading|Year-end forecast/);
  });
});
