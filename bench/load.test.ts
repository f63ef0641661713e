// bench/load end to end, small: 5 signed-in users for 3 s against `scorecard serve` on a copy of the demo council.
// Not timed: it proves the harness still signs in, drives every kind of request, and that every write the server
// acknowledged is in the database, so the benchmark cannot rot unnoticed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../src/testing/database.ts';
import { DEFAULT_MIX } from './load-mix.ts';
import { driveLoad, type LoadOutcome } from './load-run.ts';

let database: TestDatabase;
let outcome: LoadOutcome;

before(async () => {
  database = await freshDatabase('demo');
  outcome = await driveLoad(database.db, database.url, {
    users: 5,
    seconds: 3,
    warmupSeconds: 0,
    thinkMs: 0,
    // Entering figures weighted up: every kind of page is still asked for, and the write check has writes to find.
    mix: { ...DEFAULT_MIX, entry: 6 },
    format: 'csv',
    logLevel: 'warn',
  });
});

after(async () => {
  await database.drop();
});

test('five users for three seconds meet no 5xx and no other error', () => {
  assert.deepEqual(outcome.report.failures, []);
  assert.deepEqual(outcome.serverErrors, []);
  assert.ok(Object.keys(outcome.report.statuses).every((s) => s === '200' || s === '303'));
});

test('every kind of request is made: each report file first, then the mix, timed by kind', () => {
  assert.ok(outcome.report.firstDownloadMs.length > 0, 'the published report files were downloaded');
  const kinds = outcome.report.figures.map((f) => f.kind);
  const known = ['all', 'download', 'entry form', 'entry save', 'entry saved page', 'measure', 'overview'];
  assert.deepEqual(
    kinds.filter((k) => !known.includes(k)),
    [],
  );
  // Three seconds is too short to be sure of a download in the mix; the pages and the writes are.
  for (const kind of ['all', 'entry save', 'measure', 'overview']) assert.ok(kinds.includes(kind), kind);
  assert.ok(outcome.report.figures.every((f) => f.requests > 0 && f.p95 >= f.p50));
});

test('every acknowledged write is in the database, and each figure is left at its last saved value', () => {
  assert.ok(outcome.writes.acknowledged > 0, 'the data owners saved figures');
  assert.equal(outcome.writes.found, outcome.writes.acknowledged);
  assert.equal(outcome.writes.notLatest, 0);
});
