// THE LEAK CRAWLER: with figures planted at every stage before publication, a correction in progress and a published
// figure of a non-public measure, nothing reachable from /public — any page, download or API answer — shows any of
// them, nor any of the demo's own unpublished figures of public measures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { crawlPublic, type Crawled } from './crawl.ts';
import { plantSentinels, unpublishedDemoFigures, type Sentinel } from './leak.fixtures.ts';
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
  crawled = await crawlPublic(app.baseUrl);
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
  ])
    assert.ok(
      paths.some((p) => p.startsWith(kind)),
      `no ${kind} page found among ${paths.length}`,
    );
  assert.ok(paths.filter((p) => p.startsWith('/public/measures/')).length >= 10);
});

test('every public page the site links to answers, and none fails', () => {
  const failed = crawled.filter((c) => c.status >= 500).map((c) => `${c.path} ${c.status}`);
  assert.deepEqual(failed, []);
  // Downloads, the feed and the API are the open-data helper's; until merged they may not answer yet.
  const pages = crawled.filter((c) => !/^\/public\/(data|feed)/.test(c.path) && !c.path.startsWith('/api/'));
  assert.deepEqual(
    pages.filter((c) => c.status !== 200).map((c) => `${c.path} ${c.status} (linked from ${c.foundOn})`),
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
