// Collection rounds over HTTP on the demo council: opening one from the form, its chase list, and its templates —
// a data owner's CSV and XLSX hold exactly their figures due, in the upload's columns, and read back cleanly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';
import { readUploadFile } from '../upload/file-read.ts';
import { defaultLimits } from '../upload/limits.ts';

let t: TestApp;
let roundPath = '';

async function as(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

before(async () => {
  t = await startTestApp('demo');
  const officer = await as('performance@anytown.example');
  await officer.get('/rounds');
  const opened = await officer.post('/rounds', {
    period: '2035-04',
    deadline: '2035-05-15',
    reminderDays: '5',
  });
  assert.equal(opened.status, 303);
  roundPath = (opened.headers.get('location') ?? '').replace(/\?.*$/, '');
});
after(async () => t.close());

describe('a collection round over HTTP', () => {
  test('its page lists every figure due with its owner and state, and a second round for the period is refused', async () => {
    const officer = await as('performance@anytown.example');
    const html = await (await officer.get(roundPath)).text();
    assert.match(html, /<h1 class="govuk-heading-xl">April 2035<\/h1>/);
    assert.match(html, /HOU-01/);
    assert.match(html, /Not started/);
    await officer.get('/rounds');
    const again = await officer.post('/rounds', {
      period: '2035-04',
      deadline: '2035-05-20',
      reminderDays: '3',
    });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /A round for April 2035 is already open/);
  });

  test("a data owner's CSV template holds the figures due in their reach, in the upload's columns", async () => {
    const owner = await as('housing.owner@anytown.example');
    const response = await owner.get(`${roundPath}/template.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /figures-2035-04\.csv/);
    const lines = (await response.text()).trim().split('\n');
    assert.equal(lines[0], 'measure_code,period,value,numerator,denominator,breakdown,commentary');
    const codes = lines.slice(1).map((l) => l.split(',')[0]);
    assert.ok(codes.length > 0);
    assert.ok(codes.includes('HOU-01'), 'the housing owner has HOU-01 to enter');
    assert.ok(!codes.some((c) => c?.startsWith('ASC-')), `no adult social care measures: ${codes.join(' ')}`);
    assert.ok(lines.slice(1).every((l) => l.split(',')[1] === '2035-04'));
  });

  test('the XLSX template reads back through the upload reader with the same rows', async () => {
    const owner = await as('housing.owner@anytown.example');
    const csv = (await (await owner.get(`${roundPath}/template.csv`)).text()).trim().split('\n');
    const response = await owner.get(`${roundPath}/template.xlsx`);
    assert.equal(response.status, 200);
    const read = await readUploadFile(Buffer.from(await response.arrayBuffer()), defaultLimits);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.unknownColumns, []);
    assert.deepEqual(
      read.rows.map((r) => `${r.measure_code},${r.period}`),
      csv.slice(1).map((l) => l.split(',').slice(0, 2).join(',')),
    );
  });

  test('a councillor may read a round but not download a template', async () => {
    const councillor = await as('councillor@anytown.example');
    assert.equal((await councillor.get(roundPath)).status, 200);
    assert.equal((await councillor.get(`${roundPath}/template.csv`)).status, 403);
  });
});
