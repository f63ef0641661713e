// Single sign-on end to end against a real OpenID Connect provider on loopback: the person leaves for the
// provider, signs in there, and comes back with a session whose role and scopes follow their claims.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Client } from '../../testing/app.ts';
import {
  lastAudit,
  startSsoTestApp,
  throughProvider,
  userNamed,
  type SsoTestApp,
} from '../../testing/sso-app.ts';

describe('single sign-on with existing users only (OIDC_JIT_USERS unset)', () => {
  let t: SsoTestApp;
  before(async () => {
    t = await startSsoTestApp();
  });
  after(() => t.close());

  test('a person in a mapped group signs in, lands on the page they asked for, and the sign-in is audited', async () => {
    t.provider.person('entra-admin-1', {
      email: 'admin@anytown.example',
      email_verified: true,
      name: 'Sam Taylor',
      roles: ['Scorecard.Admins'],
    });
    const trip = await throughProvider(t, 'entra-admin-1', { next: '/measures' });
    assert.equal(trip.back.status, 302, trip.text);
    assert.equal(trip.back.headers.get('location'), '/measures');
    assert.ok(trip.session);
    const client = new Client(t.baseUrl);
    client.cookie = `scorecard_session=${trip.session}`;
    const page = await client.get('/measures');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Sam Taylor/);
    const user = await userNamed(t, 'admin@anytown.example');
    assert.equal(user?.oidc_subject, 'entra-admin-1');
    assert.deepEqual((await lastAudit(t, 'sign_in'))?.after, { method: 'sso' });
    assert.equal((await lastAudit(t, 'user.sso_linked'))?.user_id, user?.id);
  });

  test('an existing user is found by verified e-mail the first time, then by subject even when the e-mail changes', async () => {
    t.provider.person('entra-perf-1', {
      email: 'performance@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Performance'],
    });
    assert.equal((await throughProvider(t, 'entra-perf-1')).back.status, 302);
    t.provider.person('entra-perf-1', {
      email: 'hannah.wright@renamed.example',
      email_verified: true,
      roles: ['Scorecard.Performance'],
    });
    const again = await throughProvider(t, 'entra-perf-1');
    assert.equal(again.back.status, 302, again.text);
    const signedIn = await sql<{ user_id: string }>`
      SELECT s.user_id FROM sessions s WHERE s.user_id = (SELECT id FROM users WHERE email = 'performance@anytown.example')`.execute(
      t.db,
    );
    assert.equal(signedIn.rows.length, 2, 'both sign-ins are the same account');
    assert.equal(
      await userNamed(t, 'hannah.wright@renamed.example'),
      undefined,
      'no second account was made',
    );
  });

  test('a second provider identity cannot take over an account already bound to another', async () => {
    t.provider.person('entra-impostor', {
      email: 'admin@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Admins'],
    });
    const trip = await throughProvider(t, 'entra-impostor');
    assert.equal(trip.back.status, 403);
    assert.match(trip.text, /already linked to a different council account/);
  });

  test('claims set the role and the scopes: a data owner’s services become those of their groups, audited', async () => {
    t.provider.person('entra-leah', {
      email: 'housing.owner@anytown.example',
      email_verified: true,
      roles: ['Scorecard.DataOwners'],
      groups: ['Housing.Repairs', 'Unrelated.Group'],
    });
    assert.deepEqual((await userNamed(t, 'housing.owner@anytown.example'))?.scopes, ['HOU-HO', 'HOU-RM']);
    const trip = await throughProvider(t, 'entra-leah');
    assert.equal(trip.back.status, 302, trip.text);
    const user = await userNamed(t, 'housing.owner@anytown.example');
    assert.equal(user?.role, 'data_owner');
    assert.deepEqual(user?.scopes, ['HOU-RM']);
    const audited = await lastAudit(t, 'user.access_from_claims');
    assert.equal(audited?.user_id, user?.id);
    assert.equal((audited?.before?.scopes as unknown[]).length, 2);
    assert.equal((audited?.after.scopes as unknown[]).length, 1);
  });

  test('when several groups map, the most powerful role wins', async () => {
    t.provider.person('entra-councillor', {
      email: 'councillor@anytown.example',
      email_verified: true,
      roles: ['Scorecard.DataOwners', 'Scorecard.Performance'],
      groups: ['Housing'],
    });
    const trip = await throughProvider(t, 'entra-councillor');
    assert.equal(trip.back.status, 302, trip.text);
    assert.equal((await userNamed(t, 'councillor@anytown.example'))?.role, 'performance_officer');
  });

  test('a person in no mapped group is refused with the reason, and the refusal is audited', async () => {
    t.provider.person('entra-outsider', {
      email: 'adults.owner@anytown.example',
      email_verified: true,
      roles: ['Payroll.Users'],
    });
    const trip = await throughProvider(t, 'entra-outsider');
    assert.equal(trip.back.status, 403);
    assert.match(trip.text, /not in any group that has access to Civic Scorecard/);
    assert.equal(trip.session, undefined);
    const audited = await lastAudit(t, 'sign_in.refused');
    assert.match(String(audited?.after.reason), /not in any group/);
    assert.equal(audited?.after.email, 'adults.owner@anytown.example');
  });

  test('a disabled user is refused even with the right groups', async () => {
    await sql`UPDATE users SET disabled = true WHERE email = 'director.housing@anytown.example'`.execute(
      t.db,
    );
    t.provider.person('entra-director', {
      email: 'director.housing@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Admins'],
    });
    const trip = await throughProvider(t, 'entra-director');
    assert.equal(trip.back.status, 403);
    assert.match(trip.text, /account is disabled/);
    assert.equal(trip.session, undefined);
    assert.match(String((await lastAudit(t, 'sign_in.refused'))?.after.reason), /disabled/);
  });

  test('a person unknown here is refused when users are not created at sign-in', async () => {
    t.provider.person('entra-stranger', {
      email: 'new.starter@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Admins'],
    });
    const trip = await throughProvider(t, 'entra-stranger');
    assert.equal(trip.back.status, 403);
    assert.match(trip.text, /no Civic Scorecard account for new.starter@anytown.example/);
    assert.equal(await userNamed(t, 'new.starter@anytown.example'), undefined);
  });

  test('a claim with no e-mail, or an unverified one, cannot be matched to an account', async () => {
    t.provider.person('entra-no-mail', { roles: ['Scorecard.Admins'] });
    const none = await throughProvider(t, 'entra-no-mail');
    assert.equal(none.back.status, 403);
    assert.match(none.text, /sent no e-mail address \(the (&#39;|')email(&#39;|') claim\)/);
    t.provider.person('entra-unverified', {
      email: 'school.provider@anytown.example',
      email_verified: false,
      roles: ['Scorecard.Admins'],
    });
    const unverified = await throughProvider(t, 'entra-unverified');
    assert.equal(unverified.back.status, 403);
    assert.match(unverified.text, /not marked as verified/);
    assert.equal((await userNamed(t, 'school.provider@anytown.example'))?.oidc_subject, null);
  });

  test('a tampered state is refused, and so is a callback replayed or brought to another browser', async () => {
    t.provider.person('entra-cabinet', {
      email: 'cabinet.housing@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Performance'],
    });
    const tampered = await throughProvider(t, 'entra-cabinet', {
      alterCallback: (url) => url.searchParams.set('state', 'forged-state'),
    });
    assert.equal(tampered.back.status, 400);
    assert.match(
      tampered.text,
      /did not complete \(unexpected (&quot;|")state(&quot;|") response parameter value\)/,
    );
    assert.equal(tampered.session, undefined);

    const honest = await throughProvider(t, 'entra-cabinet');
    assert.equal(honest.back.status, 302, honest.text);
    const replayed = await fetch(honest.callback, {
      redirect: 'manual',
      headers: { cookie: `scorecard_sso=${honest.pendingCookie}` },
    });
    assert.equal(replayed.status, 400);
    assert.match(await replayed.text(), /expired or was already used/);

    // A callback carried to a browser that did not start the sign-in is refused there.
    const stolen = await throughProvider(t, 'entra-cabinet', {
      alterCallback: (url) => url.searchParams.set('code', 'not-the-code'),
    });
    assert.equal(stolen.back.status, 400);
    const withoutCookie = await fetch(honest.callback, { redirect: 'manual' });
    assert.equal(withoutCookie.status, 400);
    assert.match(await withoutCookie.text(), /expired or was already used/);
    const refusals = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in.refused' AND after->>'reason' LIKE '%already used%'`.execute(
      t.db,
    );
    assert.ok((refusals.rows[0]?.n ?? 0) >= 2);
  });

  test('a new session is made at every sign-in: the session cookie held before is not carried over', async () => {
    t.provider.person('entra-perf-2', {
      email: 'performance@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Performance'],
    });
    t.provider.person('entra-perf-1', {
      email: 'performance@anytown.example',
      email_verified: true,
      roles: ['Scorecard.Performance'],
    });
    const first = await throughProvider(t, 'entra-perf-1');
    const second = await throughProvider(t, 'entra-perf-1', { session: first.session });
    assert.ok(first.session && second.session);
    assert.notEqual(first.session, second.session);
  });

  test('a page outside this site is never where a sign-in lands', async () => {
    const trip = await throughProvider(t, 'entra-perf-1', { next: '//evil.example/steal' });
    assert.equal(trip.back.status, 302);
    assert.equal(trip.back.headers.get('location'), '/overview');
  });

  test('the sign-in page offers the council account beside the password form', async () => {
    const page = await (await fetch(`${t.baseUrl}/sign-in?next=/measures`)).text();
    assert.match(page, /href="\/sign-in\/sso\?next=%2Fmeasures"[^>]*>\s*Sign in with your council account/);
    assert.match(page, /name="password"/);
  });
});
