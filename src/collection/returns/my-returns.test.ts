// A data owner's return over HTTP on the demo council: every figure they owe on one form with its guidance; saving
// as a draft then submitting; a problem in one row saves none of them; soft warnings ask for an explanation only
// on submitting; a stale row is refused, and another service's figures are never in the return.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let returnPath = '';

async function as(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

/** The form's rows as the page numbers them: 'CODE' or 'CODE provider:X' → n. */
function rowNumbers(html: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const match of html.matchAll(/name="code_(\d+)" value="([^"]+)"/g)) {
    const breakdown = new RegExp(`name="breakdown_${match[1]}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    rows.set(breakdown ? `${match[2]} ${breakdown}` : (match[2] ?? ''), Number(match[1]));
  }
  return rows;
}

/** Every row as the form would post it untouched: hidden fields and the typed ones left blank. */
function untouched(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const match of html.matchAll(/name="((?:code|period|breakdown|version)_\d+)" value="([^"]*)"/g))
    form[match[1] ?? ''] = match[2] ?? '';
  return form;
}

/** The error summary's messages, for a failing assertion to show. */
function problemsIn(html: string): string {
  return [...html.matchAll(/<a href="#[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]).join('; ');
}

async function figureOf(code: string, period: string, breakdown = '') {
  const { rows } = await t.db.executeQuery<{ value: string; status: string; quality_flags: string[] }>(
    (await import('kysely')).sql`
      SELECT dv.value, dv.status, dv.quality_flags FROM data_values dv JOIN measures m ON m.id = dv.measure_id
      WHERE m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ${breakdown}`.compile(t.db),
  );
  return rows[0];
}

before(async () => {
  t = await startTestApp('demo');
  const officer = await as('performance@anytown.example');
  await officer.get('/rounds');
  const opened = await officer.post('/rounds', {
    period: '2035-05',
    deadline: '2035-06-15',
    reminderDays: '5',
  });
  assert.equal(opened.status, 303);
  returnPath = `${(opened.headers.get('location') ?? '').replace(/\?.*$/, '')}/my-return`;
});
after(async () => t.close());

describe("a data owner's return", () => {
  test('holds every figure they owe this round, with the guidance and last figure beside each, and nothing of other services', async () => {
    const owner = await as('housing.owner@anytown.example');
    const response = await owner.get(returnPath);
    assert.equal(response.status, 200);
    const html = await response.text();
    const rows = rowNumbers(html);
    assert.ok(rows.has('HOU-01'), 'HOU-01 is owed');
    assert.ok(![...rows.keys()].some((code) => code.startsWith('ASC-')), 'no adult social care measures');
    assert.ok(!rows.has('HOU-12'), 'a formula measure is calculated, never owed');
    assert.match(html, /Guidance/);
    assert.match(html, /Last period/);
    assert.match(html, /How it is calculated/);
  });

  test('/my-returns takes the user to the latest round', async () => {
    const owner = await as('housing.owner@anytown.example');
    const response = await owner.get('/my-returns');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), returnPath);
  });

  test('saves as a draft, then submits, and a row with a problem saves none of the rows', async () => {
    const owner = await as('housing.owner@anytown.example');
    const html = await (await owner.get(returnPath)).text();
    const rows = rowNumbers(html);
    const n = rows.get('HOU-01');
    const other = [...rows.entries()].find(
      ([code]) => code !== 'HOU-01' && /name="value_\d+"/.test(html),
    )?.[1];
    assert.ok(n !== undefined && other !== undefined);

    const broken = await owner.post(returnPath, {
      ...untouched(html),
      [`value_${n}`]: '97.5',
      [`value_${other}`]: 'abc',
      action: 'draft',
    });
    assert.equal(broken.status, 400);
    assert.match(await broken.text(), /There is a problem/);
    assert.equal(await figureOf('HOU-01', '2035-05'), undefined, 'nothing saved while another row is wrong');

    const draft = await owner.post(returnPath, {
      ...untouched(html),
      [`value_${n}`]: '97.5',
      action: 'draft',
    });
    assert.equal(draft.status, 303, problemsIn(await draft.clone().text()));
    assert.equal((await figureOf('HOU-01', '2035-05'))?.status, 'draft');
    const after = await (await owner.get(draft.headers.get('location') ?? '')).text();
    assert.match(after, /Saved 1 figure as a draft/);

    const submitted = await owner.post(returnPath, {
      ...untouched(after),
      [`value_${n}`]: '97.5',
      action: 'submit',
    });
    assert.equal(submitted.status, 303);
    assert.equal((await figureOf('HOU-01', '2035-05'))?.status, 'submitted');
  });

  test('a stale row is refused with who changed it, and the other rows stay unsaved', async () => {
    const owner = await as('housing.owner@anytown.example');
    const html = await (await owner.get(returnPath)).text();
    const rows = rowNumbers(html);
    const n = rows.get('HOU-01');
    const form = { ...untouched(html), [`value_${n}`]: '96', action: 'submit' };
    const officer = await as('performance@anytown.example');
    const version = /name="version_\d+" value="(\d+)"/.exec(
      html.slice(html.indexOf(`name="code_${n}"`)),
    )?.[1];
    const changed = await officer.json('PUT', '/api/v1/values/HOU-01/2035-05', {
      value: 95,
      version: Number(version),
    });
    assert.equal(changed.status, 200, await changed.clone().text());
    const refused = await owner.post(returnPath, form);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Someone else changed this figure/);
    assert.equal(Number((await figureOf('HOU-01', '2035-05'))?.value), 95);
  });

  test('a soft warning lets a draft be saved but asks for an explanation to submit', async () => {
    const owner = await as('housing.owner@anytown.example');
    const html = await (await owner.get(returnPath)).text();
    const n = rowNumbers(html).get('HOU-05');
    assert.ok(n !== undefined, 'HOU-05 is owed');
    const draft = await owner.post(returnPath, {
      ...untouched(html),
      [`value_${n}`]: '400',
      action: 'draft',
    });
    assert.equal(draft.status, 303);
    assert.equal((await figureOf('HOU-05', '2035-05'))?.status, 'draft');
    assert.match((await figureOf('HOU-05', '2035-05'))?.quality_flags.join(' ') ?? '', /^Warning: /);

    const page = await (await owner.get(returnPath)).text();
    const asked = await owner.post(returnPath, {
      ...untouched(page),
      [`value_${n}`]: '400',
      action: 'submit',
    });
    assert.equal(asked.status, 400);
    const form = await asked.text();
    assert.match(form, /Check this figure/);
    assert.match(form, new RegExp(`name="explanation_${n}"`));
    assert.equal((await figureOf('HOU-05', '2035-05'))?.status, 'draft', 'still a draft');

    const explained = await owner.post(returnPath, {
      ...untouched(page),
      [`value_${n}`]: '400',
      [`explanation_${n}`]: 'Two long-void properties let after major works',
      action: 'submit',
    });
    assert.equal(explained.status, 303);
    const stored = await figureOf('HOU-05', '2035-05');
    assert.equal(stored?.status, 'submitted');
    assert.match(stored?.quality_flags.join(' ') ?? '', /Explanation: Two long-void properties/);
  });

  test('a figure the performance team returned shows who returned it and why, and can be put right and submitted', async () => {
    const owner = await as('housing.owner@anytown.example');
    const html = await (await owner.get(returnPath)).text();
    const n = rowNumbers(html).get('HOU-08');
    assert.ok(n !== undefined, 'HOU-08 is owed');
    const sent = await owner.post(returnPath, { ...untouched(html), [`value_${n}`]: '12', action: 'submit' });
    assert.equal(sent.status, 303, problemsIn(await sent.clone().text()));
    const officer = await as('performance@anytown.example');
    const figure = (await (
      await officer.get('/api/v1/values?measure=HOU-08&from=2035-05&to=2035-05')
    ).json()) as {
      values: { version: number }[];
    };
    const returned = await officer.json('POST', '/api/v1/values/HOU-08/2035-05/transitions', {
      action: 'return',
      version: figure.values[0]?.version,
      comment: 'Twelve reports looks low for May: please check the repairs log',
    });
    assert.equal(returned.status, 200, await returned.clone().text());
    const page = await (await owner.get(returnPath)).text();
    assert.match(
      page,
      /Returned by Hannah Wright: Twelve reports looks low for May: please check the repairs log/,
    );
    const fixed = await owner.post(returnPath, {
      ...untouched(page),
      [`value_${n}`]: '21',
      action: 'submit',
    });
    assert.equal(fixed.status, 303, problemsIn(await fixed.clone().text()));
    assert.equal((await figureOf('HOU-08', '2035-05'))?.status, 'submitted');
    assert.doesNotMatch(await (await owner.get(returnPath)).text(), /Returned by/);
  });

  test('a performance officer who owns no measure owes nothing and is pointed at the chase list', async () => {
    const officer = await as('performance@anytown.example');
    const html = await (await officer.get(returnPath)).text();
    assert.match(html, /You owe no figures in this round/);
  });

  test("a school's login owes only its own figures of the measures asked of it, and submits them", async () => {
    const officer = await as('performance@anytown.example');
    await officer.get('/rounds');
    const opened = await officer.post('/rounds', {
      period: '2036-08',
      deadline: '2036-09-30',
      reminderDays: '5',
    });
    const schoolReturn = `${(opened.headers.get('location') ?? '').replace(/\?.*$/, '')}/my-return`;

    const school = await as('school.provider@anytown.example');
    const html = await (await school.get(schoolReturn)).text();
    const rows = [...rowNumbers(html).keys()].sort();
    assert.deepEqual(rows, ['EDU-01 provider:SCH-CASTLE', 'EDU-02 provider:SCH-CASTLE']);
    assert.match(html, /Castle Hill Primary School/);
    const n = rowNumbers(html).get('EDU-01 provider:SCH-CASTLE');
    const sent = await school.post(schoolReturn, {
      ...untouched(html),
      [`numerator_${n}`]: '41',
      [`denominator_${n}`]: '50',
      action: 'submit',
    });
    assert.equal(sent.status, 303, problemsIn(await sent.clone().text()));
    const stored = await figureOf('EDU-01', 'AY2035-36', 'provider:SCH-CASTLE');
    assert.equal(stored?.status, 'submitted');
    assert.equal(Number(stored?.value), 82);
    assert.equal(await figureOf('EDU-01', 'AY2035-36'), undefined, 'the headline is not theirs to enter');

    const template = await (await school.get(schoolReturn.replace(/my-return$/, 'template.csv'))).text();
    assert.deepEqual(template.trim().split('\n'), [
      'measure_code,period,value,numerator,denominator,breakdown,commentary',
      'EDU-01,AY2035-36,82,41,50,provider:SCH-CASTLE,',
      'EDU-02,AY2035-36,,,,provider:SCH-CASTLE,',
    ]);

    const lead = await as('chs-edu.lead@anytown.example');
    const all = [...rowNumbers(await (await lead.get(schoolReturn)).text()).keys()];
    assert.ok(all.includes('EDU-01'), 'the service owes the headline');
    assert.ok(all.filter((k) => k.startsWith('EDU-01 provider:')).length >= 30, 'and beside it every school');
  });

  test('a councillor cannot open a return', async () => {
    const councillor = await as('councillor@anytown.example');
    assert.equal((await councillor.get(returnPath)).status, 403);
  });
});
