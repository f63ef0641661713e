// The benchmarking pages in a browser, checked by axe (WCAG 2.2 AA) at each step: the /benchmarks page, an import
// through its form (and a refused file, named by row and column), a metric's polarity edit with a missing
// midpoint refused, a custom peer group, and a measure page's "Compared with similar councils".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInAs } from '../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
});
after(async () => {
  await browser.close();
  await app.close();
});

async function importFile(name: string, text: string, dataset: string): Promise<void> {
  await page.goto(`${app.baseUrl}/benchmarks`);
  await page.getByLabel('Column mapping profile').selectOption('lg-inform-long');
  await page.getByLabel('Dataset', { exact: true }).fill(dataset);
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import' }).click();
}

const header = 'area_code,area_name,period,indicator,measure,unit,value\n';

test('the benchmarks page, with the demo dataset, has no accessibility violations', async () => {
  const response = await page.goto(`${app.baseUrl}/benchmarks`);
  assert.equal(response?.status(), 200);
  await page.getByRole('heading', { name: 'Benchmarking', level: 1 }).waitFor();
  assert.ok(await page.getByText('Anytown and its nearest neighbours (demo)').first().isVisible());
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('an import through the form becomes a new dataset version, shown with its provenance', async () => {
  await importFile(
    'waste.csv',
    `${header}E06000900,Anytown,2023/24,Recycling,Percentage,Waste,41\nE06000901,Bramford,2023/24,Recycling,Percentage,Waste,44\n`,
    'Waste',
  );
  await page.locator('.govuk-notification-banner--success').waitFor();
  assert.ok(await page.getByText('waste.csv').isVisible());
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a malformed file is refused on the page, naming its row and column, with no violations', async () => {
  await importFile('bad.csv', `${header}E06000900,Anytown,2023/24,Recycling,Percentage,Waste,lots\n`, 'Bad');
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(
    await page.locator('.govuk-error-summary').innerText(),
    /bad\.csv, row 2, column value: 'lots' is not a number/,
  );
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a Goldilocks polarity without a midpoint is refused naming the field; with one it is saved', async () => {
  await page.goto(`${app.baseUrl}/benchmarks`);
  await page.getByRole('link', { name: 'Waste' }).click();
  await page.getByRole('link', { name: /Edit/ }).first().click();
  await page.getByLabel('Closest to a midpoint is best').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Give the midpoint/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('Midpoint (for closest to a midpoint)').fill('42');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.govuk-notification-banner--success').waitFor();
  assert.ok(await page.getByText('Closest to a midpoint is best (42)').isVisible());
});

test('a custom peer group is saved from the form', async () => {
  await page.goto(`${app.baseUrl}/benchmarks`);
  await page.getByLabel('Name', { exact: true }).fill('Coastal towns');
  await page.getByLabel('Members').fill('E06000900, E06000901\nE06000902');
  await page.getByRole('button', { name: 'Save the group' }).click();
  await page.locator('.govuk-notification-banner--success').waitFor();
  const row = page.getByRole('row', { name: /Coastal towns/ });
  assert.match(await row.innerText(), /custom.*3/s);
});

test("a mapped measure's page compares it with similar councils, chart and tables, with no violations", async () => {
  const mapped = await app.db
    .selectFrom('benchmark_mappings as bm')
    .innerJoin('measures as m', 'm.id', 'bm.measure_id')
    .select('m.code')
    .orderBy('m.code')
    .executeTakeFirstOrThrow();
  await page.goto(`${app.baseUrl}/measures/${mapped.code}`);
  await page.getByRole('heading', { name: 'Compared with similar councils' }).waitFor();
  assert.match(await page.locator('#benchmarks ~ dl').first().innerText(), /Our rank\s+\d+ of 16/);
  assert.equal((await page.locator('svg[role="img"]').filter({ hasText: 'best first' }).count()) >= 1, true);
  assert.deepEqual(await accessibilityViolations(page), []);
});
