// axe (WCAG 2.2 AA) finds no violations on the pages people use most: sign-in, overview, measure page, entry form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { startTestApp, type TestApp } from '../src/testing/app.ts';
import { accessibilityViolations, launchBrowser, signInAs } from './browser.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});

let housingOwnerPage: Page | undefined;

/** A second browser context signed in as a data owner, kept apart from the anonymous page. */
async function signedInPage(): Promise<Page> {
  if (!housingOwnerPage) {
    housingOwnerPage = await (await browser.newContext()).newPage();
    await signInAs(housingOwnerPage, app.baseUrl, 'housing.owner@anytown.example', DEMO_PASSWORD);
  }
  return housingOwnerPage;
}
after(async () => {
  await browser.close();
  await app.close();
});

test('the sign-in page has no accessibility violations, with and without errors shown', async () => {
  await page.goto(`${app.baseUrl}/sign-in`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

const signedInPages = [
  ['the performance overview', '/overview'],
  ['the overview filtered to special cause concern', '/overview?spc=concern'],
  ['a measure page', '/measures/HOU-07'],
  ['the data entry form', '/my-measures/HOU-07/2026-10'],
  ['the list of measures to enter', '/my-measures'],
  ['the measure library', '/measures'],
];

for (const [name, path] of signedInPages) {
  test(`${name} has no accessibility violations`, async () => {
    const userPage = await signedInPage();
    const response = await userPage.goto(`${app.baseUrl}${path}`);
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    assert.deepEqual(await accessibilityViolations(userPage), []);
  });
}

test('the entry form with validation errors has no accessibility violations', async () => {
  const userPage = await signedInPage();
  await userPage.goto(`${app.baseUrl}/my-measures/HOU-07/2026-10`);
  await userPage.getByLabel('Investigated within timescale').fill('abc');
  await userPage.getByRole('button', { name: 'Save figure' }).click();
  await userPage.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(userPage), []);
});

test('a measure page with an SPC chart has no accessibility violations', async () => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
  const response = await page.goto(`${app.baseUrl}/measures/ASC-01`);
  assert.equal(response?.status(), 200);
  await page.getByRole('heading', { name: 'Statistical process control' }).waitFor();
  await page.getByText('How to read this').click();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a year-to-date measure page with its year-end forecast has no accessibility violations', async () => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
  const response = await page.goto(`${app.baseUrl}/measures/RES-01`);
  assert.equal(response?.status(), 200);
  await page.getByRole('heading', { name: /Year-end forecast/ }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('the collection rounds page, its errors, and a round with its chase list have no accessibility violations', async () => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
  await page.goto(`${app.baseUrl}/rounds`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('Period', { exact: true }).fill('2026-09');
  await page.getByLabel('Deadline', { exact: true }).fill('2026-09-15');
  await page.getByRole('button', { name: 'Open the round' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('Deadline', { exact: true }).fill('2026-10-20');
  await page.getByRole('button', { name: 'Open the round' }).click();
  await page.getByRole('heading', { name: 'Chase list' }).waitFor();
  assert.match(await page.content(), /figures due/);
  assert.deepEqual(await accessibilityViolations(page), []);
});

test("a data owner's return, with a row's error shown and after saving a draft, has no accessibility violations", async () => {
  const officer = await (await browser.newContext()).newPage();
  await signInAs(officer, app.baseUrl, 'performance@anytown.example', DEMO_PASSWORD);
  await officer.goto(`${app.baseUrl}/rounds`);
  await officer.getByLabel('Period', { exact: true }).fill('2035-06');
  await officer.getByLabel('Deadline', { exact: true }).fill('2035-07-15');
  await officer.getByRole('button', { name: 'Open the round' }).click();
  await officer.getByRole('heading', { name: 'Chase list' }).waitFor();

  const owner = await signedInPage();
  await owner.goto(`${app.baseUrl}/my-returns`);
  await owner.getByRole('heading', { name: 'Your return' }).waitFor();
  assert.deepEqual(await accessibilityViolations(owner), []);
  const firstFigure = owner.getByRole('textbox', { name: /^Figure for / }).first();
  await firstFigure.fill('not a number');
  await owner.getByRole('button', { name: 'Save as draft' }).click();
  await owner.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(owner), []);
  await owner
    .getByRole('textbox', { name: /^Figure for / })
    .first()
    .fill('12');
  await owner.getByRole('button', { name: 'Save as draft' }).click();
  await owner.getByText('Saved 1 figure as a draft').waitFor();
  assert.deepEqual(await accessibilityViolations(owner), []);
});
