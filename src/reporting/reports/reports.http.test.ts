// Reports over HTTP on the demo council, with the report worker running and a real SMTP listener: generate a
// report (its progress page refreshes until it is ready), publish it, the audience is e-mailed a link, and each
// download is the report itself. Drafts are the performance team's; a published report is for every reader.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';
import { smtpListener, subjectOf, type SmtpListener } from '../../testing/smtp.ts';
import { pdfContent, squashed, wordText } from '../../testing/documents.ts';
import { measuresOf, type ReportModel } from './report-model.ts';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

let t: TestApp;
let smtp: SmtpListener;

async function as(who: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(`${who}@anytown.example`, DEMO_PASSWORD);
  return client;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  smtp = await smtpListener();
  t = await startTestApp('demo', { reportMailer: smtp.mailer });
});
after(async () => {
  await t.close();
  await smtp.close();
});

describe('reports over HTTP', () => {
  test('the list shows the demo’s published reports for every audience', async () => {
    const page = await (await (await as('councillor')).get('/reports')).text();
    for (const heading of [
      'Corporate Management Team',
      'Cabinet portfolios',
      'Select committees',
      'Residents (public)',
    ])
      assert.match(page, new RegExp(`<h2 class="govuk-heading-m">${heading.replace(/[()]/g, '\\$&')}</h2>`));
    assert.match(page, /href="\/reports\/cmt\/2026-27-Q2"/);
    assert.match(page, /href="\/reports\/portfolio-housing\/2026-27-Q1"/);
    assert.doesNotMatch(page, /Generate a report/, 'only the performance team generates');
  });

  test('generate, watch its progress, publish: the page is frozen and the audience is e-mailed a link', async () => {
    const officer = await as('performance');
    await officer.get('/reports');
    const asked = await officer.post('/reports', { set: 'committee-place-housing', period: '2026-27-Q1' });
    assert.equal(asked.status, 303);
    const href = '/reports/committee-place-housing/2026-27-Q1';
    assert.equal(asked.headers.get('location'), href);

    const councillor = await as('councillor');
    assert.equal(
      (await councillor.get(href)).status,
      404,
      'a draft is not shown outside the performance team',
    );

    const ready = await until('the report to be generated', async () => {
      const html = await (await officer.get(href)).text();
      if (/http-equiv="refresh"/.test(html)) {
        assert.match(html, /<progress class="app-progress" max="100" value="\d+">/);
        return undefined;
      }
      return html;
    });
    assert.match(ready, /Publish this report/);
    assert.match(ready, /<h2 class="govuk-heading-l" id="exceptions">Exceptions<\/h2>/);
    const version = /name="version" value="(\d+)"/.exec(ready)?.[1];
    assert.ok(version);

    const published = await officer.post(`${href}/publish`, { version });
    assert.equal(published.status, 303);
    const page = await (await councillor.get(href)).text();
    assert.match(page, /<strong class="govuk-tag govuk-tag--green">Published<\/strong>/);
    assert.doesNotMatch(page, /Publish this report/);

    const mail = await until('the announcement e-mail', async () =>
      smtp.received.find((m) => subjectOf(m).startsWith('Published: Place & Housing Scrutiny Committee')),
    );
    assert.deepEqual(mail.to, ['councillor@anytown.example']);
    assert.match(mail.raw.replace(/=\r?\n/g, ''), /\/reports\/committee-place-housing\/2026-27-Q1/);

    const again = await officer.post(`${href}/publish`, { version });
    assert.equal(again.status, 409);
    const regenerate = await officer.post('/reports', {
      set: 'committee-place-housing',
      period: '2026-27-Q1',
    });
    assert.equal(regenerate.status, 409);
    assert.match(await regenerate.text(), /a published report is never changed/);
  });

  test('each download is the published report itself: Word, PDF, Excel and CSV read back', async () => {
    const councillor = await as('councillor');
    const href = '/reports/portfolio-housing/2026-27-Q2';
    const page = await (await councillor.get(href)).text();
    for (const format of ['docx', 'pdf', 'xlsx', 'csv'])
      assert.match(page, new RegExp(`href="${href}/download/${format}"`));
    const download = async (format: string) => {
      const response = await councillor.get(`${href}/download/${format}`);
      assert.equal(response.status, 200, format);
      assert.equal(
        response.headers.get('content-disposition'),
        `attachment; filename="portfolio-housing-2026-27-Q2.${format}"`,
      );
      return Buffer.from(await response.arrayBuffer());
    };
    const model = (
      await t.db
        .selectFrom('reports as r')
        .innerJoin('report_sets as rs', 'rs.id', 'r.report_set_id')
        .select('r.content')
        .where('rs.name', '=', 'portfolio-housing')
        .where('r.period', '=', '2026-27-Q2')
        .executeTakeFirstOrThrow()
    ).content as ReportModel;
    const first = model.exceptions[0];
    assert.ok(first, 'the demo Housing report has exceptions');

    const word = await wordText(await download('docx'));
    assert.match(word, /Exceptions/);
    assert.ok(
      word.includes(`${first.code}`) && word.includes(first.display),
      'the first exception and its figure',
    );
    assert.ok(squashed(word).includes(squashed(model.summary)), 'the summary paragraph');
    assert.match(word, /national review of damp and mould/);

    const pdf = squashed((await pdfContent(await download('pdf'))).pages.join('\n'));
    assert.ok(pdf.includes(squashed(model.summary)), 'the PDF has the summary paragraph');
    assert.ok(pdf.includes(first.code));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Measures');
    assert.ok(sheet);
    const rows = measuresOf(model).reduce((n, m) => n + Math.max(m.history.length, 1), 0);
    assert.equal(sheet.actualRowCount - 1, rows, 'one row per measure and period');

    const csv = (await download('csv')).toString('utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a byte order mark for Excel');
    assert.equal(parse(csv.slice(1), { columns: true }).length, rows);

    assert.equal((await councillor.get(`${href}/download/exe`)).status, 400);
  });

  test('only the performance team generates and publishes, and not without the form’s token', async () => {
    const director = await as('director.housing');
    await director.get('/reports');
    assert.equal((await director.post('/reports', { set: 'public', period: '2026-27-Q1' })).status, 403);
    const officer = await as('performance');
    await officer.get('/reports');
    officer.csrfToken = 'forged';
    assert.equal((await officer.post('/reports', { set: 'public', period: '2026-27-Q1' })).status, 403);
  });

  test('a bad period or an unknown set is named on the form', async () => {
    const officer = await as('performance');
    await officer.get('/reports');
    const bad = await officer.post('/reports', { set: 'public', period: '2026-Q7' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Period: /);
    const unknown = await officer.post('/reports', { set: 'no-such-set', period: '' });
    assert.equal(unknown.status, 404);
  });
});
