// THE LEAK CRAWLER: with figures planted at every stage before publication, a correction in progress and a published
// figure of a non-public measure, nothing reachable from /public — any page, download or API answer — shows any of
// them, nor any of the demo's own unpublished figures of public measures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { crawlPublic, type Crawled } from './crawl.ts';
import { plantSentinels, unpublishedDemoFigures, type Sentinel } from './leak.fixtures.ts';
import { openDataUrls } from './open-data.ts';
import { PublicCache } from './public-cache.ts';
import { publicCouncil } from './public-council.ts';

let app: TestApp;
let crawled: Crawled[];
let planted: Sentinel[];
let control: Sentinel;
let demoUnpublished: Sentinel[];

before(async () => {
  app = await startTestApp('demo');
  const council = await publicCouncil(app.db, undefined);
  assert.ok(council);
  demoUnpublished = await unpublishedDemoFigures(app.db, council.id);
  ({ hidden: planted, control } = await plantSentinels(app.db, council.id));
  // Seeded with every download, feed and API address too, whether or not a page links to it.
  const snapshot = await new PublicCache(app.db).current();
  assert.ok(snapshot);
  crawled = await crawlPublic(app.baseUrl, { seeds: ['/public', ...openDataUrls(snapshot)] });
});
after(() => app.close());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form found as a whole figure: "12.5%" is not found inside "112.5%" or "12.55". */
const shows = (body: string, form: string) => new RegExp(`(?<![\\d.,])${escape(form)}(?![\\d])`).test(body);

function leaks(sentinels: Sentinel[]): string[] {
  const found: string[] = [];
  for (const page of crawled)
    for (const s of sentinels)
      for (const form of s.forms)
        if (shows(page.body, form)) found.push(`${page.path} shows “${form}” — ${s.what}`);
  return found;
}

test('the crawl reaches every kind of public page from the home page', () => {
  const paths = crawled.map((c) => c.path);
  for (const kind of [
    '/public/priorities/',
    '/public/outcomes/',
    '/public/measures/',
    '/public/reports/',
    '/public/search',
    '/public/inspections',
    '/public/accessibility',
    '/public/data/measures/',
    '/public/feed.atom',
    '/api/public/v1/measures/',
  ])
    assert.ok(
      paths.some((p) => p.startsWith(kind)),
      `no ${kind} page found among ${paths.length}`,
    );
  assert.ok(paths.filter((p) => p.startsWith('/public/measures/')).length >= 10);
});

test('every public address the site names answers', () => {
  assert.deepEqual(
    crawled
      .filter((c) => c.status !== 200)
      .map((c) => `${c.path} ${c.status} (found on ${c.foundOn || 'seeds'})`),
    [],
  );
});

test('no planted figure before publication, in correction, or of a non-public measure appears anywhere', () => {
  assert.equal(planted.length, 6);
  assert.deepEqual(leaks(planted), []);
});

test('none of the demo’s own unpublished figures of public measures appears anywhere', () => {
  const distinctive = demoUnpublished.filter((s) => s.forms.every((f) => /\d[.,]\d/.test(f)));
  assert.ok(
    distinctive.length >= 5,
    `the demo has unpublished public figures to look for (${distinctive.length})`,
  );
  assert.deepEqual(leaks(distinctive), []);
});

test('the same search finds a sentinel planted in a published figure of a public measure', () => {
  // The control: planted the same way, formatted the same way, but published and public, so it must be found.
  const found = leaks([control]);
  assert.ok(found.length > 0, `${control.what} was not found on any page`);
  assert.ok(found.some((f) => f.includes('/public/measures/')));
});
