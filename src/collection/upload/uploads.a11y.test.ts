// axe (WCAG 2.2 AA) finds nothing on the uploads page: empty, with a preview, with errors, and after a commit.
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

async function upload(text: string): Promise<void> {
  await page.getByLabel(/Choose a file|Upload another file/).setInputFiles({
    name: 'figures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await page.getByRole('button', { name: 'Preview the file' }).click();
  await page.getByRole('heading', { level: 1, name: 'Preview of figures.csv' }).waitFor();
}

test('the empty uploads page has no accessibility violations', async () => {
  const response = await page.goto(`${app.baseUrl}/uploads`);
  assert.equal(response?.status(), 200);
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a preview with warnings has no accessibility violations, nor the page after its commit', async () => {
  await page.goto(`${app.baseUrl}/uploads`);
  await upload('measure_code,period,value,notes\nHOU-01,2024-04,12,x\nHOU-01,2035-04,13,y\n');
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('button', { name: 'Commit the figures' }).click();
  await page.locator('.govuk-notification-banner--success').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a preview with errors, and a refused file, have no accessibility violations', async () => {
  await page.goto(`${app.baseUrl}/uploads`);
  await upload('measure_code,period,value\nHOU-08,2036-04,abc\n');
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(`${app.baseUrl}/uploads`);
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') });
  await page.getByRole('button', { name: 'Preview the file' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
