// The residents' model on the demo council: only public measures, only published figures, kept until data change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { measuresOf } from '../reporting/reports/report-model.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { PublicCache } from './public-cache.ts';
import { publicMeasureIds } from './public-model.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('demo');
});
after(() => database.drop());

const today = () => '2026-11-27';

test('the model holds every active public measure and no other', async () => {
  const cache = new PublicCache(database.db, { today });
  const snapshot = await cache.current();
  assert.ok(snapshot);
  const expected = await sql<{ code: string }>`
    SELECT code FROM measures WHERE council_id = ${snapshot.council.id} AND status = 'active'
       AND 'public' = ANY(tags) ORDER BY code`.execute(database.db);
  const shown = measuresOf(snapshot.model)
    .map((m) => m.code)
    .sort();
  assert.ok(shown.length >= 10, `demo has public measures (${shown.length})`);
  assert.deepEqual(
    shown,
    expected.rows.map((r) => r.code),
  );
  assert.equal(snapshot.model.set.audience, 'public');
  assert.equal(snapshot.model.period.key, '2026-27-Q3');
});

test('every figure shown is a published one: a figure still in the workflow never appears', async () => {
  const snapshot = await new PublicCache(database.db, { today }).current();
  assert.ok(snapshot);
  const published = await sql<{ code: string; period: string; value: string | null }>`
    SELECT m.code, pv.period, pv.value FROM published_values pv JOIN measures m ON m.id = pv.measure_id
     WHERE pv.council_id = ${snapshot.council.id} AND pv.breakdown = ''`.execute(database.db);
  const publishedOf = new Map(published.rows.map((r) => [`${r.code} ${r.period}`, Number(r.value)]));
  let checked = 0;
  for (const m of measuresOf(snapshot.model))
    for (const point of m.history) {
      if (point.value === null) continue;
      assert.equal(point.value, publishedOf.get(`${m.code} ${point.period}`), `${m.code} ${point.period}`);
      checked++;
    }
  assert.ok(checked > 100, `checked ${checked} figures`);
  const unpublished = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM data_values WHERE council_id = ${snapshot.council.id} AND status <> 'published'
       AND measure_id = ANY(${await publicMeasureIds(database.db, snapshot.council.id)}::bigint[])`.execute(
    database.db,
  );
  assert.ok((unpublished.rows[0]?.n ?? 0) > 0, 'the demo has public measures with figures in the workflow');
});

test('the snapshot is kept while nothing changes and made again when the audit log moves on', async () => {
  const cache = new PublicCache(database.db, { today, checkEveryMs: 0 });
  const first = await cache.current();
  assert.equal(await cache.current(), first);
  assert.ok(first);
  let made = 0;
  await cache.made('page', () => ++made);
  await cache.made('page', () => ++made);
  assert.equal(made, 1);
  await sql`INSERT INTO audit_log (council_id, action, entity, entity_id) VALUES (${first.council.id}, 'test.change', 'measure', '1')`.execute(
    database.db,
  );
  const second = await cache.current();
  assert.notEqual(second, first);
  assert.notEqual(second?.fingerprint, first.fingerprint);
  assert.equal(await cache.made('page', () => ++made), 2);
});
