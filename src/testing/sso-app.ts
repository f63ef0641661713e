// Test support: the demo app set up for single sign-on against a real provider on loopback (src/testing/
// oidc-provider.ts), with the role and scope maps an Entra ID council would configure, and a browser's trip
// through it over HTTP.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freePort } from '../db/embedded.ts';
import { startTestApp, type TestApp } from './app.ts';
import { startTestProvider, type TestProvider } from './oidc-provider.ts';

export interface SsoTestApp extends TestApp {
  provider: TestProvider;
}

/** `env`: settings over the defaults below (e.g. OIDC_JIT_USERS, LOCAL_SIGN_IN). */
export async function startSsoTestApp(env: NodeJS.ProcessEnv = {}): Promise<SsoTestApp> {
  // The callback's address is registered with the provider before the app starts, so the app's port is chosen first.
  const port = await freePort();
  const redirectUrl = `http://127.0.0.1:${port}/sign-in/sso/callback`;
  const provider = await startTestProvider(redirectUrl);
  try {
    const app = await startTestApp('demo', {
      port,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URL: redirectUrl,
        OIDC_ROLE_CLAIM: 'roles',
        OIDC_ROLE_MAP:
          'Scorecard.Admins=administrator,Scorecard.Performance=performance_officer,Scorecard.DataOwners=data_owner',
        OIDC_SCOPE_CLAIM: 'groups',
        OIDC_SCOPE_MAP: 'Housing.Repairs=service:HOU-RM,Housing=service:HOU-RM,Housing=service:HOU-HO',
        ...env,
      },
    });
    return {
      ...app,
      provider,
      close: async () => {
        await app.close();
        await provider.close();
      },
    };
  } catch (error) {
    await provider.close();
    throw error;
  }
}

export function cookieNamed(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line?.split(';')[0]?.slice(name.length + 1);
}

/** One browser's trip: start at our SSO route, sign in at the provider as `subject`, and come back. */
export async function throughProvider(
  t: SsoTestApp,
  subject: string,
  options: { next?: string; session?: string; alterCallback?: (url: URL) => void } = {},
) {
  const start = await fetch(
    `${t.baseUrl}/sign-in/sso?next=${encodeURIComponent(options.next ?? '/overview')}`,
    {
      redirect: 'manual',
    },
  );
  assert.equal(start.status, 302, await start.text());
  const pendingCookie = cookieNamed(start, 'scorecard_sso');
  assert.ok(pendingCookie, 'the pending sign-in cookie is set');
  const callback = new URL(await t.provider.signInAt(start.headers.get('location') ?? '', subject));
  options.alterCallback?.(callback);
  const cookie = [
    `scorecard_sso=${pendingCookie}`,
    ...(options.session ? [`scorecard_session=${options.session}`] : []),
  ];
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: cookie.join('; ') } });
  return {
    back,
    callback,
    pendingCookie,
    session: cookieNamed(back, 'scorecard_session'),
    text: await back.text(),
  };
}

/** The user with their role, bound subject and the codes of their services. */
export async function userNamed(t: SsoTestApp, email: string) {
  const result = await sql<{ id: string; role: string; oidc_subject: string | null; scopes: string[] }>`
    SELECT u.id, u.role, u.oidc_subject,
      COALESCE((SELECT array_agg(s.code ORDER BY s.code) FROM user_scopes us JOIN services s ON s.id = us.scope_id
                WHERE us.user_id = u.id AND us.scope_type = 'service'), '{}') AS scopes
    FROM users u WHERE lower(u.email) = lower(${email})`.execute(t.db);
  return result.rows[0];
}

export async function lastAudit(t: SsoTestApp, action: string) {
  const result = await sql<{
    after: Record<string, unknown>;
    before: Record<string, unknown> | null;
    user_id: string | null;
  }>`
    SELECT after, before, user_id FROM audit_log WHERE action = ${action} ORDER BY id DESC LIMIT 1`.execute(
    t.db,
  );
  return result.rows[0];
}
