// A data owner uploads a CSV of figures, reads the preview row by row, commits it and finds the figure on the
// entry form; a file with an error shows it in the error summary and offers no commit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { startTestApp, type TestApp } from '../src/testing/app.ts';
import { launchBrowser, signInAs } from './browser.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'housing.owner@anytown.example', DEMO_PASSWORD);
});
after(async () => {
  await browser.close();
  await app.close();
});

async function preview(name: string, text: string): Promise<void> {
  await page.goto(`${app.baseUrl}/uploads`);
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await Promise.all([
    page.waitForURL(`${app.baseUrl}/uploads`),
    page.getByRole('button', { name: 'Preview the file' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: `Preview of ${name}` }).waitFor();
}

test('a data owner uploads a file, reads the preview and commits it', async () => {
  await preview(
    'october.csv',
    'Measure_Code;Period;Numerator;Denominator;Commentary\nHOU-07;2030-10;45;50;Uploaded in the browser test.\n',
  );
  const row = page.locator('#row-2');
  assert.equal((await row.locator('td').nth(1).innerText()).trim(), 'HOU-07');
  assert.equal((await row.locator('.govuk-tag').innerText()).trim(), 'Accepted');
  assert.match(await row.innerText(), /row 2: a new figure/);

  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('committed')),
    page.getByRole('button', { name: 'Commit the figures' }).click(),
  ]);
  assert.match(
    await page.locator('.govuk-notification-banner--success').innerText(),
    /october.csv is committed/,
  );

  await page.goto(`${app.baseUrl}/my-measures/HOU-07/2030-10`);
  assert.equal(await page.getByLabel('Investigated within timescale').inputValue(), '45');
});

test('a row in error is shown in the error summary and the file cannot be committed', async () => {
  await preview('wrong.csv', 'measure_code,period,value\nHOU-08,2030-11,lots\n');
  const summary = page.locator('.govuk-error-summary');
  assert.match(await summary.innerText(), /row 2, column value: 'lots' is not a number/);
  assert.equal((await page.locator('#row-2 .govuk-tag').innerText()).trim(), 'Error');
  assert.equal(await page.getByRole('button', { name: 'Commit the figures' }).count(), 0);
});
