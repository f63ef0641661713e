// The public cache under concurrent first requests: every one of them gets the snapshot, none is told there is none.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { PublicCache } from './public-cache.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('demo');
});
after(() => database.drop());

test('requests arriving while the first snapshot is built all get it', async () => {
  const cache = new PublicCache(database.db, { today: () => '2026-11-27' });
  let built = false;
  const first = cache.current().finally(() => (built = true));
  // Ask again at every turn of the event loop while the first build runs, so some ask lands at each stage of it.
  const later: Promise<unknown>[] = [];
  while (!built) {
    later.push(cache.current());
    await new Promise((resolve) => setImmediate(resolve));
  }
  const snapshot = await first;
  assert.ok(snapshot);
  assert.ok(later.length > 3, `${later.length} requests during the build`);
  for (const s of await Promise.all(later)) assert.equal(s, snapshot);
});
