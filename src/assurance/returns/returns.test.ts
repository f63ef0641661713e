// The statutory returns calendar against real PostgreSQL with the demo council: a return is added with its measures
// and checklist, moves along its workflow (refused moves answer 409 saying why), may be quality-checked only once
// every check is ticked by a named person, stale writes are refused naming who saved first, overdue returns are
// flagged and the month grid puts each return on its day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createJobs, type Jobs } from '../../jobs/jobs.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { refused } from '../../testing/refused.ts';
import { aReturnForm, demoPeople } from '../assurance.fixtures.ts';
import { addDays, ukDate } from '../today.ts';
import { monthGrid, returnsCalendar } from './returns.list.ts';
import { moveReturn, returnInReach, tickReturnCheck } from './returns.progress.ts';
import { checksOf, measuresOf } from './returns.queries.ts';
import { addReturn, editReturn } from './returns.service.ts';

let t: TestDatabase;
let jobs: Jobs;
let person: Awaited<ReturnType<typeof demoPeople>>;

before(async () => {
  t = await freshDatabase('demo');
  jobs = createJobs(t.db, { error: () => undefined });
  person = await demoPeople(t.db, ['performance', 'housing.owner', 'director.housing']);
});
after(async () => {
  await jobs.stop();
  await t.drop();
});

const soon = () => addDays(ukDate(), 20);

