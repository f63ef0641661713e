// The approval workflow in Chromium: a director ticks figures and approves them together, an officer returns one
// with a comment; axe (WCAG 2.2 AA) finds no violations on the queue, the return form (with and without its
// error) and the audit-log search.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityViolations, demoSiteInBrowser } from './browser.ts';

const { url, pageAs } = demoSiteInBrowser();

test('a director approves two figures at once from the queue, which has no accessibility violations', async () => {
  const page = await pageAs('director.housing@anytown.example');
  await page.goto(url('/approvals'));
  await page.getByRole('heading', { name: 'Awaiting approval' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  const boxes = page.getByRole('checkbox');
  const before = await boxes.count();
  assert.ok(before >= 2, `${before} figures awaiting approval`);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Approve the selected figures' }).click();
  await page.getByText('2 figures moved on').waitFor();
  assert.equal(await page.getByRole('checkbox').count(), before - 2);
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('an officer returns a figure with a comment; the form and its error have no accessibility violations', async () => {
  const page = await pageAs('performance@anytown.example');
  await page.goto(url('/approvals?stage=validate'));
  await page
    .getByRole('link', { name: /^Return / })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Return this figure to its owner' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('button', { name: 'Return the figure' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('Why are you returning it?').fill('Please check the denominator.');
  await page.getByRole('button', { name: 'Return the figure' }).click();
  await page.getByText('was returned to its owner').waitFor();
});

test('the audit-log search, with results and with an error, has no accessibility violations', async () => {
  const page = await pageAs('admin@anytown.example');
  await page.goto(url('/audit'));
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByLabel('From').fill('2026-02-30');
  await page.getByRole('button', { name: 'Search the log' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
