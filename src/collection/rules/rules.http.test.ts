// Validation rules over HTTP on the demo council: a performance officer adds, changes and removes rules on the
// page and replaces them through the API; a data owner reads but is refused; stale versions answer 409; a bad
// cross-measure rule is named by its field; every change is audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
async function as(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

before(async () => {
  t = await startTestApp('demo');
});
after(async () => t.close());

const rangeForm = { kind: 'range', severity: 'hard', min: '0', max: '500', limit: '', unit: '', message: '' };

interface RulesBody {
  version: number | null;
  rules: { id: string; version: number; kind: string; summary: string }[];
}

describe('the validation rules page', () => {
  test('a performance officer adds, changes and removes a rule, each audited; the measure page links to it', async () => {
    const officer = await as('performance@anytown.example');
    assert.match(await (await officer.get('/measures/HOU-01')).text(), /href="\/measures\/HOU-01\/rules"/);
    assert.match(
      await (await officer.get('/measures/HOU-01/rules')).text(),
      /HOU-01 has no validation rules/,
    );
    const added = await officer.post('/measures/HOU-01/rules', rangeForm);
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), '/measures/HOU-01/rules?done=added');
    const list = await (await officer.get('/measures/HOU-01/rules?done=added')).text();
    assert.match(list, /The rule was added/);
    assert.match(list, /Hard: between 0 and 500/);
    const [rule] = ((await (await officer.json('GET', '/api/v1/measures/HOU-01/rules')).json()) as RulesBody)
      .rules;
    assert.ok(rule);
    const form = await (await officer.get(`/measures/HOU-01/rules/${rule.id}`)).text();
    assert.match(form, /value="500"/);
    const changed = await officer.post(`/measures/HOU-01/rules/${rule.id}`, {
      ...rangeForm,
      severity: 'soft',
      max: '400',
      version: '1',
    });
    assert.equal(changed.status, 303);
    assert.match(await (await officer.get('/measures/HOU-01/rules')).text(), /Soft: between 0 and 400/);
    const removed = await officer.post(`/measures/HOU-01/rules/${rule.id}/remove`, { version: '2' });
    assert.equal(removed.status, 303);
    assert.match(
      await (await officer.get('/measures/HOU-01/rules')).text(),
      /HOU-01 has no validation rules/,
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'validation_rule')
      .where('entity_id', '=', rule.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['validation_rule.add', 'validation_rule.change', 'validation_rule.remove'],
    );
  });

  test('a change from a stale page answers 409, shows the current rule and overwrites nothing', async () => {
    const officer = await as('performance@anytown.example');
    await officer.get('/measures/HOU-05/rules');
    await officer.post('/measures/HOU-05/rules', { ...rangeForm, max: '60' });
    const [rule] = ((await (await officer.json('GET', '/api/v1/measures/HOU-05/rules')).json()) as RulesBody)
      .rules;
    assert.ok(rule);
    await officer.get(`/measures/HOU-05/rules/${rule.id}`);
    assert.equal(
      (await officer.post(`/measures/HOU-05/rules/${rule.id}`, { ...rangeForm, max: '70', version: '1' }))
        .status,
      303,
    );
    const stale = await officer.post(`/measures/HOU-05/rules/${rule.id}`, {
      ...rangeForm,
      max: '80',
      version: '1',
    });
    assert.equal(stale.status, 409);
    const page = await stale.text();
    assert.match(page, /Someone else changed this rule of HOU-05 since you opened it \(now version 2/);
    assert.match(page, /name="version" value="2"/);
    const staleRemove = await officer.post(`/measures/HOU-05/rules/${rule.id}/remove`, { version: '1' });
    assert.equal(staleRemove.status, 409);
    assert.match(
      await (await officer.get('/measures/HOU-05/rules')).text(),
      /between 0.0 days and 70.0 days/,
    );
    assert.equal(
      (await officer.post(`/measures/HOU-05/rules/${rule.id}/remove`, { version: '2' })).status,
      303,
    );
    const gone = await officer.post(`/measures/HOU-05/rules/${rule.id}`, {
      ...rangeForm,
      max: '90',
      version: '2',
    });
    assert.equal(gone.status, 409);
    assert.match(await gone.text(), /That rule of HOU-05 has been removed by someone else/);
  });

  test('a cross-measure rule that does not read, or names no measure, is refused naming the field', async () => {
    const officer = await as('performance@anytown.example');
    await officer.get('/measures/HOU-01/rules');
    const bad = await officer.post('/measures/HOU-01/rules', {
      kind: 'cross_measure',
      severity: 'hard',
      expression: '[HOU-01] <= [HOU-99]',
    });
    assert.equal(bad.status, 400);
    const page = await bad.text();
    assert.match(page, /href="#expression">expression: no measure has the code HOU-99/);
    assert.match(page, /value="\[HOU-01\] &lt;= \[HOU-99\]"/);
    const syntax = await officer.post('/measures/HOU-01/rules', {
      kind: 'cross_measure',
      severity: 'hard',
      expression: '[HOU-01] <=',
    });
    assert.equal(syntax.status, 400);
    assert.match(
      await syntax.text(),
      /expression: Expected a number, measure code or &#39;\(&#39; at position 11/,
    );
  });

  test('a data owner reads the rules but cannot change them', async () => {
    const owner = await as('housing.owner@anytown.example');
    const page = await owner.get('/measures/HOU-01/rules');
    assert.equal(page.status, 200);
    assert.doesNotMatch(await page.text(), /Add rule/);
    assert.equal((await owner.post('/measures/HOU-01/rules', rangeForm)).status, 403);
    assert.equal(
      (await owner.json('PUT', '/api/v1/measures/HOU-01/rules', { rules: [], version: null })).status,
      403,
    );
  });
});

