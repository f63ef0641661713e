// A session cookie the browser's scripts cannot read and other sites do not send; a sign-in always replaces the
// session the browser held; a session ends after its idle time and, however busy, after its absolute time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { digest } from './tokens.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('demo');
});
after(() => t.close());

const stillIn = async (client: Client) => (await client.get('/overview')).status === 200;
const sessionOf = (client: Client) => digest(client.cookie.replace(/^scorecard_session=/, ''));

test('the session cookie is HttpOnly, SameSite=Lax, for the whole site, not Secure over plain HTTP, and lasts no longer than the session', async () => {
  const response = await new Client(t.baseUrl).post('/sign-in', {
    email: 'councillor@anytown.example',
    password: DEMO_PASSWORD,
  });
  const cookie = response.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^scorecard_session=[A-Za-z0-9_-]{40,};/);
  assert.match(cookie, /; HttpOnly/);
  assert.match(cookie, /; SameSite=Lax/);
  assert.match(cookie, /; Path=\//);
  assert.match(cookie, /; Max-Age=43200/, 'the absolute time, 12 hours by default');
  assert.doesNotMatch(cookie, /; Secure/, 'a browser would not send it back over plain HTTP');
});

test('signing in again in the same browser ends the session it held before', async () => {
  const browser = new Client(t.baseUrl);
  await browser.signIn('councillor@anytown.example', DEMO_PASSWORD);
  const first = new Client(t.baseUrl);
  first.cookie = browser.cookie;
  assert.ok(await stillIn(first));
  await browser.signIn('housing.owner@anytown.example', DEMO_PASSWORD);
  assert.notEqual(browser.cookie, first.cookie);
  assert.equal(await stillIn(first), false, 'the earlier session no longer works');
  assert.ok(await stillIn(browser));
});

test('a session left idle longer than its idle time ends', async () => {
  const client = new Client(t.baseUrl);
  await client.signIn('director.housing@anytown.example', DEMO_PASSWORD);
  await sql`UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE id = ${sessionOf(client)}`.execute(
    t.db,
  );
  const response = await client.get('/overview');
  assert.equal(response.status, 302);
  assert.match(response.headers.get('location') ?? '', /^\/sign-in/);
});

test('a session in use ends at its absolute time all the same', async () => {
  const client = new Client(t.baseUrl);
  await client.signIn('adults.owner@anytown.example', DEMO_PASSWORD);
  assert.ok(await stillIn(client));
  await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ${sessionOf(client)}`.execute(
    t.db,
  );
  assert.equal(await stillIn(client), false);
});

test('behind TLS (SECURE_COOKIES=true) the session cookie is also Secure', async () => {
  const tls = await startTestApp('demo', { env: { SECURE_COOKIES: 'true' } });
  try {
    const response = await new Client(tls.baseUrl).post('/sign-in', {
      email: 'councillor@anytown.example',
      password: DEMO_PASSWORD,
    });
    assert.equal(response.status, 302);
    assert.match(response.headers.get('set-cookie') ?? '', /; Secure/);
  } finally {
    await tls.close();
  }
});
