// The demo's validation rules are ones its own history keeps: every demo figure of a measure with rules passes
// that measure's hard rules, checked through the same checkFigure the entry form uses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parsePeriod } from '../assessment/index.ts';
import { checkFigure } from '../collection/rules/check-figure.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { DEMO_RULES } from './validation-rules.ts';

let t: TestDatabase;
before(async () => {
  t = await freshDatabase('demo');
});
after(async () => t.drop());

test('every demo figure of a measure with rules passes its hard rules', async () => {
  const rows = await t.db
    .selectFrom('data_values as dv')
    .innerJoin('measures as m', 'm.id', 'dv.measure_id')
    .select([
      'm.id',
      'm.code',
      'm.unit',
      'm.decimals',
      'm.calculation_type',
      'dv.period',
      'dv.value',
      'dv.numerator',
      'dv.denominator',
    ])
    .where('m.code', 'in', Object.keys(DEMO_RULES))
    .where('dv.breakdown', '=', '')
    .where('dv.value', 'is not', null)
    .execute();
  assert.ok(rows.length > 200, `${rows.length} figures checked`);
  const broken: string[] = [];
  for (const r of rows) {
    const num = (x: string | null) => (x === null ? null : Number(x));
    const { findings } = await checkFigure(t.db, r, parsePeriod(r.period), {
      value: Number(r.value),
      numerator: num(r.numerator),
      denominator: num(r.denominator),
    });
    for (const f of findings) if (f.severity === 'hard') broken.push(`${r.code} ${r.period}: ${f.message}`);
  }
  assert.deepEqual(broken, []);
});
