// The assurance registers in Chromium: a performance officer records a report card (only its own scales offered),
// raises an action on its recommendation, and the action's owner closes it with a progress note; a data owner
// works a statutory return from preparation to quality-checked by ticking its checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityViolations, demoSiteInBrowser } from './browser.ts';

const { url, pageAs } = demoSiteInBrowser();

test('an officer records a report card and raises an action on its recommendation', async () => {
  const page = await pageAs('performance@anytown.example');
  await page.goto(url('/inspections'));
  await page.getByRole('link', { name: 'Record an inspection' }).click();
  await page.getByLabel(/School inspection report card/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Service inspected').selectOption({ label: 'Education & Schools' });
  await page.getByLabel('Title').fill('Millbrook Primary School report card, 2026');
  for (const [prefix, [d, m, y]] of [
    ['startedOn', ['3', '11', '2026']],
    ['endedOn', ['4', '11', '2026']],
  ] as const) {
    await page.locator(`#${prefix}-day`).fill(d);
    await page.locator(`#${prefix}-month`).fill(m);
    await page.locator(`#${prefix}-year`).fill(y);
  }
  const inclusion = page.getByLabel('Inclusion');
  assert.deepEqual(await inclusion.locator('option').allTextContents(), [
    'Not judged',
    'Exceptional',
    'Strong standard',
    'Expected standard',
    'Needs attention',
    'Urgent improvement',
  ]);
  await inclusion.selectOption('Expected standard');
  await page.getByLabel('Safeguarding').selectOption('Met');
  await page.getByLabel('Recommendations').fill('Improve reading fluency in key stage 1.');
  await page.getByRole('button', { name: 'Save the inspection' }).click();
  await page.getByText('The inspection was saved').waitFor();
  await page.getByText('No overall grade under this framework').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('link', { name: /Raise an action/ }).click();
  await page.getByLabel('What will be done').fill('Phonics catch-up groups for Year 2');
  await page.getByLabel('Owner').selectOption({ label: 'Leah Thompson' });
  await page.locator('#dueOn-day').fill('31');
  await page.locator('#dueOn-month').fill('3');
  await page.locator('#dueOn-year').fill('2027');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await page.getByText('The action was saved').waitFor();
  await page.getByRole('link', { name: /Recommendation 1 of Millbrook Primary School/ }).click();
  await page.getByText('Phonics catch-up groups for Year 2').waitFor();
});

test('a data owner ticks a return’s checks and marks it quality-checked', async () => {
  const page = await pageAs('housing.owner@anytown.example');
  await page.goto(url('/statutory-returns?status=overdue'));
  await page.getByRole('link', { name: 'Homelessness case-level collection (H-CLIC)' }).first().click();
  while ((await page.getByRole('button', { name: /^Tick: / }).count()) > 0) {
    await page
      .getByRole('button', { name: /^Tick: / })
      .first()
      .click();
    await page.getByText('The return was saved').waitFor();
  }
  await page.getByLabel('Quality-checked').check();
  await page.getByRole('button', { name: 'Change the status' }).click();
  await page.getByText('The return was saved').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Tick: |^Untick: / }).count(), 0);
  assert.deepEqual(await accessibilityViolations(page), []);
});
