// The OpenID Connect client (openid-client): finds the provider by discovery when first needed (a provider
// down at start-up does not stop the app), sends people there with PKCE, state and nonce, and checks them back.
import * as oidc from 'openid-client';
import type { Claims } from './claims.ts';
import type { PendingSignIn } from './pending-sign-ins.ts';
import type { SsoConfig } from './sso-config.ts';

export interface SsoClient {
  /** Where to send the browser, and what the callback will need to check the answer. */
  start(next: string): Promise<{ url: URL; pending: PendingSignIn }>;
  /** The ID token's claims, once the code is exchanged and state, nonce and PKCE all check out. */
  finish(callbackQuery: string, pending: PendingSignIn): Promise<Claims>;
}

export function ssoClient(sso: SsoConfig): SsoClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(sso.issuer, sso.clientId, sso.clientSecret, undefined, {
        // Plain http only for a provider on this machine; readSsoConfig refuses it anywhere else.
        execute: sso.allowInsecureLoopback ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again at the next sign-in
        throw error;
      });
    return discovered;
  };

  return {
    async start(next) {
      const pending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        next,
      };
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: sso.redirectUrl.href,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    async finish(callbackQuery, pending) {
      // The callback's address as the provider knows it (behind a proxy the request's own host may differ).
      const current = new URL(sso.redirectUrl);
      current.search = callbackQuery;
      const tokens = await oidc
        .authorizationCodeGrant(await configuration(), current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
        .catch((error: unknown) => {
          throw new SsoNotCompleted(why(error), { cause: error });
        });
      const claims = tokens.claims();
      if (!claims) throw new SsoNotCompleted('the provider sent no ID token');
      return claims;
    },
  };
}

/** The provider's answer was refused (wrong state, nonce or verifier, an error from the provider, a bad token). */
export class SsoNotCompleted extends Error {}

/** The reason in words a person (and the audit log) can use: the provider's own, or the check that failed. */
function why(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError)
    return `the council’s sign-in service said: ${error.error_description ?? error.error}`;
  // openid-client's own message is general ("invalid response encountered"); the check that failed is its cause.
  if (error instanceof oidc.ClientError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
