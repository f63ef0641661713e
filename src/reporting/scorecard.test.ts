// The scorecard against real PostgreSQL: which figure each measure is judged on, its target, RAG and direction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { aCouncil, aMeasure, aService, aTarget, aValue, someValues, type Place } from './fixtures.ts';
import { latestPeriodWithData, scorecard, type MeasureJudgement } from './scorecard.service.ts';

function find(measures: MeasureJudgement[], code: string): MeasureJudgement {
  const found = measures.find((m) => m.code === code);
  assert.ok(found, `${code} is on the scorecard`);
  return found;
}

describe('scorecard on hand-built data', () => {
  let t: TestDatabase;
  let place: Place;
  before(async () => {
    t = await freshDatabase('empty');
    place = await aCouncil(t.db);
  });
  after(async () => t.drop());

  test('judges each measure at its own latest period on or before the requested one', async () => {
    const m = await aMeasure(t.db, place, { frequency: 'monthly' });
    await someValues(t.db, place.councilId, m.id, [
      ['2025-07', 60],
      ['2025-08', 61],
      ['2025-09', 62],
      ['2025-10', 63],
    ]);
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-09' });
    const row = find(card.measures, m.code);
    assert.equal(row.period, '2025-09');
    assert.equal(row.value, 62);
    assert.equal(row.previousValue, 61);
  });

  test('a monthly measure is judged at the last month of a requested quarter', async () => {
    const m = await aMeasure(t.db, place, { frequency: 'monthly' });
    await someValues(t.db, place.councilId, m.id, [
      ['2025-09', 40],
      ['2025-10', 41],
    ]);
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-26-Q2' });
    assert.equal(find(card.measures, m.code).period, '2025-09');
    assert.equal(card.period, '2025-26-Q2');
  });

  test('a quarterly measure asked for a month is judged at the latest quarter that ended by then', async () => {
    const m = await aMeasure(t.db, place, { frequency: 'quarterly' });
    await someValues(t.db, place.councilId, m.id, [
      ['2025-26-Q1', 10],
      ['2025-26-Q2', 12],
    ]);
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-08' });
    assert.equal(find(card.measures, m.code).period, '2025-26-Q1');
  });

  test('draft figures and breakdowns are ignored', async () => {
    const m = await aMeasure(t.db, place);
    await aValue(t.db, place.councilId, m.id, '2025-05', { value: 50 });
    await aValue(t.db, place.councilId, m.id, '2025-06', { value: 99, status: 'draft' });
    await aValue(t.db, place.councilId, m.id, '2025-06', { value: 77, breakdown: 'ward:E1' });
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-06' });
    const row = find(card.measures, m.code);
    assert.equal(row.period, '2025-05');
    assert.equal(row.value, 50);
  });

  test('RAG uses the target for the judged period, with its tolerance', async () => {
    const m = await aMeasure(t.db, place, { polarity: 'up' });
    await aValue(t.db, place.councilId, m.id, '2025-04', { value: 78 });
    await aTarget(t.db, place.councilId, m.id, '2025-04', {
      value: 80,
      tolerance: { kind: 'absolute', amount: 5 },
    });
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-04' });
    const row = find(card.measures, m.code);
    assert.equal(row.target, 80);
    assert.deepEqual(row.tolerance, { kind: 'absolute', amount: 5 });
    assert.equal(row.rag, 'amber');
  });

  test('direction compares with the previous period and the same period last year, respecting polarity', async () => {
    const m = await aMeasure(t.db, place, { polarity: 'down', frequency: 'quarterly' });
    await someValues(t.db, place.councilId, m.id, [
      ['2024-25-Q2', 30],
      ['2025-26-Q1', 20],
      ['2025-26-Q2', 25],
    ]);
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-26-Q2' });
    const row = find(card.measures, m.code);
    assert.equal(row.previousValue, 20);
    assert.equal(row.lastYearValue, 30);
    assert.deepEqual(row.direction, { previous: 'worsening', lastYear: 'improving' });
    assert.equal(row.rag, 'not_rated');
  });

  test('a measure with no figure by then is "no data" with nothing to compare', async () => {
    const m = await aMeasure(t.db, place);
    await aValue(t.db, place.councilId, m.id, '2026-01', { value: 5 });
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-04' });
    const row = find(card.measures, m.code);
    assert.equal(row.period, null);
    assert.equal(row.rag, 'no_data');
    assert.deepEqual(row.direction, { previous: 'not_comparable', lastYear: 'not_comparable' });
  });

  test('only active measures unless measures are named', async () => {
    const draft = await aMeasure(t.db, place, { status: 'draft' });
    const retired = await aMeasure(t.db, place, { status: 'retired' });
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-04' });
    assert.ok(!card.measures.some((m) => m.code === draft.code || m.code === retired.code));
    const named = await scorecard(t.db, {
      councilId: place.councilId,
      reach: null,
      period: '2025-04',
      measureIds: [retired.id],
    });
    assert.deepEqual(
      named.measures.map((m) => m.code),
      [retired.code],
    );
  });

  test('a changed figure or target is seen by the very next scorecard', async () => {
    const m = await aMeasure(t.db, place);
    const id = await aValue(t.db, place.councilId, m.id, '2025-11', { value: 10 });
    const ask = async () =>
      find(
        (await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-11' })).measures,
        m.code,
      );
    assert.equal((await ask()).value, 10);
    await t.db.updateTable('data_values').set({ value: 11 }).where('id', '=', id).execute();
    assert.equal((await ask()).value, 11);
    await aTarget(t.db, place.councilId, m.id, '2025-11', { value: 12 });
    const judged = await ask();
    assert.deepEqual([judged.target, judged.rag], [12, 'red']);
    await t.db.updateTable('measures').set({ title: 'Renamed' }).where('id', '=', m.id).execute();
    assert.equal((await ask()).title, 'Renamed');
  });

  test('an invalid period is a validation error naming the period field', async () => {
    await assert.rejects(
      scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-Q7' }),
      (error: unknown) => {
        assert.equal((error as { statusCode?: number }).statusCode, 400);
        assert.equal((error as { details?: { field: string }[] }).details?.[0]?.field, 'period');
        return true;
      },
    );
  });
});

describe('scorecard defaults and scope', () => {
  let t: TestDatabase;
  let place: Place;
  before(async () => {
    t = await freshDatabase('empty');
    place = await aCouncil(t.db);
  });
  after(async () => t.drop());

  test('the default period is the latest with data, preferring the longer period at an equal end', async () => {
    const monthly = await aMeasure(t.db, place, { frequency: 'monthly' });
    const quarterly = await aMeasure(t.db, place, { frequency: 'quarterly' });
    await aValue(t.db, place.councilId, monthly.id, '2025-09', { value: 1 });
    await aValue(t.db, place.councilId, monthly.id, '2025-10', { value: 1, status: 'draft' });
    await aValue(t.db, place.councilId, quarterly.id, '2025-26-Q2', { value: 1 });
    assert.equal(await latestPeriodWithData(t.db, place.councilId, null), '2025-26-Q2');
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null });
    assert.equal(card.period, '2025-26-Q2');
    assert.equal(find(card.measures, monthly.code).period, '2025-09');
  });

  test('only measures whose lead or contributing service is in reach are shown', async () => {
    const other = await aService(t.db, place.councilId, place.directorateId);
    const mine = await aMeasure(t.db, place);
    const theirs = await aMeasure(t.db, { ...place, serviceId: other });
    const shared = await aMeasure(t.db, { ...place, serviceId: other });
    await t.db
      .insertInto('measure_services')
      .values({ council_id: place.councilId, measure_id: shared.id, service_id: place.serviceId })
      .execute();
    const card = await scorecard(t.db, {
      councilId: place.councilId,
      reach: new Set([place.serviceId]),
      period: '2025-09',
    });
    const codes = card.measures.map((m) => m.code);
    assert.ok(codes.includes(mine.code));
    assert.ok(codes.includes(shared.code));
    assert.ok(!codes.includes(theirs.code));
    const none = await scorecard(t.db, { councilId: place.councilId, reach: new Set(), period: '2025-09' });
    assert.equal(none.measures.length, 0);
  });

  test("another council's measures never appear", async () => {
    const elsewhere = await aCouncil(t.db);
    const foreign = await aMeasure(t.db, elsewhere);
    const card = await scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-09' });
    assert.ok(!card.measures.some((m) => m.code === foreign.code));
  });

  test('with no data at all the period is null and every measure has no data', async () => {
    const empty = await aCouncil(t.db);
    await aMeasure(t.db, empty);
    const card = await scorecard(t.db, { councilId: empty.councilId, reach: null });
    assert.equal(card.period, null);
    assert.deepEqual(
      card.measures.map((m) => m.rag),
      ['no_data'],
    );
  });
});

