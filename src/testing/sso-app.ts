// Test support: the demo app set up for single sign-on against a real provider on loopback (src/testing/
// oidc-provider.ts), with the role and scope maps an Entra ID council would configure.
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
