// The open data page in a browser, as a resident with no account sees it: axe finds no WCAG 2.2 AA violation, every
// link works from the keyboard alone, and each download it lists answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityViolations, demoSiteInBrowser } from '../../e2e/browser.ts';

const site = demoSiteInBrowser();
// One page for the file, opened by the first test (the site's own before() hook starts the app and browser).
let opened: Page | undefined;
const residentPage = async () => (opened ??= await site.anonymousPage());

test('the open data page has no accessibility violations and names the licence', async () => {
  const page = await residentPage();
  const response = await page.goto(site.url('/public/data'));
  assert.equal(response?.status(), 200);
  await page.getByRole('heading', { name: 'Open data', level: 1 }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Open Government Licence v3.0' }).first().isVisible());
  assert.deepEqual(await accessibilityViolations(page), []);
});

test('every download on the page answers, and the first is reached and opened with the keyboard', async () => {
  const page = await residentPage();
  await page.goto(site.url('/public/data'));
  const hrefs = await page
    .locator('main a[href^="/public/data/"], main a[href^="/api/public/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(hrefs.length > 20, `${hrefs.length} links`);
  for (const href of hrefs) assert.equal((await fetch(site.url(href))).status, 200, href);

  await page.keyboard.press('Tab');
  for (let i = 0; i < 40; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    if (focused === '/public/data/measures.csv') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('href')),
    '/public/data/measures.csv',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download').catch(() => null),
    page.keyboard.press('Enter'),
  ]);
  // A browser may show the CSV or save it; either way it was opened from the keyboard.
  assert.ok(download !== null || page.url().endsWith('/public/data/measures.csv'));
});
