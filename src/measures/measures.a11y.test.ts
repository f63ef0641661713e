// axe (WCAG 2.2 AA) finds nothing on the measure library's forms, with and without their error messages shown.
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

const pages = [
  ['the add-a-measure form', '/measures/new'],
  ['the edit form', '/measures/HOU-07/edit'],
  ['the version history', '/measures/HOU-07/versions'],
  ['the targets page', '/measures/HOU-07/targets'],
  ['the targets page of a count measure with percentages', '/measures/HOU-01/targets'],
  ['a filtered library', '/measures?q=damp&directorate=HOU&rag=red'],
  ['the SPC settings page', '/measures/HOU-05/spc'],
];

for (const [name, path] of pages) {
  test(`${name} has no accessibility violations`, async () => {
    const response = await page.goto(`${app.baseUrl}${path}`);
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    assert.deepEqual(await accessibilityViolations(page), []);
  });
}

test('the add-a-measure form with its errors shown has no accessibility violations', async () => {
  await page.goto(`${app.baseUrl}/measures/new`);
  await page.getByLabel('Code').fill('not a code');
  await page.getByLabel('What the numerator counts').fill('');
  await page.getByRole('radio', { name: 'A ratio of a numerator to a denominator' }).check();
  await page.getByLabel('Decimal places').fill('9');
  await page.getByRole('button', { name: 'Add measure' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('the targets page with errors in both forms has no accessibility violations', async () => {
  await page.goto(`${app.baseUrl}/measures/HOU-07/targets`);
  await page.getByLabel('Period', { exact: true }).fill('2025-26');
  await page.getByRole('button', { name: 'Save target' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(`${app.baseUrl}/measures/HOU-01/targets`);
  await page.locator('#annual-share-1').fill('abc');
  await page.getByRole('button', { name: "Save the year's targets" }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('the SPC settings page with its errors shown, and the measure page with a phase break, have no violations', async () => {
  await page.goto(`${app.baseUrl}/measures/HOU-08/spc`);
  await page.getByLabel('First period of the baseline').fill('2023-04');
  await page.getByLabel('Last period of the baseline').fill('2023-04');
  await page.getByLabel('Recalculation point 1: first period').fill('2025-04');
  await page.getByRole('button', { name: 'Save SPC settings' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('Last period of the baseline').fill('2024-03');
  await page.getByLabel('Why this baseline').fill('A stable year');
  await page.getByLabel('Recalculation point 1: reason').fill('New contractor');
  await page.getByRole('button', { name: 'Save SPC settings' }).click();
  await page.getByText('The SPC settings were saved').waitFor();
  await page.goto(`${app.baseUrl}/measures/HOU-08`);
  await page
    .locator('.app-spc-notes')
    .getByText('The limits are recalculated from April 2025 (New contractor).')
    .waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
