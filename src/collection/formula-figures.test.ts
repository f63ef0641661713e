// Calculated figures against real PostgreSQL: saving an input works out every formula measure reading it (a
// chain in order) in the same transaction, a missing input gives no figure, division by zero a flagged empty
// figure, the status is the least advanced input's, a formula change recalculates history, typing a figure
// for a formula measure is refused, two inputs saved at once both count, and the scorecard shows the result.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { saveMeasure } from '../measures/measures.service.ts';
import type { MeasureInput } from '../measures/measures.schema.ts';
import { aMeasure, aValue } from '../reporting/fixtures.ts';
import { scorecard } from '../reporting/scorecard.service.ts';
import { rejects, saveWorld, type SaveWorld } from './values.fixtures.ts';

let w: SaveWorld;
let serviceCode: string;
before(async () => {
  w = await saveWorld();
  serviceCode = (
    await w.t.db
      .selectFrom('services')
      .select('code')
      .where('id', '=', w.place.serviceId)
      .executeTakeFirstOrThrow()
  ).code;
});
after(async () => w.t.drop());

let counter = 0;
const anInput = () => aMeasure(w.t.db, w.place, { unit: 'count', decimals: 0 });

/** A formula measure made through the measure library, as the form and the API make one. */
async function aFormulaMeasure(formula: string, overrides: MeasureInput = {}) {
  return saveMeasure(w.t.db, w.officer, {
    input: {
      code: `CALC-${++counter}`,
      title: 'A calculated measure',
      unit: 'number',
      decimals: 2,
      polarity: 'up',
      frequency: 'monthly',
      accumulation: 'discrete',
      calculationType: 'formula',
      formula,
      leadService: serviceCode,
      status: 'active',
      ...overrides,
    },
  });
}

interface Figure {
  period: string;
  value: number | null;
  status: string;
  source: string;
  flags: string[];
  revision: number;
}

async function figures(code: string): Promise<Figure[]> {
  const rows = await sql<Figure & { value: string | null }>`
    SELECT dv.period, dv.value, dv.status, dv.source, dv.quality_flags AS flags, dv.revision
    FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.council_id = ${w.place.councilId} AND m.code = ${code} AND dv.breakdown = ''
    ORDER BY dv.period_end`.execute(w.t.db);
  return rows.rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}

const idOf = async (code: string) =>
  (
    await w.t.db
      .selectFrom('measures')
      .select('id')
      .where('council_id', '=', w.place.councilId)
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;

const valueOf = async (code: string, period: string) =>
  (await figures(code)).find((f) => f.period === period)?.value;

describe('saving an input', () => {
  test('works out the formula measure for that period, as a revision from source formula', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const f = await aFormulaMeasure(`[${a.code}] / [${b.code}] * 100`);
    await w.save(a.code, '2025-09', { value: '3' });
    assert.deepEqual(await figures(f.code), [], 'no figure while an input is missing');
    await w.save(b.code, '2025-09', { value: '4' });
    assert.deepEqual(await figures(f.code), [
      { period: '2025-09', value: 75, status: 'submitted', source: 'formula', flags: [], revision: 1 },
    ]);
    const revisions = await sql<{ revision: number; value: string; source: string }>`
      SELECT r.revision, r.value, r.source FROM data_value_revisions r
      JOIN data_values dv ON dv.id = r.data_value_id JOIN measures m ON m.id = dv.measure_id
      WHERE m.code = ${f.code}`.execute(w.t.db);
    assert.deepEqual(revisions.rows, [{ revision: 1, value: '75', source: 'formula' }]);
    const audit = await sql<{ action: string }>`
      SELECT a.action FROM audit_log a JOIN data_values dv ON a.entity_id = dv.id::text
      JOIN measures m ON m.id = dv.measure_id WHERE a.entity = 'data_value' AND m.code = ${f.code}`.execute(
      w.t.db,
    );
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['value.calculate'],
    );
  });

  test('works out a chain A → B → C in dependency order, in the same save', async () => {
    const a = await anInput();
    const b = await aFormulaMeasure(`[${a.code}] * 2`);
    const c = await aFormulaMeasure(`[${b.code}] + 1`);
    await w.save(a.code, '2025-09', { value: '5' });
    assert.equal(await valueOf(b.code, '2025-09'), 10);
    assert.equal(await valueOf(c.code, '2025-09'), 11);
    await w.save(a.code, '2025-09', { value: '6', version: '1' });
    assert.deepEqual(
      (await figures(c.code)).map((f) => [f.value, f.revision]),
      [[13, 2]],
    );
  });

  test('leaves the calculated figure alone when a save does not change it', async () => {
    const a = await anInput();
    const f = await aFormulaMeasure(`[${a.code}] + 1`);
    await w.save(a.code, '2025-09', { value: '5', commentary: 'First.' });
    await w.save(a.code, '2025-09', { value: '5', commentary: 'Only the words changed.', version: '1' });
    assert.deepEqual(
      (await figures(f.code)).map((x) => x.revision),
      [1],
    );
  });

  test('rolls the calculated figures back with the save when the save fails', async () => {
    const a = await anInput();
    const f = await aFormulaMeasure(`[${a.code}] + 1`);
    await w.save(a.code, '2025-09', { value: '5' });
    await rejects(w.save(a.code, '2025-09', { value: '9', version: '7' }), 409, 'version', /Someone else/);
    assert.equal(await valueOf(f.code, '2025-09'), 6);
  });

  test('division by zero stores a figure with no value and the evaluator’s note as a data-quality flag', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const f = await aFormulaMeasure(`[${a.code}] / [${b.code}]`);
    await w.save(a.code, '2025-09', { value: '1' });
    await w.save(b.code, '2025-09', { value: '0' });
    const [figure] = await figures(f.code);
    assert.equal(figure?.value, null);
    assert.deepEqual(figure?.flags, [`Division by zero: [${b.code}] is 0`]);
    await w.save(b.code, '2025-09', { value: '4', version: '1' });
    assert.deepEqual(
      (await figures(f.code)).map((x) => [x.value, x.flags]),
      [[0.25, []]],
    );
  });

  test('two inputs saved at once both count in the calculated figure', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const f = await aFormulaMeasure(`[${a.code}] + [${b.code}]`);
    await w.save(a.code, '2025-09', { value: '1' });
    await w.save(b.code, '2025-09', { value: '1' });
    for (let round = 1; round <= 5; round++) {
      await Promise.all([
        w.save(a.code, '2025-09', { value: String(10 * round), version: String(round) }),
        w.save(b.code, '2025-09', { value: String(round), version: String(round) }),
      ]);
      assert.equal(await valueOf(f.code, '2025-09'), 11 * round, `round ${round}`);
    }
  });
});

