// Walks every registered route as every role and as an anonymous caller, so no route can ship unprotected:
// anonymous callers are sent to sign in (401 for the API), roles without the action get 403 before any
// handler runs, and roles with it are let through.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../db/schema.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { permissions, type Action } from './permissions.ts';

const demoUsers: Record<Role, string> = {
  administrator: 'admin@anytown.example',
  performance_officer: 'performance@anytown.example',
  data_owner: 'housing.owner@anytown.example',
  director: 'director.housing@anytown.example',
  cabinet_member: 'cabinet.housing@anytown.example',
  councillor: 'councillor@anytown.example',
  provider: 'school.provider@anytown.example',
};

let testApp: TestApp;

before(async () => {
  testApp = await startTestApp('demo');
});
after(async () => {
  await testApp.close();
});

function concrete(url: string): string {
  // Any value will do for a parameter: the guard decides before the handler looks the record up.
  // "::" is a literal colon to the router (/api/v1/values::batch is /api/v1/values:batch), not a parameter.
  return url
    .split('::')
    .map((part) => part.replace(/:[A-Za-z]+/g, 'ZZ-404'))
    .join(':')
    .replace(/\*$/, 'app.css');
}

function send(client: Client | null, method: string, url: string, baseUrl: string): Promise<Response> {
  if (client) return method === 'GET' ? client.get(url) : client.send(method, url, {});
  return fetch(baseUrl + url, {
    method,
    redirect: 'manual',
    headers: method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    body: method === 'GET' ? undefined : '',
  });
}

describe('the access matrix', () => {
  test('every route declares an access rule', () => {
    const undeclared = testApp.app.routeCatalogue.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(undeclared, []);
  });

  test('the sign-in routes are open to anyone, and single sign-on says "not found" where it is not set up', async () => {
    const signIn = testApp.app.routeCatalogue
      .filter((r) => r.url.startsWith('/sign-in'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    assert.deepEqual(signIn, [
      'GET /sign-in public',
      'GET /sign-in/sso public',
      'GET /sign-in/sso/callback public',
      'POST /sign-in public',
    ]);
    for (const url of ['/sign-in/sso', '/sign-in/sso/callback?code=x&state=y'])
      assert.equal((await send(null, 'GET', url, testApp.baseUrl)).status, 404, url);
  });

  test('an anonymous caller is sent to sign in, or gets 401 from the API, on every protected route', async () => {
    const protectedRoutes = testApp.app.routeCatalogue.filter((r) => r.access !== 'public');
    assert.ok(protectedRoutes.length > 10, 'expected the app to have protected routes');
    for (const route of protectedRoutes) {
      const response = await send(null, route.method, concrete(route.url), testApp.baseUrl);
      const where = `${route.method} ${route.url}`;
      if (route.url.startsWith('/api/')) {
        assert.equal(response.status, 401, where);
        const body = (await response.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'unauthenticated', where);
      } else {
        assert.equal(response.status, 302, where);
        assert.match(response.headers.get('location') ?? '', /^\/sign-in/, where);
      }
    }
  });

  for (const [role, email] of Object.entries(demoUsers) as [Role, string][]) {
    test(`a ${role} is refused exactly the routes whose action their role lacks`, async () => {
      const client = new Client(testApp.baseUrl);
      await client.signIn(email, DEMO_PASSWORD);
      // The sign-outs last, or the rest of the walk would be anonymous.
      const endsSession = (url: string) => Number(url.startsWith('/sign-out'));
      const routes = [...testApp.app.routeCatalogue]
        .filter((r) => r.access !== 'public')
        .sort((a, b) => endsSession(a.url) - endsSession(b.url));
      for (const route of routes) {
        const response = await send(client, route.method, concrete(route.url), testApp.baseUrl);
        const allowed = route.access === 'signed_in' || permissions[route.access as Action][role] != null;
        const where = `${role} ${route.method} ${route.url} → ${response.status}`;
        if (allowed) assert.ok(![401, 403].includes(response.status), where);
        else assert.equal(response.status, 403, where);
      }
    });
  }
});
