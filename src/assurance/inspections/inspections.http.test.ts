// The inspection register over HTTP: the framework is chosen first and the form offers only its scales; a judgement
// from another scale posted anyway answers 400 naming the field; a stale edit answers 409 beside what is saved now;
// data owners read but cannot record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormSession } from '../../reporting/report-sets/report-sets.fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';
import { anInspectionForm } from '../assurance.fixtures.ts';

let app: TestApp;

before(async () => {
  app = await startTestApp('demo');
});
after(async () => app.close());

const as = (who: string) => FormSession.signIn(app.baseUrl, `${who}@anytown.example`);

describe('inspections over HTTP', () => {
  test('inspection scales cannot be mixed at the form: only the framework’s own judgements are offered or accepted', async () => {
    const officer = await as('performance');
    const choose = await officer.get('/inspections/new');
    assert.equal(choose.status, 200);
    assert.match(choose.text, /School inspection report card/);
    const form = await officer.get('/inspections/new?framework=OFSTED-REPORT-CARD');
    assert.equal(form.status, 200);
    assert.match(form.text, /Strong standard/);
    assert.doesNotMatch(form.text, />Requires improvement to be good</);
    assert.match(form.text, /not comparable with the single-word grades/);
    const mixed = await officer.post(
      '/inspections/new?framework=OFSTED-REPORT-CARD',
      anInspectionForm({ service: 'CHS-EDU', overall: '', 'area-1': 'Good', 'area-9': 'Met' }),
    );
    assert.equal(mixed.status, 400);
    assert.match(mixed.text, /href="#area-1"/);
    assert.match(mixed.text, /Inclusion must be one of/);
    const saved = await officer.post(
      '/inspections/new?framework=OFSTED-REPORT-CARD',
      anInspectionForm({
        service: 'CHS-EDU',
        overall: '',
        'area-1': 'Strong standard',
        'area-3': 'Expected standard',
        'area-9': 'Met',
      }),
    );
    assert.equal(saved.status, 303, /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(saved.text)?.[1]);
    const page = await officer.get(saved.location ?? '');
    assert.match(page.text, /No overall grade under this framework/);
    assert.match(page.text, /Strong standard/);
    assert.match(page.text, /Improve the sufficiency of local placements/);
  });

  test('a stale edit answers 409 naming who saved first; a data owner reads but may not record', async () => {
    const officer = await as('performance');
    const created = await officer.post('/inspections/new?framework=OFSTED-ILACS', anInspectionForm());
    assert.equal(created.status, 303);
    const id = /\/inspections\/(\d+)/.exec(created.location ?? '')?.[1] ?? '';
    const edit = await officer.get(`/inspections/${id}/edit`);
    assert.equal(edit.status, 200);
    const version = /name="version" value="(\d+)"/.exec(edit.text)?.[1] ?? '';
    assert.equal(
      (await officer.post(`/inspections/${id}/edit`, anInspectionForm({ version, overall: 'Outstanding' })))
        .status,
      303,
    );
    const stale = await officer.post(
      `/inspections/${id}/edit`,
      anInspectionForm({ version, overall: 'Inadequate' }),
    );
    assert.equal(stale.status, 409);
    assert.match(stale.text, /What is saved now/);
    assert.match(stale.text, /Hannah Wright/);
    const owner = await as('housing.owner');
    assert.equal((await owner.get('/inspections')).status, 200);
    assert.equal((await owner.get('/inspections/new')).status, 403);
    assert.equal((await owner.get(`/inspections/${id}`)).status, 404);
    const list = await officer.get('/inspections?service=CHS-CIC');
    assert.match(list.text, /Timeline of Children in Care/);
    assert.equal((await officer.get('/inspections?inspectorate=Nobody')).status, 400);
  });
});
