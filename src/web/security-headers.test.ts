// Every response carries the security headers: a CSP with no inline script but GOV.UK's own hashed line, no
// framing, nosniff, a same-origin referrer policy; HSTS only when served over TLS.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readConfig } from '../config.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { govukInlineScriptSource } from './security-headers.ts';
import { buildServer } from './server.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('empty');
});
after(() => database.drop());

async function headersOf(url: string, secure: boolean): Promise<Record<string, string>> {
  const config = { ...readConfig({}), logLevel: 'silent', secureCookies: secure };
  const app = await buildServer({ db: database.db, config }, { logger: false });
  try {
    const response = await app.inject({ method: 'GET', url });
    return response.headers as Record<string, string>;
  } finally {
    await app.close();
  }
}

test('pages, errors and the API all carry the security headers', async () => {
  for (const url of ['/sign-in', '/no-such-page', '/api/v1/measures', '/healthz']) {
    const headers = await headersOf(url, false);
    const csp = headers['content-security-policy'] ?? '';
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.equal(scripts, `'self' ${govukInlineScriptSource()}`, url);
    assert.doesNotMatch(scripts, /unsafe-inline|unsafe-eval/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /object-src 'none'/, url);
    assert.equal(headers['x-frame-options'], 'DENY', url);
    assert.equal(headers['x-content-type-options'], 'nosniff', url);
    assert.equal(headers['referrer-policy'], 'same-origin', url);
    assert.equal(headers['strict-transport-security'], undefined, url);
  }
});

test('behind TLS the app sends HSTS and asks browsers to upgrade insecure requests', async () => {
  const headers = await headersOf('/sign-in', true);
  assert.equal(headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
  assert.match(headers['content-security-policy'] ?? '', /upgrade-insecure-requests/);
});

test("the hash allowed is GOV.UK Frontend's inline script as the page sends it", async () => {
  const config = { ...readConfig({}), logLevel: 'silent' };
  const app = await buildServer({ db: database.db, config }, { logger: false });
  try {
    const page = (await app.inject({ method: 'GET', url: '/sign-in' })).body;
    const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([^<]*)<\/script>/g)].map(
      (m) => m[1] ?? '',
    );
    assert.equal(inline.length, 1, 'one inline script on the page');
    const { createHash } = await import('node:crypto');
    assert.equal(
      `'sha256-${createHash('sha256')
        .update(inline[0] ?? '')
        .digest('base64')}'`,
      govukInlineScriptSource(),
    );
  } finally {
    await app.close();
  }
});
