// axe (WCAG 2.2 AA) finds nothing on any page of the residents' site: every HTML page the crawler reaches from the
// home page, plus the 404 page and search with results, no results and an error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser } from '../../e2e/browser.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { crawlPublic } from './crawl.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
after(async () => {
  await browser.close();
  await app.close();
});

test('every public page the crawler finds has no accessibility violations', async () => {
  const pages = (await crawlPublic(app.baseUrl)).filter(
    (c) => c.status === 200 && c.contentType.startsWith('text/html'),
  );
  assert.ok(pages.length >= 30, `the crawl found ${pages.length} pages`);
  const problems: string[] = [];
  for (const crawled of pages) {
    await page.goto(`${app.baseUrl}${crawled.path}`);
    for (const v of await accessibilityViolations(page)) problems.push(`${crawled.path}: ${v}`);
  }
  assert.deepEqual(problems, []);
});

for (const path of [
  '/public/search?q=care',
  '/public/search?q=zzzqqq',
  `/public/search?q=${'a'.repeat(201)}`,
  '/public/nothing-here',
])
  test(`${path.slice(0, 40)} has no accessibility violations`, async () => {
    await page.goto(`${app.baseUrl}${path}`);
    assert.deepEqual(await accessibilityViolations(page), []);
  });
