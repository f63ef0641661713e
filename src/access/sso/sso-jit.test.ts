// Single sign-on that creates people at their first sign-in, with password sign-in turned off; what a person
// sees when the council's sign-in service cannot be reached, and which council SSO people belong to.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freePort } from '../../db/embedded.ts';
import { startTestApp } from '../../testing/app.ts';
import { ssoCouncil } from './sso.queries.ts';
import {
  cookieNamed,
  lastAudit,
  startSsoTestApp,
  throughProvider,
  userNamed,
  type SsoTestApp,
} from '../../testing/sso-app.ts';

describe('single sign-on creating people at first sign-in, with local sign-in turned off', () => {
  let t: SsoTestApp;
  before(async () => {
    t = await startSsoTestApp({ OIDC_JIT_USERS: 'true', LOCAL_SIGN_IN: 'false' });
  });
  after(() => t.close());

  test('a new person is created with the role and scopes of their groups, audited, and signed in', async () => {
    t.provider.person('entra-new-1', {
      email: 'Jo.Bloggs@anytown.example',
      email_verified: true,
      name: 'Jo Bloggs',
      roles: ['Scorecard.DataOwners'],
      groups: ['Housing'],
    });
    const trip = await throughProvider(t, 'entra-new-1', { next: '/collection' });
    assert.equal(trip.back.status, 302, trip.text);
    assert.equal(trip.back.headers.get('location'), '/collection');
    const user = await userNamed(t, 'jo.bloggs@anytown.example');
    assert.equal(user?.role, 'data_owner');
    assert.deepEqual(user?.scopes, ['HOU-HO', 'HOU-RM']);
    assert.equal(user?.oidc_subject, 'entra-new-1');
    assert.equal((await lastAudit(t, 'user.created'))?.user_id, user?.id);
  });

  test('four first sign-ins of one new person at once make one account and sign each in', async () => {
    t.provider.person('entra-new-twice', {
      email: 'twice@anytown.example',
      email_verified: true,
      roles: ['Scorecard.DataOwners'],
      groups: ['Housing'],
    });
    // Every trip reaches the provider first; then the callbacks arrive together, as from several tabs.
    const trips = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const start = await fetch(`${t.baseUrl}/sign-in/sso`, { redirect: 'manual' });
        const pending = cookieNamed(start, 'scorecard_sso');
        const callback = await t.provider.signInAt(start.headers.get('location') ?? '', 'entra-new-twice');
        return { pending, callback };
      }),
    );
    const answers = await Promise.all(
      trips.map(({ pending, callback }) =>
        fetch(callback, { redirect: 'manual', headers: { cookie: `scorecard_sso=${pending}` } }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      [302, 302, 302, 302],
    );
    const accounts = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM users WHERE lower(email) = 'twice@anytown.example'`.execute(t.db);
    assert.equal(accounts.rows[0]?.n, 1);
  });

  test('a new person whose role needs a part of the council, but whose groups give none, is refused', async () => {
    t.provider.person('entra-new-2', {
      email: 'no.scope@anytown.example',
      email_verified: true,
      roles: ['Scorecard.DataOwners'],
    });
    const trip = await throughProvider(t, 'entra-new-2');
    assert.equal(trip.back.status, 403);
    assert.match(trip.text, /no group that says which part of the council/);
    assert.equal(await userNamed(t, 'no.scope@anytown.example'), undefined);
  });

  test('with local sign-in off the password form is not shown and a password sign-in is refused', async () => {
    const page = await (await fetch(`${t.baseUrl}/sign-in`)).text();
    assert.match(page, /Sign in with your council account/);
    assert.doesNotMatch(page, /name="password"/);
    const response = await fetch(`${t.baseUrl}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@anytown.example', password: 'anytown-demo-2026' }),
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Signing in with a password is turned off here/);
    assert.equal(cookieNamed(response, 'scorecard_session'), undefined);
  });
});

describe('single sign-on when the provider cannot be reached', () => {
  test('the person is told the council’s sign-in service cannot be reached, with a reference, and no pending sign-in is kept', async () => {
    const closedPort = await freePort();
    const t = await startTestApp('demo', {
      env: {
        OIDC_ISSUER: `http://127.0.0.1:${closedPort}`,
        OIDC_CLIENT_ID: 'civic-scorecard',
        OIDC_CLIENT_SECRET: 'secret',
        OIDC_REDIRECT_URL: 'http://127.0.0.1:1/sign-in/sso/callback',
      },
    });
    try {
      const response = await fetch(`${t.baseUrl}/sign-in/sso`, { redirect: 'manual' });
      assert.equal(response.status, 502);
      assert.match(
        await response.text(),
        /sign-in service cannot be reached at the moment.*Quote reference/s,
      );
      assert.equal(cookieNamed(response, 'scorecard_sso'), undefined);
      const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sso_sign_ins`.execute(t.db);
      assert.equal(kept.rows[0]?.n, 0);
    } finally {
      await t.close();
    }
  });
});

describe('which council single sign-on serves', () => {
  test('the only council when OIDC_COUNCIL is unset; a council OIDC_COUNCIL does not name is a set-up problem', async () => {
    const t = await startTestApp('demo');
    try {
      const [only] = await t.db.selectFrom('councils').select(['id', 'slug']).execute();
      assert.deepEqual(await ssoCouncil(t.db, undefined), { id: String(only?.id) });
      assert.deepEqual(await ssoCouncil(t.db, only?.slug), { id: String(only?.id) });
      assert.deepEqual(await ssoCouncil(t.db, 'nowhere'), {
        problem: "OIDC_COUNCIL names 'nowhere', but no council has that slug",
      });
    } finally {
      await t.close();
    }
  });
});
