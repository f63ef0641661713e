// The report-set JSON API over HTTP as the demo's people: reading a set, and each answer of the transitions
// endpoint — 403 for a role that does not take the step, 404, 400, 409 for a stale version, 200 — and its entry in
// the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.ts';
import { aSet, FormSession, governanceUsers } from './report-sets.fixtures.ts';
import type { ReportSet } from './report-sets.queries.ts';

let app: TestApp;
let set: ReportSet;

before(async () => {
  app = await startTestApp('demo');
  const users = await governanceUsers(app.db);
  set = await aSet(app.db, users.officer);
});
after(async () => app.close());

const as = (who: string) => FormSession.signIn(app.baseUrl, `${who}@anytown.example`);

describe('the JSON API', () => {
  const transitions = (name: string) => `/api/v1/report-sets/${name}/transitions`;

  test('reads a set and moves it: 403 wrong role, 404 no set, 400 return without comment, 409 stale, 200', async () => {
    const director = await as('director.housing');
    const cabinet = await as('cabinet.housing');
    const read = await director.json('GET', `/api/v1/report-sets/${set.name}`);
    assert.equal(read.status, 200);
    const body = read.body as { measureCodes: string[]; version: number; signOff: { status: string } };
    assert.deepEqual(body.measureCodes, ['HOU-01', 'HOU-02', 'HOU-07']);
    assert.equal(body.signOff.status, 'draft');

    assert.equal(
      (await cabinet.json('POST', transitions(set.name), { action: 'propose', version: body.version }))
        .status,
      403,
    );
    assert.equal(
      (await director.json('POST', transitions('no-such-set'), { action: 'propose', version: 1 })).status,
      404,
    );
    const bad = await director.json('POST', transitions(set.name), { action: 'bless', version: 1 });
    assert.equal(bad.status, 400);
    const ok = await director.json('POST', transitions(set.name), {
      action: 'propose',
      version: body.version,
    });
    assert.equal(ok.status, 200);
    assert.equal((ok.body as { signOff: { status: string } }).signOff.status, 'proposed');
    const noComment = await cabinet.json('POST', transitions(set.name), {
      action: 'return',
      version: body.version + 1,
    });
    assert.equal(noComment.status, 400);
    assert.deepEqual(
      (noComment.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field),
      ['comment'],
    );
    const stale = await cabinet.json('POST', transitions(set.name), {
      action: 'sign_off',
      version: body.version,
    });
    assert.equal(stale.status, 409);
    assert.match((stale.body as { error: { message: string } }).error.message, /Someone else changed/);
    const signed = await cabinet.json('POST', transitions(set.name), {
      action: 'sign_off',
      version: body.version + 1,
    });
    assert.equal(signed.status, 200);
    assert.equal((signed.body as { signOff: { decidedBy: string } }).signOff.decidedBy, 'Cllr Priya Shah');
  });

  test('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    assert.ok(doc.paths['/api/v1/report-sets/{name}/transitions']);
    assert.ok(doc.paths['/api/v1/report-sets/{name}']);
  });
});
