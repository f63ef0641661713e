// Signing out ends this session; signing out on every device ends all of the person's sessions, and no one else's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('demo');
});
after(() => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  await client.get('/overview');
  return client;
}

const stillIn = async (client: Client) => (await client.get('/overview')).status === 200;

test('a new session is made at every sign-in: the cookie from before is not reused', async () => {
  const first = await signedIn('performance@anytown.example');
  const second = await signedIn('performance@anytown.example');
  assert.notEqual(first.cookie, second.cookie);
  assert.ok(await stillIn(first));
  assert.ok(await stillIn(second));
});

test('signing out on every device ends every session of that person, audited, and leaves others signed in', async () => {
  const laptop = await signedIn('director.housing@anytown.example');
  const phone = await signedIn('director.housing@anytown.example');
  const colleague = await signedIn('housing.owner@anytown.example');
  const response = await phone.send('POST', '/sign-out-everywhere');
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), '/sign-in');
  assert.equal(await stillIn(laptop), false);
  assert.equal(await stillIn(phone), false);
  assert.ok(await stillIn(colleague));
  const audited = await sql<{ after: { sessionsEnded: number } }>`
    SELECT after FROM audit_log WHERE action = 'sign_out.everywhere' ORDER BY id DESC LIMIT 1`.execute(t.db);
  assert.ok((audited.rows[0]?.after.sessionsEnded ?? 0) >= 2);
});

test('signing out on every device needs the page’s CSRF token', async () => {
  const client = await signedIn('councillor@anytown.example');
  client.csrfToken = 'not-the-token';
  assert.equal((await client.send('POST', '/sign-out-everywhere')).status, 403);
  assert.ok(await stillIn(client));
});
