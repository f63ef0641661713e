// Report sets and reports in Chromium, end to end: the performance team makes a portfolio's set, its director
// proposes it, its Cabinet Member signs it off, and the team generates (watching its progress) and publishes the
// report; axe (WCAG 2.2 AA) finds no violations on the set form, the set page, the reports list and the report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMailer } from '../src/jobs/mailer.ts';
import { accessibilityViolations, demoSiteInBrowser } from './browser.ts';

const { url, pageAs } = demoSiteInBrowser({
  // Announcements are logged, not sent: the HTTP tests receive them on a real SMTP listener.
  reportMailer: createMailer({ from: 'performance@anytown.example' }, { info: () => undefined }),
});
const SET = 'portfolio-housing-2027-28';

test('a director proposes, the Cabinet Member signs off, and the report is generated and published', async () => {
  const officer = await pageAs('performance@anytown.example');
  await officer.goto(url('/report-sets/new'));
  assert.deepEqual(await accessibilityViolations(officer), []);
  await officer.getByLabel('Name').fill(SET);
  await officer.getByLabel('Title').fill('Housing: portfolio performance 2027/28');
  await officer.getByLabel('A Cabinet portfolio').check();
  await officer.locator('#portfolio').selectOption({ label: 'Housing' });
  await officer.getByLabel('Financial year').fill('2027-28');
  for (const code of ['HOU-03', 'HOU-05', 'HOU-07']) {
    const box = officer.getByRole('checkbox', { name: new RegExp(`^${code} `) });
    if (!(await box.isVisible())) await officer.getByText(/^Housing: \d+ ticked$/).click();
    await box.check();
  }
  await officer.getByRole('button', { name: 'Save report set' }).click();
  await officer.getByRole('heading', { name: /Housing: portfolio performance 2027\/28/ }).waitFor();

  const director = await pageAs('director.housing@anytown.example');
  await director.goto(url(`/report-sets/${SET}`));
  assert.deepEqual(await accessibilityViolations(director), []);
  await director.getByRole('button', { name: 'Propose for sign-off' }).click();
  await director
    .getByText(/Proposed/)
    .first()
    .waitFor();

  const cabinet = await pageAs('cabinet.housing@anytown.example');
  await cabinet.goto(url(`/report-sets/${SET}`));
  await cabinet.getByRole('button', { name: 'Sign off', exact: true }).click();
  await cabinet.getByText(/Signed off by Cllr Priya Shah/).waitFor();

  await officer.goto(url('/reports'));
  assert.deepEqual(await accessibilityViolations(officer), []);
  await officer.getByLabel('Report set').selectOption(SET);
  await officer.getByLabel('Period').fill('2026-27-Q2');
  await officer.getByRole('button', { name: 'Generate the report' }).click();
  // The page refreshes itself while the job works, then offers to publish.
  await officer.getByRole('button', { name: 'Publish this report' }).waitFor({ timeout: 60_000 });
  await officer.getByRole('heading', { name: 'Exceptions' }).waitFor();
  assert.equal(await officer.getByRole('heading', { name: /HOU-07 / }).count(), 1);
  assert.deepEqual(await accessibilityViolations(officer), []);
  await officer.getByRole('button', { name: 'Publish this report' }).click();
  await officer.getByText('The report is published').waitFor();

  const councillor = await pageAs('councillor@anytown.example');
  await councillor.goto(url('/reports'));
  await councillor.getByRole('link', { name: 'Housing: portfolio performance 2027/28' }).click();
  await councillor.getByText('This report is frozen as published').waitFor();
  assert.deepEqual(await accessibilityViolations(councillor), []);
});
