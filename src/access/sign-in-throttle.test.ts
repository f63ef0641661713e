// Guessing is slowed: five wrong passwords lock the account (known or not) for fifteen minutes, twenty from one
// address lock the address; a locked attempt is refused even with the right password, and the lock is audited once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('demo');
});
after(() => t.close());

async function signIn(email: string, password: string, address = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: address,
    payload: { email, password },
    headers: { 'content-type': 'application/json' },
  });
}

test('five wrong passwords lock the account; the right one is then refused with 429, Retry-After and a time', async () => {
  const email = 'councillor@anytown.example';
  for (let i = 0; i < 5; i++) assert.equal((await signIn(email, 'not the password at all')).statusCode, 400);
  const locked = await signIn(email, DEMO_PASSWORD);
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /Too many sign-in attempts\. Try again after \d\d:\d\d\./);
  const wait = Number(locked.headers['retry-after']);
  assert.ok(wait > 800 && wait <= 900, `retry after ${wait} s`);
  assert.equal(locked.headers['set-cookie'], undefined);
  const audited = await sql<{ n: number; council: string | null }>`
    SELECT count(*)::int AS n, max(council_id)::text AS council FROM audit_log
     WHERE action = 'sign_in.locked' AND entity_id = ${email}`.execute(t.db);
  assert.equal(audited.rows[0]?.n, 1);
  assert.ok(audited.rows[0]?.council, 'audited against the account’s council');
  // Another account from the same address is not affected.
  assert.equal((await signIn('performance@anytown.example', DEMO_PASSWORD)).statusCode, 302);
});

test('an e-mail no account has locks the same way, so a lock does not reveal which accounts exist', async () => {
  const email = 'nobody.here@anytown.example';
  for (let i = 0; i < 5; i++) assert.equal((await signIn(email, 'guess number ' + i)).statusCode, 400);
  assert.equal((await signIn(email, 'guess number 6')).statusCode, 429);
});

test('the lock ends fifteen minutes after the failures that caused it', async () => {
  const email = 'cabinet.housing@anytown.example';
  for (let i = 0; i < 5; i++) await signIn(email, 'wrong wrong wrong');
  assert.equal((await signIn(email, DEMO_PASSWORD)).statusCode, 429);
  await sql`UPDATE sign_in_attempts SET at = at - interval '16 minutes' WHERE email = ${email}`.execute(t.db);
  assert.equal((await signIn(email, DEMO_PASSWORD)).statusCode, 302);
});

test('twenty failures from one address lock that address for every account, and not other addresses', async () => {
  const address = '192.0.2.55';
  for (let i = 0; i < 20; i++) await signIn(`someone${i}@anytown.example`, 'wrong wrong wrong', address);
  assert.equal((await signIn('director.housing@anytown.example', DEMO_PASSWORD, address)).statusCode, 429);
  assert.equal(
    (await signIn('director.housing@anytown.example', DEMO_PASSWORD, '192.0.2.56')).statusCode,
    302,
  );
  const audited = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in.locked' AND entity = 'address'
       AND entity_id = ${address}`.execute(t.db);
  assert.equal(audited.rows[0]?.n, 1);
});
