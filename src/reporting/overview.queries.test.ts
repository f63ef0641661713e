// The overview's period choices read each measure's newest periods from the headline index; they must be exactly
// the council's newest periods found by grouping every figure, for any reach and any number of choices.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { recentPeriods } from './overview.queries.ts';
import { measureReachCondition } from './scorecard.queries.ts';

let t: TestDatabase;
let councilId: string;
let services: string[];

before(async () => {
  t = await freshDatabase('demo');
  const council = await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
  councilId = String(council.id);
  services = (await t.db.selectFrom('services').select('id').orderBy('id').execute()).map((s) =>
    String(s.id),
  );
  // A newer draft, a newer breakdown and a newer figure of a retired measure must none of them offer a period.
  await sql`UPDATE data_values SET status = 'draft' WHERE id = (
    SELECT id FROM data_values WHERE breakdown = '' ORDER BY period_end DESC, id LIMIT 1)`.execute(t.db);
});
after(async () => t.drop());

/** The plain reading: every headline figure of the council's active measures in reach, grouped. */
async function everyPeriodGrouped(reach: ServiceReach, limit: number): Promise<string[]> {
  const result = await sql<{ period: string }>`
    SELECT dv.period FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE dv.council_id = ${councilId} AND dv.breakdown = '' AND dv.status <> 'draft' AND m.status = 'active'
      AND ${measureReachCondition(reach)}
    GROUP BY dv.period, dv.period_end, dv.period_start
    ORDER BY dv.period_end DESC, dv.period_start ASC
    LIMIT ${limit}`.execute(t.db);
  return result.rows.map((r) => r.period);
}

describe('the periods the overview offers', () => {
  test('are the newest periods of every figure in reach, for each reach and number asked', async () => {
    const reaches: ServiceReach[] = [
      null,
      new Set(),
      ...services.map((id) => new Set([id])),
      new Set(services.slice(0, 2)),
    ];
    for (const reach of reaches)
      for (const limit of [1, 4, 13, 40]) {
        const expected = await everyPeriodGrouped(reach, limit);
        const label = `reach ${reach === null ? 'all' : [...reach].join(',') || 'none'}, ${limit} periods`;
        assert.deepEqual(await recentPeriods(t.db, councilId, reach, limit), expected, label);
      }
  });

  test('mix monthly, quarterly and annual periods, longer first where they end on the same day', async () => {
    const periods = await recentPeriods(t.db, councilId, null, 40);
    assert.ok(
      periods.some((p) => /^\d{4}-\d{2}$/.test(p)),
      `monthly periods among ${periods.join(' ')}`,
    );
    assert.ok(
      periods.some((p) => /Q\d/.test(p)),
      `quarters among ${periods.join(' ')}`,
    );
    assert.equal(new Set(periods).size, periods.length);
  });
});
