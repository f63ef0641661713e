// Whatever a caller sends — any JSON body, any query string, any path value — the API answers with a specific 4xx
// naming what was wrong, never a 500 or a dropped connection. Property-based: fast-check generates the input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createApiToken } from '../access/api-tokens.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let token: string;
before(async () => {
  t = await startTestApp('demo');
  token = await createApiToken(t.db, { email: 'performance@anytown.example', scopes: ['all'] });
  // The generated requests must reach the handlers: the token and the demo values are good.
  const measure = await t.app.inject({
    url: '/api/v1/measures/HOU-07',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(measure.statusCode, 200, measure.body);
});
after(() => t.close());

const RUNS = 25;

/** The API's routes with a path filled in by real demo values, so requests reach the handlers' own checks. */
function apiRoutes(methods: string[]): { method: string; url: string }[] {
  return t.app.routeCatalogue
    .filter((r) => r.url.startsWith('/api/') && methods.includes(r.method))
    .map((r) => ({
      method: r.method,
      url: r.url
        .split('::')
        .map((part) =>
          part
            .replace(/:code\b/g, 'HOU-07')
            .replace(/:period\b/g, '2026-27-Q1')
            .replace(/:[A-Za-z]+/g, '1'),
        )
        .join(':'),
    }));
}

function checkAnswer(where: string, status: number, body: string): void {
  assert.ok(status < 500, `${where} answered ${status}: ${body.slice(0, 300)}`);
  if (status >= 400) {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    assert.ok(
      parsed.error?.code && parsed.error.message,
      `${where} ${status} without a code and message: ${body}`,
    );
  }
}

test('any JSON body sent to any API route that takes one is answered below 500, with a code and a message', async () => {
  const routes = apiRoutes(['POST', 'PUT', 'PATCH']);
  assert.ok(routes.length >= 5, `${routes.length} routes take a body`);
  for (const route of routes)
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const response = await t.app.inject({
          method: route.method as 'POST',
          url: route.url,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        checkAnswer(`${route.method} ${route.url}`, response.statusCode, response.body);
      }),
      { numRuns: RUNS },
    );
});

test('bodies that are not JSON at all are refused with 400 or 415, never 500', async () => {
  const routes = apiRoutes(['POST', 'PUT']);
  for (const route of routes)
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('application/json', 'text/plain', 'application/xml'),
        async (text, type) => {
          const response = await t.app.inject({
            method: route.method as 'POST',
            url: route.url,
            headers: { authorization: `Bearer ${token}`, 'content-type': type },
            payload: text,
          });
          checkAnswer(`${route.method} ${route.url} (${type})`, response.statusCode, response.body);
        },
      ),
      { numRuns: 10 },
    );
});

test('any query string and any path value on the API GET routes is answered below 500', async () => {
  const routes = apiRoutes(['GET']).filter((r) => !r.url.includes('openapi'));
  for (const route of routes)
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('period', 'from', 'to', 'q', 'page', 'breakdown', 'group', 'metric', 'dataset'),
          fc.string({ maxLength: 40 }),
        ),
        fc.string({ minLength: 1, maxLength: 30 }),
        async (query, pathValue) => {
          const url = route.url.replace('HOU-07', encodeURIComponent(pathValue));
          const response = await t.app.inject({
            method: 'GET',
            url,
            query,
            headers: { authorization: `Bearer ${token}` },
          });
          checkAnswer(
            `GET ${url}?${new URLSearchParams(query).toString()}`,
            response.statusCode,
            response.body,
          );
        },
      ),
      { numRuns: RUNS },
    );
});

test('a body over the size limit is refused with 413 and a message, not read', async () => {
  const response = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/values/HOU-07/2026-27-Q1',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ value: '1', commentary: 'x'.repeat(3 * 1024 * 1024) }),
  });
  assert.equal(response.statusCode, 413);
  checkAnswer('oversized PUT', response.statusCode, response.body);
});
