// axe (WCAG 2.2 AA) finds nothing on any page of the residents' site: every HTML page the crawler reaches from the
// home page, plus the 404 page and search with results, no results and an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityViolations, demoSiteInBrowser } from '../../e2e/browser.ts';
import { crawlPublic } from './crawl.ts';

const site = demoSiteInBrowser();
// One page for the file, opened by the first test (the site's own before() hook starts the app and browser).
let opened: Page | undefined;
const residentPage = async () => (opened ??= await site.anonymousPage());

test('every public page the crawler finds has no accessibility violations', async () => {
  const page = await residentPage();
  const pages = (await crawlPublic(site.url(''))).filter(
    (c) => c.status === 200 && c.contentType.startsWith('text/html'),
  );
  assert.ok(pages.length >= 30, `the crawl found ${pages.length} pages`);
  const problems: string[] = [];
  for (const crawled of pages) {
    await page.goto(site.url(crawled.path));
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
    const page = await residentPage();
    await page.goto(site.url(path));
    assert.deepEqual(await accessibilityViolations(page), []);
  });
