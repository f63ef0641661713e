// The structure pages in a real browser: every page, a form with errors and the stale-version page pass axe
// (WCAG 2.2 AA), and after a stale edit the person can save again knowingly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInAs } from '../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let browser: Browser;
let page: Page;

before(async () => {
  t = await startTestApp('demo');
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  await signInAs(page, t.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
});
after(async () => {
  await browser.close();
  await t.close();
});

test('every structure page and form passes axe', async () => {
  const paths = [
    '/structure',
    '/structure/strategy',
    '/structure/directorates/CHS',
    '/structure/services/CHS-EDU',
    '/structure/portfolios/PF-RES',
    '/structure/committees/SC-CYP',
    '/structure/committees/CMT',
    '/structure/priorities/PR2/edit',
    '/structure/outcomes/new?priority=PR1',
    '/structure/directorates/new',
    '/structure/services/CHS-EDU/edit',
    '/structure/portfolios/PF-RES/edit',
    '/structure/committees/new',
  ];
  for (const path of paths) {
    await page.goto(t.baseUrl + path);
    assert.deepEqual(await accessibilityViolations(page), [], path);
  }
});

test('a form with errors passes axe and its summary links to the fields', async () => {
  await page.goto(`${t.baseUrl}/structure/portfolios/new`);
  await page.getByLabel('Code').fill('pf 9');
  await page.getByRole('button', { name: 'Save' }).click();
  assert.equal(await page.locator('.govuk-error-summary a[href="#code"]').count(), 1);
  assert.equal(await page.locator('.govuk-error-summary a[href="#title"]').count(), 1);
  assert.equal(await page.getByLabel('Code').inputValue(), 'pf 9');
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a stale edit shows what is saved now, passes axe, and saving again then succeeds', async () => {
  await page.goto(`${t.baseUrl}/structure/committees/SC-RG/edit`);
  await t.db
    .updateTable('committees')
    .set((eb) => ({ chair_name: 'Cllr New Chair', version: eb('version', '+', 1) }))
    .where('code', '=', 'SC-RG')
    .execute();
  await page.getByLabel('Title').fill('Resources Scrutiny Committee');
  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(
    await page.locator('.govuk-error-summary').innerText(),
    /Someone else changed this since you opened it/,
  );
  assert.match(await page.locator('.govuk-summary-list').innerText(), /Cllr New Chair/);
  assert.deepEqual(await accessibilityViolations(page), []);

  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(new URL(page.url()).pathname, /^\/structure\/committees\/SC-RG$/);
  assert.match(await page.locator('h1').innerText(), /Resources Scrutiny Committee/);
});
