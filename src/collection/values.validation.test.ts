// saveValue's checks against real PostgreSQL: every bad input gets a message naming the field and the reason,
// and a measure outside the user's scope is "not found" exactly like a missing one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../web/errors.ts';
import { aMeasure, aService } from '../reporting/fixtures.ts';
import { rejects, saveWorld, type SaveWorld } from './values.fixtures.ts';

let w: SaveWorld;
before(async () => {
  w = await saveWorld();
});
after(async () => w.t.drop());

describe('validation names the field and the reason', () => {
  test("rejects text that is not a number: 'abc'", async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    await rejects(w.save(m.code, '2025-09', { value: 'abc' }), 400, 'value', "value: 'abc' is not a number");
  });

  test('rejects a missing figure', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    await rejects(w.save(m.code, '2025-09', { value: '  ' }), 400, 'value', 'value: enter the figure');
  });

  test('rejects a negative count', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count' });
    await rejects(
      w.save(m.code, '2025-09', { value: '-3' }),
      400,
      'value',
      'value: -3 is negative; a count cannot be below zero',
    );
  });

  test('accepts a negative amount of money', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'gbp', decimals: 0 });
    const saved = await w.save(m.code, '2025-09', { value: '-1,250' });
    assert.equal(Number(saved.value.value), -1250);
  });

  test('rejects a numerator greater than its denominator for a percentage', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      w.save(m.code, '2025-09', { numerator: '12', denominator: '10' }),
      400,
      'numerator',
      'numerator: 12 is greater than the denominator 10; a percentage cannot be more than 100%',
    );
  });

  test('rejects a zero denominator', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      w.save(m.code, '2025-09', { numerator: '0', denominator: '0' }),
      400,
      'denominator',
      'denominator: must not be zero (nothing to divide by)',
    );
  });

  test('rejects a ratio without its numerator, naming it', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'percent', calculation_type: 'ratio' });
    await rejects(
      w.save(m.code, '2025-09', { denominator: '10' }),
      400,
      'numerator',
      'numerator: enter the numerator',
    );
  });

  test('rejects a period that does not match the measure frequency', async () => {
    const m = await aMeasure(w.t.db, w.place, { code: 'SOC-01', frequency: 'monthly' });
    await rejects(
      w.save(m.code, '2025-26-Q2', { value: '5' }),
      400,
      'period',
      'period: 2025-26-Q2 is a quarter but SOC-01 is reported monthly',
    );
  });

  test('rejects a period string that is not a period', async () => {
    const m = await aMeasure(w.t.db, w.place);
    await rejects(
      w.save(m.code, '2025-13', { value: '5' }),
      400,
      'period',
      "period: '2025-13' is not a valid period: month must be 01–12",
    );
  });

  test('reports every problem at once', async () => {
    const m = await aMeasure(w.t.db, w.place, { unit: 'count', frequency: 'monthly' });
    await assert.rejects(
      w.save(m.code, '2025-26-Q1', { value: 'ten', commentary: 'x'.repeat(5001) }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(error.details.map((d) => d.field).sort(), ['commentary', 'period', 'value']);
        return true;
      },
    );
  });

  test('a measure outside the user’s scope is not found, exactly like a missing one', async () => {
    const other = await aService(w.t.db, w.place.councilId, w.place.directorateId);
    const theirs = await aMeasure(w.t.db, { ...w.place, serviceId: other });
    const missing = w.save('NO-SUCH', '2025-09', { value: '1' }, w.owner);
    await assert.rejects(missing, {
      statusCode: 404,
      message: "There is no measure with the code 'NO-SUCH'",
    });
    await assert.rejects(w.save(theirs.code, '2025-09', { value: '1' }, w.owner), {
      statusCode: 404,
      message: `There is no measure with the code '${theirs.code}'`,
    });
    const mine = await aMeasure(w.t.db, w.place, { unit: 'count' });
    const saved = await w.save(mine.code, '2025-09', { value: '1' }, w.owner);
    assert.equal(saved.created, true);
  });
});