describe('scorecard on the demo council', () => {
  let t: TestDatabase;
  let councilId: string;
  before(async () => {
    t = await freshDatabase('demo');
    const council = await t.db
      .selectFrom('councils')
      .select('id')
      .where('slug', '=', 'anytown')
      .executeTakeFirstOrThrow();
    councilId = council.id;
  });
  after(async () => t.drop());

  test('every active measure is on the default scorecard, judged no later than the default period', async () => {
    const card = await scorecard(t.db, { councilId, reach: null });
    const active = await t.db
      .selectFrom('measures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('council_id', '=', councilId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    assert.ok(card.period);
    assert.equal(card.measures.length, Number(active.n));
    assert.ok(card.measures.filter((m) => m.value != null).length > card.measures.length / 2);
    assert.ok(card.measures.some((m) => m.rag === 'green' || m.rag === 'amber' || m.rag === 'red'));
  });

  test('the latest-figure lookup walks the headline-figure index made for it', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN
      SELECT dv.value FROM measures m LEFT JOIN LATERAL (
        SELECT value FROM data_values dv WHERE dv.measure_id = m.id AND dv.breakdown = '' AND dv.period_end <= '2025-09-30'
          AND dv.status <> 'draft' ORDER BY dv.period_end DESC, dv.period_start ASC LIMIT 1) dv ON true`.execute(
      t.db,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    assert.match(text, /data_values_headline/);
  });
});

describe('SPC in the scorecard', () => {
  let t: TestDatabase;
  let place: Place;
  before(async () => {
    t = await freshDatabase('empty');
    place = await aCouncil(t.db);
  });
  after(async () => t.drop());

  test('is judged only when asked for, and cached apart from the scorecard without it', async () => {
    const m = await aMeasure(t.db, place, { frequency: 'monthly' });
    const months = [
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
    ];
    await someValues(
      t.db,
      place.councilId,
      m.id,
      months.map((key, i): [string, number] => [key, 50 + (i % 3)]),
    );
    const ask = (withSpc: boolean) =>
      scorecard(t.db, { councilId: place.councilId, reach: null, period: '2025-09', withSpc });
    assert.equal(find((await ask(false)).measures, m.code).spc, null);
    const judged = find((await ask(true)).measures, m.code).spc;
    assert.equal(judged?.points, 14);
    assert.equal(judged?.variation, 'common_cause');
    assert.equal(judged?.provisional, true);
    assert.equal(find((await ask(false)).measures, m.code).spc, null);
  });
});
