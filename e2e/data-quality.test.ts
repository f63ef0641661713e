// axe (WCAG 2.2 AA) finds no violations on the data-quality pages: the dashboard, a drill-down, a figure's findings
// with the raise form (and its error), a finding with the response form, and a school's own view of its feedback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityViolations, demoSiteInBrowser } from './browser.ts';

const { url, pageAs } = demoSiteInBrowser();

async function clean(page: Page, path: string): Promise<void> {
  const response = await page.goto(url(path));
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  assert.deepEqual(await accessibilityViolations(page), [], path);
}

test('the officer’s dashboard, a drill-down, a figure’s findings and the raise form with its error are accessible', async () => {
  const page = await pageAs('performance@anytown.example');
  await clean(page, '/data-quality');
  // The latest round is October's, which asks nothing of schools; their academic year falls in Q2's.
  await page.getByLabel('Collection round').selectOption({ label: 'Q2 2026/27' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('heading', { name: 'Data quality' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('link', { name: /open findings, Brookfield Primary School/ }).click();
  await page.getByRole('heading', { name: 'Figures with open findings' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('link', { name: /Pupils eligible for free school meals/ }).click();
  await page.getByRole('heading', { name: 'Raise a finding' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('button', { name: 'Raise the finding' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('What is wrong with this figure').fill('Only new registrations seem to be counted');
  await page.getByRole('button', { name: 'Raise the finding' }).click();
  await page.getByText('The finding is raised').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('a school sees its own feedback on its measures, its entry form and its dashboard, all accessible', async () => {
  const page = await pageAs('school.provider@anytown.example');
  await clean(page, '/my-measures');
  await clean(page, '/my-measures/EDU-01/AY2025-26?provider=SCH-CASTLE');
  await clean(page, '/data-quality');
  assert.match(await page.content(), /Castle Hill Primary School/);
});

test('a finding with its response form, and the form’s error, are accessible', async () => {
  const page = await pageAs('housing.owner@anytown.example');
  await clean(page, '/my-measures');
  await page
    .getByRole('link', { name: /Respond/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Send response' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
