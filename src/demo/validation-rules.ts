// The demo council's validation rules: a few housing measures with a range on a percentage, a change bound, an
// outlier rule and a cross-measure rule, so that entering an odd figure shows each kind at work.
import type { Kysely } from 'kysely';
import type { ValidationRule } from '../assessment/index.ts';
import { writeOf } from '../collection/rules/rules.present.ts';
import type { Database } from '../db/schema.ts';

export const DEMO_RULES: Readonly<Record<string, readonly ValidationRule[]>> = {
  // Damp and mould hazards investigated in time: a percentage, so 0–100, and never more investigated than due.
  'HOU-07': [
    { kind: 'range', severity: 'hard', min: 0, max: 100 },
    { kind: 'numerator_within_denominator', severity: 'hard' },
  ],
  // Damp and mould reports received: whole reports; a jump of half again on last month is worth a second look.
  'HOU-08': [
    { kind: 'integer', severity: 'hard' },
    { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
  ],
  // Households in temporary accommodation: whole households, and a figure far from its own history is queried.
  'HOU-03': [
    { kind: 'integer', severity: 'hard' },
    { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
  ],
  // Families in B&B beyond six weeks are some of the households in temporary accommodation, never more.
  'HOU-04': [
    { kind: 'integer', severity: 'hard' },
    {
      kind: 'cross_measure',
      severity: 'hard',
      expression: '[HOU-04] <= [HOU-03]',
      message: 'Families in B&B cannot outnumber all the households in temporary accommodation (HOU-03)',
    },
  ],
  // Free-school-meal registrations, checked for each school's own figure too: a share, and a school's take-up does
  // not halve in a year without a reason worth asking for (it catches the demo's Brookfield Primary).
  'EDU-01': [
    { kind: 'range', severity: 'hard', min: 0, max: 100 },
    { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
  ],
  // Average days to re-let: a year is already far beyond any real letting.
  'HOU-05': [{ kind: 'range', severity: 'soft', min: 0, max: 365 }],
};

export async function insertDemoRules(db: Kysely<Database>, councilId: string): Promise<void> {
  const measures = await db
    .selectFrom('measures')
    .select(['id', 'code'])
    .where('council_id', '=', councilId)
    .where('code', 'in', Object.keys(DEMO_RULES))
    .orderBy('code')
    .execute();
  for (const m of measures) {
    const rules = DEMO_RULES[m.code] ?? [];
    await db
      .insertInto('measure_validation_rule_sets')
      .values({ council_id: councilId, measure_id: m.id })
      .execute();
    await db
      .insertInto('measure_validation_rules')
      .values(
        rules.map((rule) => {
          const w = writeOf(rule);
          return { council_id: councilId, measure_id: m.id, ...w, parameters: JSON.stringify(w.parameters) };
        }),
      )
      .execute();
  }
}
