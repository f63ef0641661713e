// The demo's report sets and published reports: every audience has one, every portfolio's selection was proposed
// by its director and signed off by its Cabinet Member, and Housing's mid-year change shows in its Q2 report.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ReportModel } from '../reporting/reports/report-model.ts';
import { measuresOf } from '../reporting/reports/report-model.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { slugOf } from './reports.ts';

let t: TestDatabase;
before(async () => {
  t = await freshDatabase('demo');
});
after(async () => t.drop());

async function content(set: string, period: string): Promise<ReportModel> {
  const row = await t.db
    .selectFrom('reports as r')
    .innerJoin('report_sets as rs', 'rs.id', 'r.report_set_id')
    .select(['r.content', 'r.status'])
    .where('rs.name', '=', set)
    .where('r.period', '=', period)
    .executeTakeFirst();
  assert.equal(row?.status, 'published', `${set} ${period}`);
  return row.content as ReportModel;
}

test('the demo ships the named report sets, each with a published report, portfolios signed off', async () => {
  const sets = await t.db
    .selectFrom('report_sets as rs')
    .select(['rs.name', 'rs.audience', 'rs.sign_off'])
    .select((eb) =>
      eb
        .selectFrom('reports as r')
        .whereRef('r.report_set_id', '=', 'rs.id')
        .where('r.status', '=', 'published')
        .select(eb.fn.countAll<string>().as('n'))
        .as('published'),
    )
    .orderBy('rs.name')
    .execute();
  const names = sets.map((s) => s.name);
  for (const name of ['cmt', 'public', 'portfolio-housing', 'committee-place-housing'])
    assert.ok(names.includes(name), name);
  for (const audience of ['cmt', 'portfolio', 'committee', 'public'])
    assert.ok(
      sets.some((s) => s.audience === audience && Number(s.published) > 0),
      audience,
    );
  for (const s of sets.filter((x) => x.audience === 'portfolio'))
    assert.equal(s.sign_off, 'signed_off', s.name);
  assert.equal(slugOf('Adult Social Care & Health'), 'adult-social-care-health');
  assert.equal(slugOf('Place & Housing Scrutiny Committee'), 'place-housing');
});

test('Housing’s damp-and-mould measure, added mid-year by a signed-off change, shows in the Q2 report with its reason', async () => {
  const q1 = await content('portfolio-housing', '2026-27-Q1');
  const q2 = await content('portfolio-housing', '2026-27-Q2');
  assert.ok(!measuresOf(q1).some((m) => m.code === 'HOU-07'));
  assert.ok(measuresOf(q2).some((m) => m.code === 'HOU-07'));
  assert.equal(q2.changes.length, 1);
  assert.equal(q2.changes[0]?.measureCode, 'HOU-07');
  assert.equal(q2.changes[0]?.changeLabel, 'Added');
  assert.match(q2.changes[0]?.reason ?? '', /national review of damp and mould/);
  assert.equal(q2.changes[0]?.decidedBy, 'Cllr Priya Shah');
  assert.equal(q2.signOff?.status, 'signed_off');
});

test('the CMT report has its data-quality headline, inspections, statutory returns due (overdue first) and overdue actions', async () => {
  const cmt = await content('cmt', '2026-27-Q2');
  assert.match(cmt.dataQuality?.headline ?? '', /late, .* missing and .* returned for correction/);
  const section = (title: string) => cmt.assurance.find((a) => a.title === title)?.items ?? [];
  assert.deepEqual(
    cmt.assurance.map((a) => a.title),
    ['Inspections', 'Statutory returns due', 'Overdue improvement actions'],
  );
  const inspections = section('Inspections');
  assert.ok(
    inspections.some(
      (i) => /Castle Hill Primary School report card/.test(i.title) && /No overall grade/.test(i.status),
    ),
  );
  assert.ok(
    inspections.some(
      (i) => /Local authority assessment/.test(i.title) && i.status === 'Requires improvement',
    ),
  );
  assert.ok(
    inspections.some((i) => /next Ofsted inspection expected/.test(i.title) && i.due === '2026-12-01'),
  );
  const returns = section('Statutory returns due');
  assert.match(returns[0]?.title ?? '', /H-CLIC/);
  assert.equal(returns[0]?.status, 'OVERDUE: In preparation');
  assert.deepEqual(
    section('Overdue improvement actions').map((a) => [a.due, a.status]),
    [['2026-10-31', 'OVERDUE: In progress']],
  );
  const committee = await content('committee-place-housing', '2026-27-Q2');
  assert.ok(measuresOf(committee).every((m) => Array.isArray(m.signedOffIn)));
  assert.ok(measuresOf(committee).some((m) => (m.signedOffIn ?? []).includes('Housing')));
  assert.deepEqual(
    committee.assurance.flatMap((a) => a.items.map((i) => i.status)),
    ['C2'],
  );
});