describe('statutory returns', () => {
  test('a return is added with its measures and checks, its reminders queued, and audited', async () => {
    const officer = person('performance');
    const id = await addReturn(
      t.db,
      jobs,
      officer,
      aReturnForm(officer.id, soon(), { code: 'SSDA903-A', measures: 'HOU-07, HOU-01' }),
    );
    assert.deepEqual(
      (await measuresOf(t.db, id)).map((m) => m.code),
      ['HOU-01', 'HOU-07'],
    );
    assert.deepEqual(
      (await checksOf(t.db, id)).map((c) => c.text),
      ['Reconcile episodes with the case management system', 'Check missing UPNs'],
    );
    const queued = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'statutory-return-reminders' AND data->>'returnId' = ${id}`.execute(
      t.db,
    );
    assert.equal(queued.rows[0]?.n, 2);
    await refused(
      addReturn(t.db, jobs, officer, aReturnForm(officer.id, soon(), { code: 'SSDA903-A' })),
      400,
      /already a return SSDA903-A for 2025 to 2026/,
      'code',
    );
    await refused(
      addReturn(
        t.db,
        jobs,
        officer,
        aReturnForm('', '2026-13-01', {
          code: 'bad code',
          recipient: 'ONS',
          measures: 'NOPE-1',
          reminderDays: '0',
        }),
      ),
      400,
      /Code must start.*goes to.*real date.*owns.*between 1 and 90.*no measure with the code NOPE-1/s,
    );
    await refused(
      addReturn(t.db, jobs, person('housing.owner'), aReturnForm(officer.id, soon())),
      403,
      /permission/,
    );
  });

  test('the workflow: quality-checked needs every check ticked, refused moves answer 409 saying why', async () => {
    const officer = person('performance');
    const id = await addReturn(
      t.db,
      jobs,
      officer,
      aReturnForm(officer.id, soon(), {
        code: 'HCLIC',
        service: 'HOU-HO',
        recipient: 'MHCLG',
        frequency: 'quarterly',
        referencePeriod: '2026-27 Q2',
      }),
    );
    const owner = person('housing.owner');
    let version = 1;
    const move = async (status: string, who = owner) => {
      await moveReturn(t.db, who, id, { status, version: String(version) });
      version += 1;
    };
    await refused(
      moveReturn(t.db, owner, id, { status: 'submitted', version: '1' }),
      409,
      /not started cannot become submitted: it can become in preparation/,
      'status',
    );
    await move('in_preparation');
    await refused(
      moveReturn(t.db, owner, id, { status: 'quality_checked', version: String(version) }),
      409,
      /every data-quality check is ticked: Reconcile episodes .*; Check missing UPNs/,
    );
    for (const check of await checksOf(t.db, id)) {
      await tickReturnCheck(t.db, owner, id, check.id, { ticked: 'yes', version: String(version) });
      version += 1;
    }
    assert.ok((await checksOf(t.db, id)).every((c) => c.checked_by_name === 'Leah Thompson' && c.checked_at));
    await refused(
      moveReturn(t.db, owner, id, { status: 'quality_checked', version: '1' }),
      409,
      /Someone else changed the return .* by Leah Thompson/,
      'version',
    );
    await move('quality_checked');
    const first = (await checksOf(t.db, id))[0];
    assert.ok(first);
    await refused(
      tickReturnCheck(t.db, owner, id, first.id, { ticked: 'no', version: String(version) }),
      409,
      /only while the return is in preparation/,
    );
    await move('submitted', person('director.housing'));
    await move('resubmission_required');
    await refused(
      moveReturn(t.db, owner, id, { status: 'accepted', version: String(version) }),
      409,
      /cannot become accepted/,
    );
    await move('in_preparation');
    await move('quality_checked');
    await move('submitted');
    await move('accepted');
    const row = await returnInReach(t.db, owner, id, 'assurance.read');
    assert.equal(row.status, 'accepted');
    assert.ok(row.submitted_at);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'statutory_return')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(audit.length, 1 + 2 + 8);
  });

  test('a data owner reaches only their services’ returns; a stale edit names who saved first', async () => {
    const officer = person('performance');
    const id = await addReturn(t.db, jobs, officer, aReturnForm(officer.id, soon(), { code: 'SSDA903-B' }));
    await refused(
      returnInReach(t.db, person('housing.owner'), id, 'assurance.read'),
      404,
      /No such statutory return/,
    );
    await refused(
      moveReturn(t.db, person('housing.owner'), id, { status: 'in_preparation', version: '1' }),
      404,
      /No such/,
    );
    await editReturn(
      t.db,
      jobs,
      officer,
      id,
      aReturnForm(officer.id, soon(), {
        code: 'SSDA903-B',
        version: '1',
        checks: 'Reconcile episodes with the case management system\nCheck missing UPNs and dates of birth',
      }),
    );
    await refused(
      editReturn(
        t.db,
        jobs,
        officer,
        id,
        aReturnForm(officer.id, soon(), { code: 'SSDA903-B', version: '1' }),
      ),
      409,
      /by Hannah Wright/,
    );
  });

  test('overdue returns are flagged; the month grid runs Monday to Sunday with each return on its due day', async () => {
    const officer = person('performance');
    const id = await addReturn(
      t.db,
      jobs,
      officer,
      aReturnForm(officer.id, soon(), {
        code: 'SALT',
        recipient: 'DHSC',
        service: 'ASC-AR',
        referencePeriod: '2026 to 2027',
      }),
    );
    await sql`UPDATE statutory_returns SET due_on = ${addDays(ukDate(), -3)}::date WHERE id = ${id}`.execute(
      t.db,
    );
    const overdue = await returnsCalendar(t.db, officer, {
      view: 'list',
      month: '',
      recipient: 'DHSC',
      status: 'overdue',
    });
    assert.deepEqual(
      overdue.rows.map((r) => [r.id, r.overdue]),
      [[id, true]],
    );
    const grid = monthGrid('2026-11', [{ ...overdue.rows[0], due_on: '2026-11-30' } as never], '2026-11-26');
    assert.equal(grid.title, 'November 2026');
    assert.equal(grid.weeks[0]?.[0]?.date, '2026-10-26');
    assert.equal(grid.weeks.at(-1)?.at(-1)?.date, '2026-12-06');
    assert.equal(grid.weeks.at(-1)?.[0]?.returns.length, 1);
    assert.equal(grid.weeks.flat().find((d) => d.today)?.date, '2026-11-26');
    await refused(
      returnsCalendar(t.db, officer, { view: 'calendar', month: '2026-13', recipient: 'ONS', status: '' }),
      400,
      /Month must be like 2026-11.*recipient/s,
    );
  });
});
