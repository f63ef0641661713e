// Test support: a real OpenID Connect provider (oidc-provider) on loopback, standing in for the council's
// Microsoft Entra ID: one client registered for our callback, people whose claims each test chooses, and a
// plain sign-in page of its own that a test completes over HTTP (or a browser completes by clicking).
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Gives a person (the provider's subject) the claims they will sign in with; replaces any given before. */
  person(subject: string, claims: Record<string, unknown>): void;
  /** Signs the person in at the provider, starting from our authorisation redirect; returns the callback URL. */
  signInAt(authorizationUrl: string, subject: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUrl: string): Promise<TestProvider> {
  const people = new Map<string, Record<string, unknown>>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'civic-scorecard';
  const clientSecret = 'a-client-secret-for-tests-only-0123456789';
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    // As Entra ID does, put the person's claims (groups, app roles, e-mail) in the ID token itself.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'roles', 'groups'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx, subject) => {
      const claims = people.get(subject);
      return claims ? { accountId: subject, claims: () => ({ ...claims, sub: subject }) } : undefined;
    },
    // Our app is the council's own: no consent screen, as with an Entra app an administrator has consented to.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test provider:', error));
  const providerCallback = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/interaction/')) void interaction(provider, request, response);
    else void providerCallback(request, response);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    person: (subject, claims) => people.set(subject, claims),
    signInAt: (authorizationUrl, subject) => signInAt(issuer, authorizationUrl, subject),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The provider's own sign-in page: one field, the person's subject, and a button. */
async function interaction(provider: Provider, request: IncomingMessage, response: ServerResponse) {
  try {
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'POST') {
      const form = new URLSearchParams(await body(request));
      const subject = form.get('subject') ?? '';
      await provider.interactionFinished(request, response, { login: { accountId: subject } });
      return;
    }
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><title>Council sign-in</title></head><body><main>
      <h1>Anytown Council sign-in</h1>
      <form method="post" action="/interaction/${details.uid}">
        <label for="subject">Account</label> <input id="subject" name="subject">
        <button type="submit">Continue</button>
      </form></main></body></html>`);
  } catch (error) {
    response.statusCode = 500;
    response.end(String(error));
  }
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/** Follows the provider's redirects with its cookies, signing in on its page, until it sends us to the callback. */
async function signInAt(issuer: string, authorizationUrl: string, subject: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (!url.startsWith(issuer)) return url;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    form = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!action)
      throw new Error(`the test provider answered ${response.status} at ${url}: ${page.slice(0, 300)}`);
    url = new URL(action, url).href;
    form = new URLSearchParams({ subject });
  }
  throw new Error('the test provider redirected too many times');
}
