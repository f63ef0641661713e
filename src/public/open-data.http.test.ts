// The open data over HTTP: conditional GET (304 on a current ETag or date, 200 once data change), the per-address
// rate limit (429 with Retry-After and a JSON error) and CORS open for GET on the API and downloads only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { readConfig } from '../config.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { buildServer } from '../web/server.ts';

let database: TestDatabase;
const servers: FastifyInstance[] = [];

before(async () => {
  database = await freshDatabase('demo');
});
after(async () => {
  for (const server of servers) await server.close();
  await database.drop();
});

/** The real server on the demo council, with settings from `env`. */
async function serve(env: Record<string, string>): Promise<string> {
  const config = { ...readConfig(env), logLevel: 'silent' };
  const app = await buildServer({ db: database.db, config }, { logger: false });
  servers.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const cached = [
  '/public/data',
  '/public/data/measures.csv',
  '/public/data/measures.json',
  '/public/data/datapackage.json',
  '/public/data/measures/HOU-01.csv',
  '/public/feed.atom',
  '/api/public/v1/measures',
  '/api/public/v1/measures/HOU-01/values',
];

test('a client with the current copy gets 304 by ETag and by date, and 200 once the data change', async () => {
  const base = await serve({ PUBLIC_CHECK_MS: '0' });
  for (const path of cached) {
    const first = await fetch(base + path);
    assert.equal(first.status, 200, path);
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    assert.match(etag, /^"[^"]+"$/, `${path} has an ETag`);
    assert.ok(Number.isFinite(Date.parse(lastModified)), `${path} has a Last-Modified`);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');

    const byTag = await fetch(base + path, { headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(byTag.status, 304, `${path} by ETag`);
    assert.equal(await byTag.text(), '');
    assert.equal(byTag.headers.get('etag'), etag);
    const byDate = await fetch(base + path, { headers: { 'if-modified-since': lastModified } });
    assert.equal(byDate.status, 304, `${path} by date`);
    // If-None-Match wins over If-Modified-Since (RFC 9110): a stale tag gets the whole answer.
    const staleTag = await fetch(base + path, {
      headers: { 'if-none-match': '"old"', 'if-modified-since': lastModified },
    });
    assert.equal(staleTag.status, 200, `${path} with a stale ETag`);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    assert.equal((await fetch(base + path, { headers: { 'if-modified-since': earlier } })).status, 200);
  }
  const etags = await Promise.all(cached.map(async (p) => (await fetch(base + p)).headers.get('etag')));
  assert.equal(new Set(etags).size, cached.length, 'each URL has its own ETag');

  const before = await fetch(`${base}/public/data/measures.csv`);
  await sql`INSERT INTO audit_log (council_id, action, entity, entity_id, at)
    SELECT id, 'value.publish', 'data_value', '1', now() + interval '5 seconds' FROM councils ORDER BY id LIMIT 1`.execute(
    database.db,
  );
  const after = await fetch(`${base}/public/data/measures.csv`, {
    headers: { 'if-none-match': before.headers.get('etag') ?? '' },
  });
  assert.equal(after.status, 200, 'the data changed');
  assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  const sinceBefore = await fetch(`${base}/public/data/measures.csv`, {
    headers: { 'if-modified-since': before.headers.get('last-modified') ?? '' },
  });
  assert.equal(sinceBefore.status, 200, 'modified since the earlier date');
});

test('over the limit a client gets 429 with Retry-After and a JSON error, on the API, downloads and feed alike', async () => {
  const base = await serve({ PUBLIC_RATE_LIMIT: '3' });
  for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}/api/public/v1/priorities`)).status, 200);
  for (const path of ['/api/public/v1/measures', '/public/data/measures.csv', '/public/feed.atom']) {
    const refused = await fetch(base + path);
    assert.equal(refused.status, 429, path);
    assert.ok(Number(refused.headers.get('retry-after')) > 0, `${path} says when to retry`);
    assert.match(refused.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'too_many_requests');
    assert.match(body.error.message, /at most 3 a minute/);
    assert.equal(
      refused.headers.get('access-control-allow-origin'),
      '*',
      'a browser script can read the refusal',
    );
  }
  assert.equal((await fetch(`${base}/public/data`)).status, 200, 'the open data page is not limited');
});

test('the API and downloads may be read from any origin; the page is not opened to scripts', async () => {
  const base = await serve({});
  for (const path of [
    '/api/public/v1/measures',
    '/public/data/measures.json',
    '/public/data/datapackage.json',
  ]) {
    const response = await fetch(base + path, { headers: { origin: 'https://example.org' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
    const preflight = await fetch(base + path, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(preflight.status, 204, `${path} preflight`);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'if-none-match');
  }
  const page = await fetch(`${base}/public/data`, { headers: { origin: 'https://example.org' } });
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('access-control-allow-origin'), null);
  const staff = await fetch(`${base}/api/v1/measures`, { method: 'OPTIONS' });
  assert.equal(staff.headers.get('access-control-allow-origin'), null, 'the staff API stays closed');
});

test('a rate limit that is not a whole number of 1 or more is refused, naming the setting', () => {
  assert.throws(() => readConfig({ PUBLIC_RATE_LIMIT: '0' }), /PUBLIC_RATE_LIMIT must be a whole number/);
  assert.throws(() => readConfig({ PUBLIC_RATE_LIMIT: 'lots' }), /PUBLIC_RATE_LIMIT/);
  assert.deepEqual(readConfig({ OPEN_DATA_LICENCE_NAME: 'CC-BY-4.0' }).openDataLicence.name, 'CC-BY-4.0');
});
