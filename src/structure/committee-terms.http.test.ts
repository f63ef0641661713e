// A committee's terms-of-reference form over HTTP: a save becomes a version in the committee page's history, a
// stale one answers 409 beside what is saved now, the CSRF token is checked, and a director may not edit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormSession } from '../reporting/report-sets/report-sets.fixtures.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

let app: TestApp;

before(async () => {
  app = await startTestApp('demo');
});
after(async () => app.close());

const as = (who: string) => FormSession.signIn(app.baseUrl, `${who}@anytown.example`);

describe('committee terms of reference over HTTP', () => {
  test('the form saves a new version shown in the history; a stale one answers 409 beside what is saved now', async () => {
    const admin = await as('admin');
    const form = await admin.get('/structure/committees/SC-CYP/terms');
    assert.equal(form.status, 200);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const fields = (themes: string, v: string) => ({
      version: v,
      termsOfReference: "To scrutinise children's services.",
      themes,
      services: ['CHS-CP', 'CHS-CIC'],
      note: 'Reviewed by full council',
    });
    const saved = await admin.post(
      '/structure/committees/SC-CYP/terms',
      fields('child protection\nchildren in care', version),
    );
    assert.equal(saved.status, 303);
    const page = await admin.get('/structure/committees/SC-CYP');
    assert.match(page.text, /History of the terms of reference/);
    assert.match(page.text, /Reviewed by full council/);
    assert.match(page.text, /Version 1 as it was/);
    const stale = await admin.post('/structure/committees/SC-CYP/terms', fields('SEND', version));
    assert.equal(stale.status, 409);
    assert.match(stale.text, /What is saved now/);
    assert.match(stale.text, /Sam Taylor/);
    assert.match(stale.text, />SEND</);
    const noCsrf = await admin.post(
      '/structure/committees/SC-CYP/terms',
      fields('SEND', String(Number(version) + 1)),
      false,
    );
    assert.equal(noCsrf.status, 403);
    const director = await as('director.housing');
    assert.equal((await director.get('/structure/committees/SC-CYP/terms')).status, 403);
  });
});
