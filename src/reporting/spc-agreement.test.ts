// The scorecard (and so the overview) and the measure page judge SPC from the same figures and settings: for every
// demo measure their verdicts agree, with and without a baseline and recalculation points.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { saveSpcSettings } from '../measures/spc-settings.service.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { measurePerformance } from './measure-performance.ts';
import { scorecard } from './scorecard.service.ts';

let demo: TestDatabase;
before(async () => {
  demo = await freshDatabase('demo');
});
after(async () => demo.drop());

async function verdicts() {
  const council = await demo.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
  const card = await scorecard(demo.db, { councilId: council.id, reach: null, withSpc: true });
  const onPages = await Promise.all(
    card.measures.map(async (m) => {
      const page = await measurePerformance(demo.db, { councilId: council.id, measureId: m.measureId });
      return { code: m.code, page: page.spc?.judgement ?? null, unavailable: page.spcUnavailable };
    }),
  );
  return card.measures.map((m, i) => {
    assert.ok(m.spc, `${m.code} is judged with SPC when asked`);
    return { code: m.code, card: m.spc, ...onPages[i] };
  });
}

describe('SPC agrees between the scorecard and the measure page', () => {
  test('for every demo measure at the latest period', async () => {
    const all = await verdicts();
    assert.ok(all.length > 80);
    let judged = 0;
    for (const v of all) {
      if (v.page) {
        judged += 1;
        assert.deepEqual(v.card, v.page, v.code);
      } else {
        assert.equal(v.card.variation, 'not_enough_data', v.code);
        assert.equal(v.card.reading, v.unavailable, v.code);
      }
    }
    assert.ok(judged > 60, `${judged} measures have enough data`);
  });

  test('after a performance officer sets a baseline and a recalculation point, both change together', async () => {
    const row = await findUserByEmail(demo.db, 'performance@anytown.example');
    assert.ok(row);
    const officer = toCurrentUser(row, null);
    const before = (await verdicts()).find((v) => v.code === 'HOU-05');
    await saveSpcSettings(
      demo.db,
      officer,
      'HOU-05',
      {
        baseline: { from: '2023-04', to: '2024-03', reason: 'Stable year' },
        recalculations: [{ period: '2025-04', reason: 'New repairs contractor' }],
      },
      null,
    );
    const afterSettings = (await verdicts()).find((v) => v.code === 'HOU-05');
    assert.ok(before && afterSettings);
    assert.deepEqual(afterSettings.card, afterSettings.page);
    // The window now reaches back to April 2023, beyond the default 36 figures.
    assert.ok(afterSettings.card.points > 36, `${afterSettings.card.points} points`);
    assert.notEqual(afterSettings.card.points, before.card.points);
  });
});
