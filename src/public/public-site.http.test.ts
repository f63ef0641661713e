// The residents' pages over HTTP on the demo council: open to anyone (and to signed-in staff), 404 in the public
// frame for anything not public, search over public measures only, pages kept and shared-cacheable, and a figure
// appearing once it is published.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { formatValue, type Unit } from '../assessment/index.ts';
import { labelOfPeriod } from '../reporting/present.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let app: TestApp;
before(async () => {
  app = await startTestApp('demo');
});
after(() => app.close());

const get = async (path: string) => {
  const response = await fetch(app.baseUrl + path, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
};

async function measureOf(isPublic: boolean) {
  const r = await sql<{ code: string; title: string }>`
    SELECT code, title FROM measures WHERE status = 'active' AND ('public' = ANY(tags)) = ${isPublic}
     ORDER BY code LIMIT 1`.execute(app.db);
  const row = r.rows[0];
  assert.ok(row);
  return row;
}

describe('what is not public is not there', () => {
  test('an unknown measure code answers 404 in the residents’ frame', async () => {
    const page = await get('/public/measures/NO-SUCH-MEASURE');
    assert.equal(page.status, 404);
    assert.match(page.body, /Page not found/);
    assert.match(page.body, /How we are doing/);
    assert.doesNotMatch(page.body, /Sign out|Approvals/);
  });

  test('a measure that is not public answers 404, the same as an unknown one', async () => {
    const hidden = await measureOf(false);
    const page = await get(`/public/measures/${encodeURIComponent(hidden.code)}`);
    assert.equal(page.status, 404);
    assert.doesNotMatch(page.body, new RegExp(hidden.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const shown = await measureOf(true);
    assert.equal((await get(`/public/measures/${encodeURIComponent(shown.code)}`)).status, 200);
  });

  test('an unknown outcome, priority or address under /public answers 404 in the residents’ frame', async () => {
    for (const path of ['/public/outcomes/NOPE', '/public/priorities/NOPE', '/public/no/such/page']) {
      const page = await get(path);
      assert.equal(page.status, 404, path);
      assert.match(page.body, /How we are doing/, path);
    }
  });

  test('a staff report answers 404; a published public report is shown', async () => {
    const reports = await sql<{ id: string; audience: string; status: string }>`
      SELECT r.id::text, s.audience, r.status FROM reports r JOIN report_sets s ON s.id = r.report_set_id
       ORDER BY r.id`.execute(app.db);
    const staff = reports.rows.find((r) => r.audience !== 'public' && r.status === 'published');
    const open = reports.rows.find((r) => r.audience === 'public' && r.status === 'published');
    assert.ok(staff && open);
    assert.equal((await get(`/public/reports/${staff.id}`)).status, 404);
    assert.equal((await get('/public/reports/not-a-number')).status, 404);
    const page = await get(`/public/reports/${open.id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /kept exactly as it was published/);
    const list = await get('/public/reports');
    assert.match(list.body, new RegExp(`href="/public/reports/${open.id}"`));
    assert.doesNotMatch(list.body, new RegExp(`href="/public/reports/${staff.id}"`));
  });

  test('a report of the public set that is not yet published answers 404', async () => {
    const draft = await sql<{ id: string }>`
      INSERT INTO reports (council_id, report_set_id, period, status, content)
      SELECT r.council_id, r.report_set_id, '2030-31-Q1', 'ready', r.content FROM reports r
        JOIN report_sets s ON s.id = r.report_set_id WHERE s.audience = 'public' AND r.status = 'published'
       LIMIT 1 RETURNING id::text`.execute(app.db);
    const id = draft.rows[0]?.id;
    assert.ok(id);
    assert.equal((await get(`/public/reports/${id}`)).status, 404);
  });
});

describe('search', () => {
  test('an empty query shows the form only', async () => {
    const page = await get('/public/search?q=');
    assert.equal(page.status, 200);
    assert.match(page.body, /<form method="get" action="\/public\/search"/);
    assert.doesNotMatch(page.body, /No measures match|measures? match/);
  });

  test('finds a public measure by words of its title', async () => {
    const shown = await measureOf(true);
    const page = await get(`/public/search?q=${encodeURIComponent(shown.title)}`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`href="/public/measures/${shown.code}"`));
  });

  test('never finds a measure that is not public, even by its exact title or code', async () => {
    const hidden = await sql<{ code: string; title: string }>`
      SELECT code, title FROM measures WHERE status = 'active' AND NOT ('public' = ANY(tags))`.execute(
      app.db,
    );
    assert.ok(hidden.rows.length > 5);
    for (const m of hidden.rows.slice(0, 8))
      for (const q of [m.title, m.code]) {
        const page = await get(`/public/search?q=${encodeURIComponent(q)}`);
        assert.doesNotMatch(page.body, new RegExp(`/public/measures/${m.code}"`), `${q} found ${m.code}`);
      }
  });

  test('a search with no results says so', async () => {
    const page = await get('/public/search?q=zzzqqqxxx');
    assert.equal(page.status, 200);
    assert.match(page.body, /No measures match “zzzqqqxxx”/);
  });

  test('a query too long is refused with a message naming the search box', async () => {
    const page = await get(`/public/search?q=${'a'.repeat(201)}`);
    assert.match(page.body, /govuk-error-summary/);
    assert.match(page.body, /href="#q">Enter 200 characters or fewer/);
  });
});

describe('serving', () => {
  test('pages are shared-cacheable HTML, and need no sign-in but work signed in too', async () => {
    for (const path of ['/public', '/public/inspections', '/public/accessibility', '/public/reports']) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assert.equal(page.headers.get('cache-control'), 'public, max-age=60');
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      // No script of ours: only the GOV.UK template's one-line class switch.
      assert.doesNotMatch(page.body, /<script[^>]*src=/);
    }
    const staff = new Client(app.baseUrl);
    await staff.signIn('performance@anytown.example', DEMO_PASSWORD);
    const signedIn = await staff.get('/public');
    assert.equal(signedIn.status, 200);
  });

  test('the home page gives each priority its progress in words', async () => {
    const page = await get('/public');
    const priorities = await sql<{ n: number }>`SELECT count(*)::int AS n FROM priorities`.execute(app.db);
    const sentences = page.body.match(/<strong>Progress:<\/strong> Of \d+ measures?, /g) ?? [];
    assert.ok(sentences.length >= 1);
    assert.ok(sentences.length <= (priorities.rows[0]?.n ?? 0));
    assert.match(page.body, /\d+ (is|are) on target/);
  });

  test('inspections shown are those whose report is published, in their framework’s words', async () => {
    const page = await get('/public/inspections');
    const rows = await sql<{ title: string; published: boolean }>`
      SELECT title, published_on IS NOT NULL AND published_on <= current_date AS published FROM inspections`.execute(
      app.db,
    );
    assert.ok(rows.rows.some((r) => r.published));
    for (const r of rows.rows) assert.equal(page.body.includes(r.title), r.published, r.title);
    assert.match(page.body, /not comparable/);
  });
});

test('a newly published figure appears on its measure page within the check interval', async () => {
  const approved = await sql<{
    code: string;
    period: string;
    version: number;
    value: string;
    unit: Unit;
    decimals: number;
  }>`
    SELECT m.code, dv.period, dv.version, dv.value::text AS value, m.unit, m.decimals
      FROM data_values dv JOIN measures m ON m.id = dv.measure_id
     WHERE dv.status = 'approved' AND dv.breakdown = '' AND 'public' = ANY(m.tags) AND m.status = 'active'
       AND dv.value IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM data_values later WHERE later.measure_id = dv.measure_id
                         AND later.breakdown = '' AND later.period_end > dv.period_end)
     ORDER BY m.code LIMIT 1`.execute(app.db);
  const figure = approved.rows[0];
  assert.ok(figure, 'the demo has an approved figure of a public measure');
  const shown = `${formatValue(Number(figure.value), figure.unit, figure.decimals)}</span> for ${labelOfPeriod(figure.period)}`;
  const path = `/public/measures/${encodeURIComponent(figure.code)}`;
  assert.doesNotMatch((await get(path)).body, new RegExp(shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  const officer = new Client(app.baseUrl);
  await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
  const published = await officer.json(
    'POST',
    `/api/v1/values/${encodeURIComponent(figure.code)}/${encodeURIComponent(figure.period)}/transitions`,
    { action: 'publish', version: figure.version },
  );
  assert.equal(published.status, 200);
  // The site looks for changes once a second by default.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.ok((await get(path)).body.includes(shown), `${figure.code} shows ${shown} once published`);
});

test('a page asked for again with its ETag answers 304 without a body', async () => {
  const first = await get('/public/accessibility');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${app.baseUrl}/public/accessibility`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const missing = await fetch(`${app.baseUrl}/public/measures/NO-SUCH`, {
    headers: { 'if-none-match': etag },
  });
  assert.equal(missing.status, 404);
});
