// axe (WCAG 2.2 AA) finds nothing on the report-set pages and the committee terms pages, as each person sees them
// (with the sign-off and change buttons shown) and with their error messages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInAs } from '../../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { saveTermsOfReference } from '../../structure/committee-terms.service.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';
import { requestReportSetChange } from './changes.service.ts';
import { aSet, governanceUsers } from './report-sets.fixtures.ts';
import { proposeReportSet, signOffReportSet } from './sign-off.service.ts';

let app: TestApp;
let browser: Browser;
const pages = new Map<string, Page>();
let proposedName = '';
let signedName = '';

before(async () => {
  app = await startTestApp('demo');
  const users = await governanceUsers(app.db);
  const proposed = await aSet(app.db, users.officer);
  await proposeReportSet(app.db, users.director, proposed.name, { version: proposed.version });
  proposedName = proposed.name;
  const signed = await aSet(app.db, users.officer);
  const p = await proposeReportSet(app.db, users.director, signed.name, { version: signed.version });
  await signOffReportSet(app.db, users.cabinet, signed.name, { version: p.version });
  await requestReportSetChange(app.db, users.director, signed.name, {
    change: 'add',
    measure: 'HOU-08',
    reason: 'Hazards found after the damp and mould review.',
  });
  signedName = signed.name;
  // SC-PH gets a history of its terms, so the committee page shows the table of versions.
  await saveTermsOfReference(app.db, users.officer, 'SC-PH', {
    version: '1',
    termsOfReference: 'To scrutinise council housing, homelessness, waste, highways and planning.',
    themes: 'council housing\ndamp and mould',
    services: ['HOU-RM', 'HOU-HO', 'PLE-WR'],
    note: 'Annual review',
  });
  await aSet(app.db, users.officer, {
    name: 'a11y-committee',
    audience: 'committee',
    portfolio: '',
    committee: 'SC-PH',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await app.close();
});

async function pageAs(who: string): Promise<Page> {
  const known = pages.get(who);
  if (known) return known;
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, app.baseUrl, `${who}@anytown.example`, DEMO_PASSWORD);
  pages.set(who, page);
  return page;
}

async function clean(who: string, path: string): Promise<void> {
  const page = await pageAs(who);
  const response = await page.goto(`${app.baseUrl}${path}`);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  assert.deepEqual(await accessibilityViolations(page), []);
}

// Paths are functions: the sets' names are known only once `before` has made them.
const cases: [string, string, () => string][] = [
  ['the list with sets awaiting the Cabinet Member', 'cabinet.housing', () => '/report-sets'],
  ['the list with sets awaiting the director', 'director.housing', () => '/report-sets'],
  [
    'a proposed set with the Cabinet Member’s decision form',
    'cabinet.housing',
    () => `/report-sets/${proposedName}`,
  ],
  ['a signed-off set with a change awaiting decision', 'cabinet.housing', () => `/report-sets/${signedName}`],
  ['a committee set with its flagged measures', 'councillor', () => '/report-sets/a11y-committee'],
  ['the add form proposed from a committee', 'performance', () => '/report-sets/new?committee=SC-PH'],
  ['the edit form of a locked set', 'performance', () => `/report-sets/${signedName}/edit`],
  ['the change request form', 'director.housing', () => `/report-sets/${signedName}/changes/new`],
  ['the committee page with its history', 'performance', () => '/structure/committees/SC-PH'],
  ['the terms of reference form', 'performance', () => '/structure/committees/SC-PH/terms'],
];

for (const [name, who, path] of cases) {
  test(`${name} has no accessibility violations`, async () => clean(who, path()));
}

test('the Cabinet Member’s decision form with its error shown has no accessibility violations', async () => {
  const page = await pageAs('cabinet.housing');
  await page.goto(`${app.baseUrl}/report-sets/${proposedName}`);
  await page.getByRole('button', { name: 'Return with comments' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('the add form and the change form with their errors shown have no accessibility violations', async () => {
  const officer = await pageAs('performance');
  await officer.goto(`${app.baseUrl}/report-sets/new`);
  await officer.getByLabel('Name').fill('Not A Name');
  await officer.getByRole('button', { name: 'Save report set' }).click();
  await officer.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(officer), []);

  const director = await pageAs('director.housing');
  await director.goto(`${app.baseUrl}/report-sets/${signedName}/changes/new`);
  await director.getByRole('button', { name: 'Request the change' }).click();
  await director.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(director), []);
});

test('the terms of reference form with its errors shown has no accessibility violations', async () => {
  const page = await pageAs('performance');
  await page.goto(`${app.baseUrl}/structure/committees/SC-PH/terms`);
  await page.getByLabel('Themes').fill('x'.repeat(120));
  await page.getByRole('button', { name: 'Save terms of reference' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
