// The benchmark's data must be what it claims: deterministic, complete, period dates from the period module,
// and COPY must store awkward text exactly. Small sizes, real PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { digest } from '../src/access/tokens.ts';
import { freshDatabase, type TestDatabase } from '../src/testing/database.ts';
import { copyInto } from './copy.ts';
import { BENCH_EMAIL, generateCouncil } from './generate.ts';
import { monthSpans, syntheticMeasure, valueRows } from './synthetic.ts';

describe('synthetic figures', () => {
  test('120 months ending 2026-10 start at 2016-11 and carry their calendar dates', () => {
    const months = monthSpans(120, '2026-10');
    assert.equal(months.length, 120);
    assert.deepEqual(months[0], { key: '2016-11', start: '2016-11-01', end: '2016-11-30', month: 11 });
    assert.deepEqual(
      months.find((m) => m.key === '2024-02'),
      { key: '2024-02', start: '2024-02-01', end: '2024-02-29', month: 2 },
    );
    assert.equal(months.at(-1)?.key, '2026-10');
  });

  test('the same seed gives the same measures and figures; another seed does not', () => {
    const months = monthSpans(24, '2026-10');
    const figures = (seed: number) =>
      Array.from({ length: 20 }, (_, i) => [...valueRows(seed, syntheticMeasure(seed, i, 40), months)]);
    assert.deepEqual(figures(7), figures(7));
    assert.notDeepEqual(figures(7), figures(8));
  });

  test('every month but the newest is published, and a ratio value is its numerator over denominator', () => {
    const months = monthSpans(13, '2026-10');
    let ratios = 0;
    for (let i = 0; i < 200; i++) {
      const measure = syntheticMeasure(1, i, 40);
      const rows = [...valueRows(1, measure, months)];
      assert.ok(rows.slice(0, -1).every((r) => r.status === 'published' && r.publishedAt !== null));
      assert.notEqual(rows.at(-1)?.status, 'published');
      if (measure.calculationType !== 'ratio') continue;
      ratios++;
      for (const r of rows) {
        assert.ok(r.numerator !== null && r.denominator !== null && r.numerator <= r.denominator);
        assert.equal(r.value, Math.round((r.numerator / r.denominator) * 100 * 10) / 10);
      }
    }
    assert.ok(ratios > 20, `expected a fair share of ratio measures, got ${ratios}`);
  });
});

describe('loading the benchmark council', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  before(async () => {
    [first, second] = await Promise.all([freshDatabase('empty'), freshDatabase('empty')]);
  });
  after(async () => {
    await Promise.all([first.drop(), second.drop()]);
  });

  const options = { measures: 30, months: 13, seed: 42 };

  test('loads a value per measure per month, targets for measures with a polarity, and a usable API token', async () => {
    const council = await generateCouncil(first.db, { ...options, databaseUrl: first.url });
    assert.equal(council.measures, 30);
    assert.equal(council.values, 30 * 13);
    const stored = await sql<{ measures: string; values: string; bad_dates: string; no_target: string }>`
      SELECT (SELECT count(*) FROM measures WHERE council_id = ${council.councilId}) AS measures,
        (SELECT count(*) FROM data_values WHERE council_id = ${council.councilId}) AS values,
        (SELECT count(*) FROM data_values WHERE period_start <> to_date(period, 'YYYY-MM')
           OR period_end <> (to_date(period, 'YYYY-MM') + interval '1 month' - interval '1 day')::date) AS bad_dates,
        (SELECT count(*) FROM measures m WHERE m.polarity <> 'none'
           AND (SELECT count(*) FROM targets t WHERE t.measure_id = m.id) <> 13) AS no_target`.execute(
      first.db,
    );
    assert.deepEqual(stored.rows[0], { measures: '30', values: '390', bad_dates: '0', no_target: '0' });
    const token = await first.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.email', 'users.role'])
      .where('api_tokens.token_hash', '=', digest(council.apiToken))
      .executeTakeFirst();
    assert.deepEqual(token, { email: BENCH_EMAIL, role: 'performance_officer' });
  });

  test('the same seed loads identical figures into two databases', async () => {
    await generateCouncil(second.db, { ...options, databaseUrl: second.url });
    const fingerprint = async (database: TestDatabase) =>
      (
        await sql<{ md5: string }>`
          SELECT md5(string_agg(concat_ws('|', m.code, dv.period, dv.value, dv.numerator, dv.denominator,
            dv.status, dv.commentary, t.value, t.low, t.high, t.tolerance), ',' ORDER BY m.code, dv.period)) AS md5
          FROM data_values dv JOIN measures m ON m.id = dv.measure_id
          LEFT JOIN targets t ON t.measure_id = m.id AND t.period = dv.period`.execute(database.db)
      ).rows[0]?.md5;
    assert.equal(await fingerprint(first), await fingerprint(second));
  });

  test('COPY stores tabs, line breaks, backslashes and NULLs exactly', async () => {
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE copied (n integer, note text)');
      const notes = ['tab\there', 'two\nlines', 'back\\slash\\N', 'cr\rlf', null];
      const rows = notes.map((note, n) => [n, note]);
      assert.equal(await copyInto(client, 'copied', ['n', 'note'], rows), notes.length);
      const back = await client.query<{ note: string | null }>('SELECT note FROM copied ORDER BY n');
      assert.deepEqual(
        back.rows.map((r) => r.note),
        notes,
      );
    } finally {
      await client.end();
    }
  });
});
