// Every state-changing route a signed-in browser can reach refuses a request without the session's CSRF token (a
// form posted from another site), walking the server's own list of routes so a new form cannot ship without it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, demoUsers } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { can, type Action } from './permissions.ts';
import type { CurrentUser } from './current-user.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('demo');
});
after(() => t.close());

const CSRF_REFUSAL = /did not come from this site/;

/** A demo user the route's access rule admits, so the answer is about the token and not about the role. */
function admittedBy(access: string): string {
  const user = demoUsers.find(
    (u) =>
      access === 'signed_in' ||
      can({ role: u.role, tokenActions: null } as unknown as CurrentUser, access as Action),
  );
  assert.ok(user, `no demo user may ${access}`);
  return user.email;
}

test('every POST, PUT, PATCH and DELETE route behind sign-in refuses a request without the CSRF token', async () => {
  const routes = t.app.routeCatalogue.filter(
    (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.access && r.access !== 'public',
  );
  assert.ok(routes.length > 40, `${routes.length} routes found`);
  const clients = new Map<string, Client>();
  const refusedWrongly: string[] = [];
  for (const route of routes) {
    const email = admittedBy(String(route.access));
    let client = clients.get(email);
    if (!client) {
      client = new Client(t.baseUrl);
      await client.signIn(email, DEMO_PASSWORD);
      clients.set(email, client);
    }
    // "::" is a literal colon to the router (/api/v1/values::batch is /api/v1/values:batch).
    const url = route.url
      .split('::')
      .map((part) => part.replace(/:[A-Za-z]+/g, '1'))
      .join(':');
    for (const kind of ['form', 'json', 'multipart'] as const) {
      const body =
        kind === 'form'
          ? new URLSearchParams({ name: 'x' })
          : kind === 'json'
            ? JSON.stringify({ name: 'x' })
            : (() => {
                const form = new FormData();
                form.set('file', new Blob(['measure_code,period,value\n']), 'f.csv');
                return form;
              })();
      const response = await fetch(t.baseUrl + url, {
        method: route.method,
        redirect: 'manual',
        headers: {
          cookie: client.cookie,
          ...(kind === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(kind === 'json' ? { 'content-type': 'application/json' } : {}),
        },
        body,
      });
      const text = await response.text();
      // 415: a route that takes no body of this kind refuses it before anything runs, which is as safe.
      if (!(response.status === 403 && CSRF_REFUSAL.test(text)) && response.status !== 415)
        refusedWrongly.push(
          `${route.method} ${url} (${kind}) as ${email}: ${response.status} ${text.slice(0, 120)}`,
        );
    }
  }
  assert.deepEqual(refusedWrongly, []);
});
