// An API token does what its scopes name and no more, never more than its owner's role, stops working the moment it
// is revoked or expires, is stored only as a digest, and its life is in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createApiToken, listApiTokens, revokeApiToken, tokenActions } from './api-tokens.ts';
import { digest } from './tokens.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('demo');
});
after(() => t.close());

const OWNER = 'housing.owner@anytown.example';

async function call(token: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
}

const aFigure = (period: string) => ({ values: [{ measure: 'HOU-05', period, value: '21' }] });

async function tokenId(name: string): Promise<string> {
  const [row] = (await listApiTokens(t.db, { email: OWNER })).filter((listed) => listed.name === name);
  assert.ok(row, `token ${name} listed`);
  return row.id;
}

describe('API token scopes', () => {
  test('a read token reads but cannot write, though its owner may', async () => {
    const token = await createApiToken(t.db, { email: OWNER, scopes: ['read'], name: 'dashboard' });
    assert.equal((await call(token, 'GET', '/api/v1/measures/HOU-05')).statusCode, 200);
    const write = await call(token, 'POST', '/api/v1/values:batch?dryRun=true', aFigure('2037-01'));
    assert.equal(write.statusCode, 403, write.body);
    const writer = await createApiToken(t.db, { email: OWNER, scopes: ['all'], name: 'everything' });
    const allowed = await call(writer, 'POST', '/api/v1/values:batch?dryRun=true', aFigure('2037-01'));
    assert.equal(allowed.statusCode, 200, allowed.body);
  });

  test('a write-only token cannot read what it may write', async () => {
    const token = await createApiToken(t.db, { email: OWNER, scopes: ['value.write'], name: 'feed' });
    assert.equal((await call(token, 'GET', '/api/v1/measures/HOU-05')).statusCode, 403);
  });

  test('a token loses what its owner loses: a role taken away narrows the token at once', async () => {
    await sql`UPDATE users SET role = 'data_owner' WHERE email = 'performance@anytown.example'`.execute(t.db);
    const token = await createApiToken(t.db, {
      email: 'performance@anytown.example',
      scopes: ['all'],
      name: 'officer feed',
    });
    try {
      assert.ok(
        (await listApiTokens(t.db, { email: 'performance@anytown.example' }))[0]?.actions.includes(
          'value.write',
        ),
      );
      await sql`UPDATE users SET role = 'councillor' WHERE email = 'performance@anytown.example'`.execute(
        t.db,
      );
      const write = await call(token, 'POST', '/api/v1/values:batch?dryRun=true', aFigure('2037-02'));
      assert.equal(write.statusCode, 403, write.body);
    } finally {
      await sql`UPDATE users SET role = 'performance_officer' WHERE email = 'performance@anytown.example'`.execute(
        t.db,
      );
    }
  });

  test('scopes are checked against the owner role when the token is made, naming the scope', () => {
    assert.throws(() => tokenActions('councillor', ['value.write']), /Councillors may not value.write/);
    assert.throws(
      () => tokenActions('data_owner', ['values.everything']),
      /"values.everything" is not a scope/,
    );
    assert.throws(() => tokenActions('data_owner', []), /at least one scope/);
    assert.deepEqual(
      tokenActions('councillor', ['read']),
      tokenActions('councillor', ['all']).filter((a) => a.endsWith('.read')),
    );
    assert.ok(!tokenActions('data_owner', ['all']).includes('value.publish'));
  });

  test('a token lasts 90 days unless told, and no more than 366', async () => {
    await createApiToken(t.db, { email: OWNER, scopes: ['read'], name: 'ninety' });
    const id = await tokenId('ninety');
    const [row] = await listApiTokens(t.db, { id });
    assert.ok(row?.expires_at);
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 90) < 0.01, `lasts ${days} days`);
    await assert.rejects(
      createApiToken(t.db, { email: OWNER, scopes: ['read'], expiresInDays: 400 }),
      /A token lasts from 1 to 366 days/,
    );
  });
});

describe('API token life', () => {
  test('a revoked token is refused at its next request, and the revocation is audited', async () => {
    const token = await createApiToken(t.db, { email: OWNER, scopes: ['read'], name: 'to revoke' });
    assert.equal((await call(token, 'GET', '/api/v1/measures/HOU-05')).statusCode, 200);
    const id = await tokenId('to revoke');
    const revoked = await revokeApiToken(t.db, id);
    assert.ok(revoked.revoked_at);
    const refused = await call(token, 'GET', '/api/v1/measures/HOU-05');
    assert.equal(refused.statusCode, 401);
    assert.match(refused.body, /not valid, has expired or was revoked/);
    await assert.rejects(revokeApiToken(t.db, id), /already revoked/);
    await assert.rejects(revokeApiToken(t.db, '999999'), /There is no API token 999999/);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'api_token')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((row) => row.action),
      ['api_token.create', 'api_token.revoke'],
    );
  });

  test('an expired token is refused', async () => {
    const token = await createApiToken(t.db, { email: OWNER, scopes: ['read'], name: 'expiring' });
    await sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ${digest(token)}`.execute(
      t.db,
    );
    assert.equal((await call(token, 'GET', '/api/v1/measures/HOU-05')).statusCode, 401);
  });

  test('its last use is recorded, and only its digest is stored anywhere', async () => {
    const token = await createApiToken(t.db, { email: OWNER, scopes: ['read'], name: 'used' });
    const id = await tokenId('used');
    assert.equal((await listApiTokens(t.db, { id }))[0]?.last_used_at, null);
    await call(token, 'GET', '/api/v1/measures/HOU-05');
    assert.ok((await listApiTokens(t.db, { id }))[0]?.last_used_at);
    const stored = await sql<{ found: boolean }>`
      SELECT EXISTS (SELECT 1 FROM api_tokens WHERE token_hash = ${token})
          OR EXISTS (SELECT 1 FROM audit_log WHERE after::text LIKE ${'%' + token.slice(4, 20) + '%'}) AS found`.execute(
      t.db,
    );
    assert.equal(stored.rows[0]?.found, false);
  });
});
