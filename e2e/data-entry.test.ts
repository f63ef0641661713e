// A data owner signs in, reads the overview, enters a figure and sees the judgement change; another service's
// data owner is refused the same form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { startTestApp, type TestApp } from '../src/testing/app.ts';
import { launchBrowser, signInAs } from './browser.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await app.close();
});

async function ragOnOverview(page: Page, code: string): Promise<string> {
  await page.goto(`${app.baseUrl}/overview`);
  const row = page.locator('tr', { hasText: code }).first();
  return (await row.locator('.app-rag').innerText()).trim();
}

async function enterRatio(page: Page, code: string, period: string, numerator: string, denominator: string) {
  await page.goto(`${app.baseUrl}/my-measures/${code}/${period}`);
  await page.getByLabel('Investigated within timescale').fill(numerator);
  await page.getByLabel('Reports due for investigation').fill(denominator);
  await page.getByLabel('Commentary (optional)').fill('Entered by the browser test.');
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/my-measures/')),
    page.getByRole('button', { name: 'Save figure' }).click(),
  ]);
}

test('a data owner enters a figure and sees the RAG on the overview change from off target to on target', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, app.baseUrl, 'housing.owner@anytown.example', DEMO_PASSWORD);

  await page.goto(`${app.baseUrl}/overview`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());

  // Damp and mould: target 100% within Awaab's Law timescales, tolerance 5 points.
  await enterRatio(page, 'HOU-07', '2026-10', '10', '50');
  assert.match(await ragOnOverview(page, 'HOU-07'), /Off target/);

  await enterRatio(page, 'HOU-07', '2026-10', '50', '50');
  assert.match(await ragOnOverview(page, 'HOU-07'), /On target/);
  await context.close();
});

test("another service's data owner is refused the damp and mould entry form", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, app.baseUrl, 'adults.owner@anytown.example', DEMO_PASSWORD);
  const response = await page.goto(`${app.baseUrl}/my-measures/HOU-07/2026-10`);
  assert.equal(response?.status(), 404);
  assert.equal(await page.getByRole('button', { name: 'Save figure' }).count(), 0);
  await page.goto(`${app.baseUrl}/overview`);
  assert.equal(
    await page.locator('tr', { hasText: 'HOU-07' }).count(),
    0,
    'the housing measure is not in their overview',
  );
  await context.close();
});
