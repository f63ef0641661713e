// Reports against the demo council in real PostgreSQL: the model reads published figures only, puts exceptions
// first, and a published report is a frozen snapshot — a later correction shows as "revised since publication".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../../access/users.queries.ts';
import { transitionByCode } from '../../collection/approvals/approvals.service.ts';
import { saveValue } from '../../collection/values.service.ts';
import { createJobs, type Jobs } from '../../jobs/jobs.ts';
import { formatValue } from '../../assessment/index.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { AppError } from '../../web/errors.ts';
import { buildReportModel } from './build-model.ts';
import { measuresOf } from './report-model.ts';
import { findSet, generateReport, publishReport, reportToRead, requestReport } from './reports.service.ts';

let t: TestDatabase;
let jobs: Jobs;
const users: Record<string, CurrentUser> = {};
const user = (name: string): CurrentUser => {
  const u = users[name];
  assert.ok(u, name);
  return u;
};

/** A report set of the housing measures, made as a performance officer would. */
async function housingSet(name: string): Promise<void> {
  const councilId = user('performance').councilId;
  const set = await t.db
    .insertInto('report_sets')
    .values({ council_id: councilId, name, title: `Housing ${name}`, audience: 'public', year: '2026-27' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO report_set_measures (council_id, report_set_id, measure_id, position)
    SELECT ${councilId}, ${set.id}, m.id, row_number() OVER (ORDER BY m.code)
    FROM measures m WHERE m.council_id = ${councilId} AND m.code LIKE 'HOU-%' AND m.status = 'active'`.execute(
    t.db,
  );
}

async function figure(code: string, period: string) {
  const r = await sql<{ status: string; version: number; value: string }>`
    SELECT dv.status, dv.version, dv.value FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ''`.execute(t.db);
  assert.ok(r.rows[0], `${code} ${period}`);
  return r.rows[0];
}

/** A correction after publication, through the whole workflow. */
async function publishCorrection(code: string, period: string, value: number): Promise<void> {
  const was = await figure(code, period);
  await saveValue(t.db, {
    user: user('housing.owner'),
    code,
    period,
    input: { value: String(value), version: String(was.version), explanation: 'Late records added.' },
    source: 'form',
  });
  for (const [who, action] of [
    ['performance', 'validate'],
    ['director.housing', 'approve'],
    ['performance', 'publish'],
  ] as const) {
    const f = await figure(code, period);
    await transitionByCode(t.db, user(who), { code, period }, { action, version: f.version });
  }
}

before(async () => {
  t = await freshDatabase('demo');
  for (const name of ['performance', 'housing.owner', 'director.housing', 'councillor']) {
    const row = await findUserByEmail(t.db, `${name}@anytown.example`);
    assert.ok(row, name);
    users[name] = toCurrentUser(row, null);
  }
  jobs = createJobs(t.db, { error: () => undefined });
  await housingSet('housing-test');
  await housingSet('housing-frozen');
});
after(async () => {
  await jobs.stop();
  await t.drop();
});

describe('the report model', () => {
  test('shows each measure at its latest PUBLISHED figure, never one still in the workflow', async () => {
    const councilId = user('performance').councilId;
    const set = await findSet(t.db, councilId, 'housing-test');
    const model = await buildReportModel(t.db, councilId, set, '2026-27-Q3');
    const latest = await sql<{ code: string; period: string; value: string | null }>`
      SELECT DISTINCT ON (m.code) m.code, pv.period, pv.value FROM published_values pv
      JOIN measures m ON m.id = pv.measure_id
      WHERE m.code LIKE 'HOU-%' AND pv.breakdown = '' AND pv.period_end <= '2026-12-31'
      ORDER BY m.code, pv.period_end DESC, pv.period_start ASC`.execute(t.db);
    const shown = new Map(measuresOf(model).map((m) => [m.code, m]));
    assert.equal(shown.size, set.measure_ids.length);
    for (const row of latest.rows) {
      assert.equal(shown.get(row.code)?.period, row.period, row.code);
      assert.equal(shown.get(row.code)?.value, row.value == null ? null : Number(row.value), row.code);
    }
    const inWorkflow = await sql<{ code: string; period: string }>`
      SELECT m.code, dv.period FROM data_values dv JOIN measures m ON m.id = dv.measure_id
      WHERE m.code LIKE 'HOU-%' AND dv.breakdown = '' AND dv.status <> 'published'
        AND NOT dv.revised_after_publication`.execute(t.db);
    assert.ok(inWorkflow.rows.length > 0, 'the demo has housing figures still in the workflow');
    for (const row of inWorkflow.rows) assert.notEqual(shown.get(row.code)?.period, row.period, row.code);
  });

  test('puts every exception first, each with its reasons, and the rest in groups', async () => {
    const councilId = user('performance').councilId;
    const model = await buildReportModel(
      t.db,
      councilId,
      await findSet(t.db, councilId, 'housing-test'),
      '2026-27-Q2',
    );
    assert.ok(model.exceptions.length > 0);
    for (const m of model.exceptions) assert.ok(m.exceptionReasons.length > 0, m.code);
    for (const m of model.groups.flatMap((g) => g.measures)) assert.deepEqual(m.exceptionReasons, [], m.code);
    for (const m of measuresOf(model)) {
      const isException =
        m.rag === 'red' ||
        m.direction.judgement === 'worsening' ||
        (m.spc?.variation.startsWith('concern_') ?? false) ||
        m.spc?.assurance === 'fail';
      assert.equal(m.exceptionReasons.length > 0, isException, m.code);
      if (m.chartSvg) assert.match(m.chartSvg, /^<svg/);
    }
    assert.match(model.summary, new RegExp(`^Of ${measuresOf(model).length} measures, `));
    assert.equal(model.period.label, 'Q2 2026/27');
  });
});

describe('a report’s life', () => {
  test('generated by its job, published, frozen: a later correction leaves the snapshot and shows as revised', async () => {
    const queued = await requestReport(t.db, jobs, user('performance'), {
      set: 'housing-frozen',
      period: '2026-27-Q2',
    });
    assert.equal(queued.status, 'queued');
    await generateReport(t.db, queued.id);
    const ready = await reportToRead(t.db, user('performance'), 'housing-frozen', '2026-27-Q2');
    assert.equal(ready.row.status, 'ready');
    assert.equal(ready.row.progress, 100);
    // A draft is the performance team's alone.
    await assert.rejects(reportToRead(t.db, user('councillor'), 'housing-frozen', '2026-27-Q2'), {
      statusCode: 404,
    });

    await publishReport(t.db, jobs, user('performance'), {
      set: 'housing-frozen',
      period: '2026-27-Q2',
      version: ready.row.version,
    });
    const published = await reportToRead(t.db, user('councillor'), 'housing-frozen', '2026-27-Q2');
    assert.equal(published.row.status, 'published');
    const snapshot = JSON.stringify(published.row.content);
    assert.ok(published.model);
    const shown = measuresOf(published.model).find((m) => m.code === 'HOU-03');
    assert.ok(shown?.period && shown.value != null);

    await publishCorrection('HOU-03', shown.period, shown.value + 7);
    const later = await reportToRead(t.db, user('councillor'), 'housing-frozen', '2026-27-Q2');
    assert.equal(JSON.stringify(later.row.content), snapshot, 'the snapshot did not change');
    assert.deepEqual(later.revised.get('HOU-03'), {
      before: shown.display,
      now: formatValue(shown.value + 7, shown.unit, shown.decimals),
    });
    // HOU-12 is worked out from HOU-03 (a formula measure), so it moved with it; nothing else did.
    assert.deepEqual(
      [...later.revised.keys()].filter((code) => code !== 'HOU-03' && code !== 'HOU-12'),
      [],
      'only the corrected figure and the formula reading it are marked',
    );

    await assert.rejects(
      requestReport(t.db, jobs, user('performance'), { set: 'housing-frozen', period: '2026-27-Q2' }),
      (e: unknown) => e instanceof AppError && e.statusCode === 409 && /never changed/.test(e.message),
    );
    await assert.rejects(
      sql`UPDATE reports SET content = '{}' WHERE status = 'published'`.execute(t.db),
      /published and frozen/,
    );
  });

  test('only the performance team generates and publishes; a stale publish is refused', async () => {
    await assert.rejects(
      requestReport(t.db, jobs, user('director.housing'), { set: 'housing-test', period: '2026-27-Q2' }),
      { statusCode: 403 },
    );
    const queued = await requestReport(t.db, jobs, user('performance'), {
      set: 'housing-test',
      period: '2026-27-Q1',
    });
    await assert.rejects(
      publishReport(t.db, jobs, user('performance'), {
        set: 'housing-test',
        period: '2026-27-Q1',
        version: queued.version,
      }),
      (e: unknown) => e instanceof AppError && e.statusCode === 409 && /while it is queued/.test(e.message),
    );
    await generateReport(t.db, queued.id);
    await assert.rejects(
      publishReport(t.db, jobs, user('performance'), {
        set: 'housing-test',
        period: '2026-27-Q1',
        version: queued.version,
      }),
      (e: unknown) => e instanceof AppError && e.statusCode === 409 && /generated again/.test(e.message),
    );
    await assert.rejects(
      requestReport(t.db, jobs, user('performance'), { set: 'no-such-set', period: '2026-27-Q1' }),
      { statusCode: 404 },
    );
    await assert.rejects(
      requestReport(t.db, jobs, user('performance'), { set: 'housing-test', period: '2026-Q9' }),
      (e: unknown) => e instanceof AppError && e.statusCode === 400 && /Period/.test(e.message),
    );
  });
});
