// A committee's report set starts from its terms of reference, and shows which Cabinet portfolio signed off each of
// its measures: the proposal by service and by theme, a new committee set taking it, and the flag on a measure
// signed off in no portfolio — in real PostgreSQL with the demo council.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../../access/current-user.ts';
import { saveCommittee } from '../../structure/governance.service.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { proposeCommitteeMeasures } from './report-set-choices.queries.ts';
import { reportSetPage } from './report-set-pages.service.ts';
import { aSet, governanceUsers, measureIdsOf, TEST_YEAR, type Who } from './report-sets.fixtures.ts';
import { signedOffPortfoliosOfMeasures } from './report-sets.queries.ts';
import { proposeReportSet, signOffReportSet } from './sign-off.service.ts';

let t: TestDatabase;
let users: Record<Who, CurrentUser>;
let committeeId: string;

before(async () => {
  t = await freshDatabase('demo');
  users = await governanceUsers(t.db);
  // A panel scrutinising family support alone, with a housing theme: its two ways of proposing do not overlap.
  await saveCommittee(t.db, users.admin, {
    code: 'SC-FAM',
    title: 'Families Scrutiny Panel',
    kind: 'select',
    termsOfReference: 'To scrutinise early help for families, and the condition of their homes.',
    themes: 'damp and mould\nzzz nothing matches this',
    services: ['CHS-FD'],
  });
  const row = await t.db
    .selectFrom('committees')
    .select('id')
    .where('code', '=', 'SC-FAM')
    .executeTakeFirstOrThrow();
  committeeId = String(row.id);
});
after(async () => t.drop());

/** Active measures led by CHS-FD or reported by it, worked out apart from the code under test. */
async function familyServiceMeasures(): Promise<string[]> {
  const rows = await t.db
    .selectFrom('measures as m')
    .select('m.code')
    .where('m.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('m.lead_service_id', 'in', eb.selectFrom('services').select('id').where('code', '=', 'CHS-FD')),
        eb(
          'm.id',
          'in',
          eb
            .selectFrom('measure_services as ms')
            .innerJoin('services as s', 's.id', 'ms.service_id')
            .select('ms.measure_id')
            .where('s.code', '=', 'CHS-FD'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.code).sort();
}

describe('proposing a committee set from its terms of reference', () => {
  test('picks the active measures of its services (lead or reporting) and those matching a theme, by code', async () => {
    const proposal = await proposeCommitteeMeasures(t.db, users.officer.councilId, committeeId);
    const byService = await familyServiceMeasures();
    assert.ok(byService.length >= 2, 'the demo has family support measures');
    const reported = await t.db
      .selectFrom('measures as m')
      .innerJoin('measure_services as ms', 'ms.measure_id', 'm.id')
      .innerJoin('services as s', 's.id', 'ms.service_id')
      .innerJoin('services as lead', 'lead.id', 'm.lead_service_id')
      .select('m.code')
      .where('s.code', '=', 'CHS-FD')
      .where('lead.code', '<>', 'CHS-FD')
      .execute();
    assert.ok(reported.length > 0, 'some measure is reported by family support but led elsewhere');

    assert.deepEqual(
      proposal.filter((p) => p.byService).map((p) => p.code),
      byService,
    );
    for (const r of reported)
      assert.ok(byService.includes(r.code), `${r.code} proposed through measure_services`);
    const damp = proposal.find((p) => p.code === 'HOU-07');
    assert.deepEqual(damp && { byService: damp.byService, themes: damp.themes }, {
      byService: false,
      themes: ['damp and mould'],
    });
    assert.ok(
      proposal.every((p) => p.byService || p.themes.includes('damp and mould')),
      'every measure is proposed for a reason',
    );
    const codes = proposal.map((p) => p.code);
    assert.deepEqual(codes, [...codes].sort(), 'ordered by code');
    const statuses = await t.db.selectFrom('measures').select('status').where('code', 'in', codes).execute();
    assert.ok(statuses.every((s) => s.status === 'active'));
  });

  test('a new committee set without measures takes the proposal; with measures, exactly those', async () => {
    const proposal = await proposeCommitteeMeasures(t.db, users.officer.councilId, committeeId);
    const proposed = await aSet(t.db, users.officer, {
      audience: 'committee',
      portfolio: '',
      committee: 'SC-FAM',
      measures: undefined,
    });
    assert.deepEqual(
      proposed.measureIds,
      proposal.map((p) => p.id),
    );
    const chosen = await aSet(t.db, users.officer, {
      audience: 'committee',
      portfolio: '',
      committee: 'SC-FAM',
      measures: ['HOU-07'],
    });
    assert.deepEqual(chosen.measureIds, await measureIdsOf(t.db, ['HOU-07']));
  });
});

describe('the portfolios that signed off a committee’s measures', () => {
  test('a measure signed off in no portfolio is flagged; one signed off names its portfolio', async () => {
    const housing = await aSet(t.db, users.officer, { measures: ['HOU-07', 'HOU-08'] });
    const proposed = await proposeReportSet(t.db, users.director, housing.name, { version: housing.version });
    // A proposed set does not count until it is signed off.
    const committee = await aSet(t.db, users.officer, {
      audience: 'committee',
      portfolio: '',
      committee: 'SC-FAM',
      measures: ['HOU-07', 'ASC-01'],
    });
    const [dampId, ascId] = await measureIdsOf(t.db, ['HOU-07', 'ASC-01']);
    assert.ok(dampId && ascId);
    let map = await signedOffPortfoliosOfMeasures(t.db, users.officer.councilId, [dampId, ascId], TEST_YEAR);
    assert.deepEqual(
      [...map.entries()],
      [
        [dampId, []],
        [ascId, []],
      ],
    );

    await signOffReportSet(t.db, users.cabinet, housing.name, { version: proposed.version });
    map = await signedOffPortfoliosOfMeasures(t.db, users.officer.councilId, [dampId, ascId], TEST_YEAR);
    assert.deepEqual(map.get(dampId), ['Housing']);
    assert.deepEqual(map.get(ascId), []);
    // Without a year every year's signed-off sets count, this one among them.
    const anyYear = await signedOffPortfoliosOfMeasures(t.db, users.officer.councilId, [dampId]);
    assert.ok(anyYear.get(dampId)?.includes('Housing'));

    const page = await reportSetPage(t.db, users.councillor, committee.name);
    assert.deepEqual(
      page.measures.map((m) => [m.code, m.signedOffIn, m.flagged]),
      [
        ['HOU-07', ['Housing'], false],
        ['ASC-01', [], true],
      ],
    );
    assert.equal(page.flaggedCount, 1);
  });
});
