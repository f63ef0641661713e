// axe (WCAG 2.2 AA) finds nothing on the validation rules pages, with and without their errors shown, nor on the
// entry form asking for an explanation of a figure that breaks a soft rule.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInAs } from '../../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

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

test('the rules page and a rule’s change page have no accessibility violations', async () => {
  const response = await page.goto(`${app.baseUrl}/measures/HOU-04/rules`);
  assert.equal(response?.status(), 200);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('link', { name: 'Change rule 2' }).click();
  await page.getByRole('heading', { name: 'Change a validation rule' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('the rules page with a bad cross-measure rule shown has no accessibility violations', async () => {
  await page.goto(`${app.baseUrl}/measures/HOU-01/rules`);
  await page.getByRole('radio', { name: 'Cross-measure rule' }).check();
  await page.getByLabel('Rule', { exact: true }).fill('[HOU-01] <= [NOPE-1]');
  await page.getByRole('radio', { name: 'Hard: reject the figure' }).check();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.match(
    (await page.locator('.govuk-error-summary').textContent()) ?? '',
    /no measure has the code NOPE-1/,
  );
  assert.deepEqual(await accessibilityViolations(page), []);
});
