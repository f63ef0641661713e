// axe (WCAG 2.2 AA) finds nothing on the assurance pages — the inspection register, improvement actions and the
// statutory returns calendar — read and filled in, with and without their error messages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInAs } from '../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let app: TestApp;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
  const first = async (table: 'inspections' | 'improvement_actions' | 'statutory_returns') =>
    (await app.db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  ids.inspection = await first('inspections');
  ids.action = await first('improvement_actions');
  ids.statutoryReturn = await first('statutory_returns');
});
after(async () => {
  await browser.close();
  await app.close();
});

const pages: [string, () => string][] = [
  ['the inspection register', () => '/inspections'],
  ['a service’s inspection timeline', () => '/inspections?service=CHS-CP'],
  ['an inspection', () => `/inspections/${ids.inspection}`],
  ['choosing a framework', () => '/inspections/new'],
  ['the report card form', () => '/inspections/new?framework=OFSTED-REPORT-CARD'],
  ['the inspection edit form', () => `/inspections/${ids.inspection}/edit`],
  ['improvement actions', () => '/actions?status=open'],
  ['an action', () => `/actions/${ids.action}`],
  ['raising an action on a measure', () => '/actions/new?measure=HOU-07&period=2026-27-Q2'],
  ['the statutory returns list', () => '/statutory-returns'],
  ['the statutory returns calendar', () => '/statutory-returns?view=calendar&month=2026-11'],
  ['a statutory return', () => `/statutory-returns/${ids.statutoryReturn}`],
  ['adding a statutory return', () => '/statutory-returns/new'],
  ['the measure page with its actions', () => '/measures/HOU-07'],
];

for (const [name, path] of pages) {
  test(`${name} has no accessibility violations`, async () => {
    const response = await page.goto(`${app.baseUrl}${path()}`);
    assert.equal(response?.status(), 200, `${path()} answered ${response?.status()}`);
    assert.deepEqual(await accessibilityViolations(page), []);
  });
}

test('the assurance forms with their errors shown have no accessibility violations', async () => {
  await page.goto(`${app.baseUrl}/inspections/new?framework=OFSTED-ILACS`);
  await page.locator('#startedOn-day').fill('31');
  await page.locator('#startedOn-month').fill('2');
  await page.getByRole('button', { name: 'Save the inspection' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(`${app.baseUrl}/actions/new`);
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(`${app.baseUrl}/statutory-returns/new`);
  await page.getByRole('button', { name: 'Save the return' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(`${app.baseUrl}/statutory-returns?status=soon`);
  assert.deepEqual(await accessibilityViolations(page), []);
});