describe('a formula measure’s history', () => {
  test('is worked out for every period its inputs have figures for when it is created', async () => {
    const [a, b] = [await anInput(), await anInput()];
    for (const [period, x, y] of [
      ['2025-07', 1, 2],
      ['2025-08', 3, 4],
      ['2025-09', 5, null],
    ] as const) {
      await aValue(w.t.db, w.place.councilId, a.id, period, { value: x });
      if (y !== null) await aValue(w.t.db, w.place.councilId, b.id, period, { value: y });
    }
    const f = await aFormulaMeasure(`[${a.code}] + [${b.code}]`);
    assert.deepEqual(
      (await figures(f.code)).map((x) => [x.period, x.value]),
      [
        ['2025-07', 3],
        ['2025-08', 7],
      ],
    );
  });

  test('is recalculated when the formula changes, and a figure whose new input is missing is removed', async () => {
    const [a, b] = [await anInput(), await anInput()];
    await aValue(w.t.db, w.place.councilId, a.id, '2025-08', { value: 2 });
    await aValue(w.t.db, w.place.councilId, a.id, '2025-09', { value: 3 });
    await aValue(w.t.db, w.place.councilId, b.id, '2025-09', { value: 10 });
    const f = await aFormulaMeasure(`[${a.code}] * 2`);
    assert.deepEqual(
      (await figures(f.code)).map((x) => [x.period, x.value]),
      [
        ['2025-08', 4],
        ['2025-09', 6],
      ],
    );
    await saveMeasure(w.t.db, w.officer, {
      code: f.code,
      version: 1,
      input: { formula: `[${a.code}] * [${b.code}]` },
    });
    assert.deepEqual(
      (await figures(f.code)).map((x) => [x.period, x.value, x.revision]),
      [['2025-09', 30, 2]],
    );
    const removed = await sql<{ after: { missing: string[] } }>`
      SELECT after FROM audit_log WHERE action = 'value.remove' AND after->>'measure' = ${f.code}`.execute(
      w.t.db,
    );
    assert.deepEqual(removed.rows[0]?.after.missing, [b.code]);
  });

  test('takes the least advanced status of its inputs, so a draft input never gives more than a draft', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const statuses = [
      ['2025-07', 'published', 'published'],
      ['2025-08', 'approved', 'draft'],
      ['2025-09', 'validated', 'approved'],
      ['2025-10', 'published', 'submitted'],
    ] as const;
    for (const [period, x, y] of statuses) {
      await aValue(w.t.db, w.place.councilId, a.id, period, { value: 1, status: x });
      await aValue(w.t.db, w.place.councilId, b.id, period, { value: 1, status: y });
    }
    const f = await aFormulaMeasure(`[${a.code}] + [${b.code}]`);
    assert.deepEqual(
      (await figures(f.code)).map((x) => [x.period, x.status]),
      [
        ['2025-07', 'published'],
        ['2025-08', 'draft'],
        ['2025-09', 'validated'],
        ['2025-10', 'submitted'],
      ],
    );
  });
});

describe('a formula measure’s figure', () => {
  test('cannot be typed: the save is refused naming its inputs, and nothing is written', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const f = await aFormulaMeasure(`[${a.code}] - [${b.code}]`);
    await rejects(
      w.save(f.code, '2025-09', { value: '3' }),
      400,
      'value',
      `value: ${f.code} is calculated from its formula: enter its inputs (${a.code}, ${b.code}) and its figure is worked out from them`,
    );
    assert.deepEqual(await figures(f.code), []);
  });

  test('is what the scorecard shows', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const f = await aFormulaMeasure(`[${a.code}] / [${b.code}] * 100`, { unit: 'percent', decimals: 1 });
    await w.save(a.code, '2025-09', { value: '45' });
    await w.save(b.code, '2025-09', { value: '60' });
    const card = await scorecard(w.t.db, {
      councilId: w.place.councilId,
      reach: null,
      period: '2025-09',
      measureIds: [await idOf(f.code)],
    });
    assert.deepEqual(
      card.measures.map((m) => [m.code, m.period, m.value]),
      [[f.code, '2025-09', 75]],
    );
  });
});
