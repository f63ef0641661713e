// The Atom feed on the demo council: valid XML in the Atom namespace, one entry per public report and per public
// measure's latest published figure, newest first, each titled as residents read it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let councilId: string;

before(async () => {
  t = await startTestApp('demo');
  const council = await sql<{ id: string }>`SELECT id::text FROM councils ORDER BY id LIMIT 1`.execute(t.db);
  councilId = council.rows[0]?.id ?? '';
});
after(() => t.close());

async function get(path: string): Promise<Response> {
  const response = await fetch(t.baseUrl + path);
  assert.equal(response.status, 200, `${path} answers 200`);
  return response;
}

test('the feed is Atom XML with each public report and each measure’s latest figure, newest first', async () => {
  const response = await get('/public/feed.atom');
  assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  const errors: string[] = [];
  const xml = new DOMParser({
    errorHandler: { warning: () => {}, error: (e) => errors.push(e), fatalError: (e) => errors.push(e) },
  }).parseFromString(await response.text(), 'application/xml');
  assert.deepEqual(errors, []);
  const atom = 'http://www.w3.org/2005/Atom';
  const feed = xml.documentElement;
  assert.equal(feed?.namespaceURI, atom);
  assert.equal(feed?.localName, 'feed');
  const child = (el: Element, name: string) =>
    Array.from(el.childNodes).filter((n): n is Element => (n as Element).localName === name);
  const text = (el: Element, name: string) => child(el, name)[0]?.textContent ?? '';
  const root = feed as Element;
  const self = child(root, 'link').find((l) => l.getAttribute('rel') === 'self');
  assert.match(self?.getAttribute('href') ?? '', /\/public\/feed\.atom$/);
  const entries = child(root, 'entry');
  const updated = entries.map((e) => Date.parse(text(e, 'updated')));
  assert.deepEqual(
    updated,
    [...updated].sort((a, b) => b - a),
    'newest first',
  );
  assert.equal(Date.parse(text(root, 'updated')), updated[0]);
  for (const e of entries)
    for (const name of ['id', 'title', 'updated']) assert.ok(text(e, name), `entry has ${name}`);

  const reports = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM reports r JOIN report_sets rs ON rs.id = r.report_set_id
     WHERE rs.audience = 'public' AND r.status = 'published'`.execute(t.db);
  const latest = await sql<{ code: string; title: string; published_at: Date }>`
    SELECT DISTINCT ON (m.code) m.code, m.title, pv.published_at FROM published_values pv JOIN measures m ON m.id = pv.measure_id
     WHERE pv.council_id = ${councilId} AND pv.breakdown = '' AND pv.value IS NOT NULL AND m.status = 'active' AND 'public' = ANY(m.tags)
     ORDER BY m.code, pv.period_end DESC`.execute(t.db);
  assert.equal(entries.length, (reports.rows[0]?.n ?? 0) + latest.rows.length);
  for (const m of latest.rows) {
    const entry = entries.find((e) => text(e, 'title').startsWith(`${m.title}: `));
    assert.ok(entry, `an entry for ${m.code}`);
    assert.match(
      text(entry, 'title'),
      / for (Q\d \d{4}\/\d{2}|\d{4}\/\d{2}|[A-Z][a-z]+ \d{4}|Academic year .*)$/,
    );
    assert.equal(Date.parse(text(entry, 'updated')), m.published_at.getTime());
  }
});
