// `scorecard report` writes a report set for a period as a file: a published report from its snapshot (the demo's
// Q2 CMT report), the latest quarter when no period is given, and a clear refusal for an unknown set or period.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { wordText } from '../testing/documents.ts';

let database: TestDatabase;
let dir: string;

before(async () => {
  database = await freshDatabase('demo');
  dir = await mkdtemp(path.join(tmpdir(), 'scorecard-report-'));
});
after(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

function scorecard(...args: string[]) {
  return spawnSync(process.execPath, ['bin/scorecard.js', 'report', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.url },
  });
}

test('writes the published CMT report as Word, from its snapshot, for the latest quarter by default', async () => {
  const out = path.join(dir, 'cmt.docx');
  const run = scorecard('--set', 'cmt', '--format', 'docx', '--out', out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /report for 2026-27-Q2 is published: writing it as published/);
  const text = await wordText(await readFile(out));
  assert.match(text, /Corporate performance report/);
  assert.match(text, /Data quality/);
  assert.match(text, /Overdue improvement actions/);
  assert.match(text, /Castle Hill Primary School report card/);
});

test('builds an unpublished report now from the published figures, as one self-contained HTML file', async () => {
  const out = path.join(dir, 'public.html');
  const run = scorecard('--set', 'public', '--period', '2026-27-Q1', '--format', 'html', '--out', out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /not published: built now from the published figures/);
  const html = await readFile(out, 'utf8');
  assert.match(html, /<h1 class="govuk-heading-xl">How Anytown is doing: Q1 2026\/27<\/h1>/);
  assert.match(html, /<h2 class="govuk-heading-l" id="exceptions">Exceptions<\/h2>/);
  assert.match(html, /<style>/);
  assert.doesNotMatch(html, /<link rel="stylesheet"/, 'nothing to fetch: it reads offline');
});

test('an unknown set, a bad period or format exits 1 naming it', () => {
  const unknown = scorecard('--set', 'no-such-set', '--format', 'pdf', '--out', path.join(dir, 'x.pdf'));
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /There is no report set named 'no-such-set'/);
  const period = scorecard(
    '--set',
    'cmt',
    '--period',
    '2026-Q9',
    '--format',
    'pdf',
    '--out',
    path.join(dir, 'x.pdf'),
  );
  assert.equal(period.status, 1);
  assert.match(period.stderr, /period: Period: /);
  const format = scorecard('--set', 'cmt', '--format', 'odt', '--out', path.join(dir, 'x.odt'));
  assert.notEqual(format.status, 0);
  assert.match(format.stderr, /Allowed choices are docx, pdf, xlsx, csv, html/);
});
