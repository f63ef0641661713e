// Validation rules' SQL: a measure's rules and the version of the set, the council's measure codes a cross-measure
// rule may name, and writes that succeed only against the version the writer read.
import type { Db } from '../../db/connection.ts';
import type { Frequency } from '../../assessment/index.ts';
import type { Tx } from '../values.queries.ts';

export interface RuleRow {
  id: string;
  kind: 'range' | 'integer' | 'numerator_within_denominator' | 'change' | 'outlier' | 'cross_measure';
  severity: 'hard' | 'soft';
  parameters: Record<string, number | string | null>;
  expression: string;
  message: string;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

export async function rulesOf(db: Db | Tx, measureId: string): Promise<RuleRow[]> {
  return db
    .selectFrom('measure_validation_rules as r')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .select([
      'r.id',
      'r.kind',
      'r.severity',
      'r.parameters',
      'r.expression',
      'r.message',
      'r.version',
      'r.updated_at',
      'u.display_name as updated_by_name',
    ])
    .where('r.measure_id', '=', measureId)
    .orderBy('r.id')
    .execute();
}

/** The set's version: null until the measure's rules are first written. */
export async function ruleSetVersion(db: Db | Tx, measureId: string): Promise<number | null> {
  const row = await db
    .selectFrom('measure_validation_rule_sets')
    .select('version')
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
  return row?.version ?? null;
}

/** Every measure of the council by code, with its frequency: what a cross-measure rule may name. */
export async function councilMeasureCodes(db: Db | Tx, councilId: string): Promise<Map<string, Frequency>> {
  const rows = await db
    .selectFrom('measures')
    .select(['code', 'frequency'])
    .where('council_id', '=', councilId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.frequency]));
}

/**
 * Moves the set to its next version: only from `expected` when given (the API's whole-set write), from whatever
 * it is otherwise (one rule added, changed or removed on the page). Null when someone else moved it first.
 */
export async function bumpRuleSet(
  tx: Tx,
  w: { councilId: string; measureId: string; userId: string },
  expected: number | null | 'any',
): Promise<number | null> {
  if (expected === null || expected === 'any') {
    const inserted = await tx
      .insertInto('measure_validation_rule_sets')
      .values({ council_id: w.councilId, measure_id: w.measureId, updated_by: w.userId })
      .onConflict((oc) =>
        expected === 'any'
          ? oc.column('measure_id').doUpdateSet((eb) => ({
              version: eb('measure_validation_rule_sets.version', '+', 1),
              updated_at: new Date(),
              updated_by: w.userId,
            }))
          : oc.column('measure_id').doNothing(),
      )
      .returning('version')
      .executeTakeFirst();
    return inserted?.version ?? null;
  }
  const updated = await tx
    .updateTable('measure_validation_rule_sets')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date(), updated_by: w.userId }))
    .where('measure_id', '=', w.measureId)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  return updated?.version ?? null;
}

export interface RuleWrite {
  kind: RuleRow['kind'];
  severity: RuleRow['severity'];
  parameters: Record<string, number | string | null>;
  expression: string;
  message: string;
}

export async function insertRule(
  tx: Tx,
  w: { councilId: string; measureId: string; userId: string },
  rule: RuleWrite,
): Promise<string> {
  const row = await tx
    .insertInto('measure_validation_rules')
    .values({
      council_id: w.councilId,
      measure_id: w.measureId,
      ...rule,
      parameters: JSON.stringify(rule.parameters),
      created_by: w.userId,
      updated_by: w.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** True when the rule was at `version` and is now changed; false when it is gone or someone changed it first. */
export async function updateRule(
  tx: Tx,
  id: string,
  measureId: string,
  version: number | 'any',
  userId: string,
  rule: RuleWrite,
): Promise<boolean> {
  let query = tx
    .updateTable('measure_validation_rules')
    .set((eb) => ({
      ...rule,
      parameters: JSON.stringify(rule.parameters),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: userId,
    }))
    .where('id', '=', id)
    .where('measure_id', '=', measureId);
  if (version !== 'any') query = query.where('version', '=', version);
  return (await query.returning('id').executeTakeFirst()) !== undefined;
}

export async function deleteRule(
  tx: Tx,
  id: string,
  measureId: string,
  version: number | 'any',
): Promise<boolean> {
  let query = tx
    .deleteFrom('measure_validation_rules')
    .where('id', '=', id)
    .where('measure_id', '=', measureId);
  if (version !== 'any') query = query.where('version', '=', version);
  return (await query.returning('id').executeTakeFirst()) !== undefined;
}

/** Which of these measures have any validation rule: an upload asks once, not once per row. */
export async function measuresWithRules(db: Db | Tx, measureIds: readonly string[]): Promise<Set<string>> {
  if (measureIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('measure_validation_rules')
    .select('measure_id')
    .distinct()
    .where('measure_id', 'in', measureIds)
    .execute();
  return new Set(rows.map((r) => String(r.measure_id)));
}
