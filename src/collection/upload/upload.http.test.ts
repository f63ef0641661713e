// The uploads page over HTTP as the demo's data owner: a file previewed and committed, a file with errors shown
// in the error summary, an oversized file refused, and a multipart post without the CSRF token refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';

let app: TestApp;
let owner: Client;

before(async () => {
  app = await startTestApp('demo');
  owner = new Client(app.baseUrl);
  await owner.signIn('housing.owner@anytown.example', DEMO_PASSWORD);
  await owner.get('/uploads');
});
after(async () => app.close());

function fileForm(text: string | Uint8Array<ArrayBuffer>, name = 'figures.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text]), name);
  return form;
}

test('a data owner previews a file, commits it, and sees it committed', async () => {
  const text = 'measure_code,period,value\nHOU-08,2030-04,17\nHOU-08,2030-05,"1,234"\n';
  const preview = await owner.multipart('/uploads', fileForm(text));
  assert.equal(preview.status, 200);
  const html = await preview.text();
  assert.match(html, /Preview of figures.csv/);
  assert.match(html, /2 rows accepted, 0 with warnings, 0 with errors/);
  const upload = /name="upload" value="(\d+)"/.exec(html)?.[1];
  const sha256 = /name="sha256" value="([0-9a-f]{64})"/.exec(html)?.[1];
  assert.ok(upload && sha256);

  const committed = await owner.post('/uploads/commit', { upload, sha256 });
  assert.equal(committed.status, 303);
  const location = committed.headers.get('location') ?? '';
  assert.equal(location, `/uploads?committed=${upload}`);
  assert.match(await (await owner.get(location)).text(), /figures.csv is committed/);
  const stored = await app.db
    .selectFrom('data_values')
    .innerJoin('measures', 'measures.id', 'data_values.measure_id')
    .select(['data_values.period', 'data_values.value', 'data_values.source', 'data_values.source_ref'])
    .where('measures.code', '=', 'HOU-08')
    .where('data_values.period', 'in', ['2030-04', '2030-05'])
    .orderBy('data_values.period')
    .execute();
  assert.deepEqual(
    stored.map((r) => [r.period, Number(r.value), r.source, r.source_ref]),
    [
      ['2030-04', 17, 'upload', upload],
      ['2030-05', 1234, 'upload', upload],
    ],
  );

  const again = await owner.multipart('/uploads', fileForm(text, 'again.csv'));
  assert.match(
    await again.text(),
    /This file was already committed on .*: committing it again would change nothing/,
  );
});

test('a file with errors is shown in the error summary, linked to its rows, and cannot be committed', async () => {
  const text = 'measure_code,period,value\nHOU-08,2030-06,abc\nASC-01,2030-06,1\n';
  const response = await owner.multipart('/uploads', fileForm(text));
  assert.equal(response.status, 400);
  const html = await response.text();
  assert.match(html, /There is a problem/);
  assert.match(html, /href="#row-2">row 2, column value: &#39;abc&#39; is not a number/);
  assert.match(
    html,
    /href="#row-3">row 3, column measure_code: there is no measure with the code &#39;ASC-01&#39;/,
  );
  assert.doesNotMatch(html, /Commit the figures/);
});

test('a file refused as a whole is named in the error summary beside the file field', async () => {
  const response = await owner.multipart('/uploads', fileForm('period,value\n2030-06,1\n'));
  assert.equal(response.status, 400);
  assert.match(await response.text(), /href="#file">The header has no measure_code column/);
});

test('a file over 20 MB is refused with the limit named', async () => {
  const response = await owner.multipart('/uploads', fileForm(new Uint8Array(21 * 1024 * 1024).fill(97)));
  assert.equal(response.status, 413);
  assert.match(await response.text(), /The file is larger than 20 MB, the largest upload accepted/);
});

test('a multipart post without the CSRF token is refused', async () => {
  const response = await owner.multipart('/uploads', fileForm('measure_code,period,value\n'), false);
  assert.equal(response.status, 403);
});