describe('the validation rules API', () => {
  test('PUT with the set version replaces the rules; a stale version answers 409', async () => {
    const officer = await as('performance@anytown.example');
    const first = await officer.json('PUT', '/api/v1/measures/HOU-10/rules', {
      version: null,
      rules: [
        { kind: 'integer', severity: 'hard' },
        { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
      ],
    });
    assert.equal(first.status, 200);
    const set = (await first.json()) as RulesBody;
    assert.equal(set.version, 1);
    assert.deepEqual(
      set.rules.map((r) => r.summary),
      ['Hard: whole numbers only', 'Soft: changes by no more than 50% from the previous period'],
    );
    const keep = set.rules[0];
    assert.ok(keep);
    const second = await officer.json('PUT', '/api/v1/measures/HOU-10/rules', {
      version: 1,
      rules: [{ id: keep.id, kind: 'integer', severity: 'soft' }],
    });
    assert.equal(second.status, 200);
    const now = (await second.json()) as RulesBody;
    assert.equal(now.version, 2);
    assert.deepEqual(
      now.rules.map((r) => [r.id, r.version, r.summary]),
      [[keep.id, 2, 'Soft: whole numbers only']],
    );
    const stale = await officer.json('PUT', '/api/v1/measures/HOU-10/rules', { version: 1, rules: [] });
    assert.equal(stale.status, 409);
    assert.equal(
      ((await (await officer.json('GET', '/api/v1/measures/HOU-10/rules')).json()) as RulesBody).rules.length,
      1,
    );
  });

  test('a bad rule answers 400 naming it by its place in the list', async () => {
    const officer = await as('performance@anytown.example');
    const response = await officer.json('PUT', '/api/v1/measures/HOU-09/rules', {
      version: null,
      rules: [
        { kind: 'integer', severity: 'hard' },
        { kind: 'cross_measure', severity: 'hard', expression: '[HOU-09] <= [NOPE-1]' },
      ],
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { details: { field: string; message: string }[] } };
    assert.deepEqual(body.error.details, [
      { field: 'rules[1].expression', message: 'rules[1].expression: no measure has the code NOPE-1' },
    ]);
  });
});
