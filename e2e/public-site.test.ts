// The residents' site by keyboard alone: on the home page and a measure page every link and control is reached with
// Tab, shows where the focus is, and does its job with Enter; the search form is filled in and sent with Enter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../src/testing/app.ts';
import { launchBrowser } from './browser.ts';

let app: TestApp;
let browser: Browser;
let page: Page;
let measurePath = '';

before(async () => {
  app = await startTestApp('demo');
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  const code = await sql<{ code: string }>`
    SELECT code FROM measures WHERE status = 'active' AND 'public' = ANY(tags) ORDER BY code LIMIT 1`.execute(
    app.db,
  );
  measurePath = `/public/measures/${encodeURIComponent(code.rows[0]?.code ?? '')}`;
});
after(async () => {
  await browser.close();
  await app.close();
});

interface Stop {
  key: string;
  href: string;
  visible: boolean;
}

/** Every element a keyboard user should reach, in document order, each named by a key set on it. */
function focusables(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const selector =
      'a[href], summary, button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter(
        (el) =>
          el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
      )
      .map((el, i) => {
        el.dataset.kb = String(i);
        return String(i);
      });
  });
}

/** Presses Tab and reports what has the focus and whether the focus can be seen. */
async function tab(target: Page): Promise<Stop | null> {
  await target.keyboard.press('Tab');
  return target.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none';
    const highlighted = style.backgroundColor === 'rgb(255, 221, 0)';
    return {
      key: el.dataset.kb ?? `(unlisted ${el.tagName})`,
      href: el.getAttribute('href') ?? '',
      visible: el.matches(':focus-visible') && (outlined || shadowed || highlighted),
    };
  });
}

async function walk(path: string): Promise<{ expected: string[]; stops: Stop[] }> {
  await page.goto(`${app.baseUrl}${path}`);
  const expected = await focusables(page);
  const stops: Stop[] = [];
  for (let i = 0; i < expected.length + 3; i++) {
    const stop = await tab(page);
    if (!stop || stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  return { expected, stops };
}

for (const [name, path] of [
  ['the home page', () => '/public'],
  ['a measure page', () => measurePath],
] as const) {
  test(`${name}: Tab reaches every link and control, in order, with the focus visible`, async () => {
    const { expected, stops } = await walk(path());
    assert.ok(expected.length >= 10, `${expected.length} focusable elements`);
    assert.deepEqual(
      stops.map((s) => s.key),
      expected,
    );
    assert.deepEqual(
      stops.filter((s) => !s.visible).map((s) => s.href || s.key),
      [],
      'focus not visible on these',
    );
  });

  test(`${name}: Enter on each link goes where it says`, async () => {
    const { stops } = await walk(path());
    for (const [i, stop] of stops.entries()) {
      if (!stop.href) continue;
      await page.goto(`${app.baseUrl}${path()}`);
      for (let n = 0; n <= i; n++) await page.keyboard.press('Tab');
      // A download (the CSV and JSON links) starts a download rather than loading a page.
      const [download] = await Promise.all([
        stop.href.startsWith('#')
          ? Promise.resolve(null)
          : Promise.race([
              page.waitForEvent('load').then(
                () => null,
                () => null,
              ),
              page.waitForEvent('download').catch(() => null),
            ]),
        page.keyboard.press('Enter'),
      ]);
      const url = new URL(download ? download.url() : page.url());
      const expected = new URL(stop.href, `${app.baseUrl}${path()}`);
      assert.equal(
        url.pathname + url.search + url.hash,
        expected.pathname + expected.search + expected.hash,
        stop.href,
      );
    }
  });
}

test('the search form is filled in and sent with the keyboard alone', async () => {
  await page.goto(`${app.baseUrl}/public`);
  let stop = await tab(page);
  for (let i = 0; i < 40 && stop && stop.href !== '/public/search'; i++) stop = await tab(page);
  assert.equal(stop?.href, '/public/search');
  await Promise.all([page.waitForURL(/\/public\/search$/), page.keyboard.press('Enter')]);
  let field = await page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 40 && field !== 'q'; i++) {
    await page.keyboard.press('Tab');
    field = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(field, 'q');
  await page.keyboard.type('care');
  await Promise.all([page.waitForURL(/q=care/), page.keyboard.press('Enter')]);
  assert.ok((await page.locator('a[href^="/public/measures/"]').count()) > 0, 'results are listed');
  // And the Search button itself, reached by Tab from the box, sends the form with Enter.
  await page.locator('#q').fill('recycling');
  await page.locator('#q').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Search');
  await Promise.all([page.waitForURL(/q=recycling/), page.keyboard.press('Enter')]);
});

test('printed, a measure page leaves out the navigation and fits its chart to the page', async () => {
  await page.goto(`${app.baseUrl}${measurePath}`);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 700, height: 1000 });
  try {
    assert.equal(await page.locator('.govuk-service-navigation').isVisible(), false);
    assert.equal(await page.locator('.govuk-breadcrumbs').isVisible(), false);
    const chart = await page.locator('.app-public-chart svg').boundingBox();
    assert.ok(chart && chart.width <= 700, `chart ${chart?.width}px wide on a 700px page`);
    const download = await page
      .locator('a[href$=".csv"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    assert.match(download, /\/public\/data\/measures\/.+\.csv/);
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});
