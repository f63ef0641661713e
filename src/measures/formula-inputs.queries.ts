// SQL for the links between formula measures and the measures they read: the candidates a formula names, the
// council's formulas (for the cycle check), keeping measure_formula_inputs in step, and both directions of the
// link for the measure page ("Calculated from", "Used in").
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import type { FrequencyColumn } from '../db/schema.ts';
import { measureReachCondition } from '../reporting/scorecard.queries.ts';

export interface FormulaInputRow {
  id: string;
  code: string;
  title: string;
  frequency: FrequencyColumn;
}

/** The council's measures with these codes; a code missing from the answer names no measure. */
export async function measuresWithCodes(
  db: Db,
  councilId: string,
  codes: readonly string[],
): Promise<FormulaInputRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('measures')
    .select(['id', 'code', 'title', 'frequency'])
    .where('council_id', '=', councilId)
    .where('code', 'in', [...codes])
    .execute();
}

/** Every formula measure of the council but one (the one being edited): code → formula text. */
export async function formulaDefinitions(
  db: Db,
  councilId: string,
  exceptId: string | undefined,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('measures')
    .select(['code', 'formula'])
    .where('council_id', '=', councilId)
    .where('calculation_type', '=', 'formula')
    .where('id', '!=', exceptId ?? '0')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.formula]));
}

/** Makes the stored links say exactly `inputIds` for this measure (none unless it is a formula measure). */
export async function replaceFormulaInputs(
  db: Db,
  councilId: string,
  measureId: string,
  inputIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('measure_formula_inputs').where('measure_id', '=', measureId).execute();
  if (inputIds.length === 0) return;
  await db
    .insertInto('measure_formula_inputs')
    .values(
      [...new Set(inputIds)].map((input_measure_id) => ({
        council_id: councilId,
        measure_id: measureId,
        input_measure_id,
      })),
    )
    .execute();
}

export interface LinkedMeasure {
  code: string;
  title: string;
}

/** The formula measures that read this measure directly, limited to a reader's reach (null: every one). */
export function formulaMeasuresUsing(
  db: Db,
  measureId: string,
  reach: ServiceReach,
): Promise<LinkedMeasure[]> {
  return linkedMeasures(db, measureId, reach, 'used_in');
}

/** The measures a formula measure reads that the reader may see. */
export function formulaInputsOf(db: Db, measureId: string, reach: ServiceReach): Promise<LinkedMeasure[]> {
  return linkedMeasures(db, measureId, reach, 'inputs');
}

async function linkedMeasures(
  db: Db,
  measureId: string,
  reach: ServiceReach,
  direction: 'inputs' | 'used_in',
): Promise<LinkedMeasure[]> {
  const [from, to] =
    direction === 'inputs' ? ['measure_id', 'input_measure_id'] : ['input_measure_id', 'measure_id'];
  const result = await sql<LinkedMeasure>`
    SELECT m.code, m.title FROM measure_formula_inputs fi JOIN measures m ON m.id = ${sql.ref(`fi.${to}`)}
    WHERE ${sql.ref(`fi.${from}`)} = ${measureId} AND ${measureReachCondition(reach)}
    ORDER BY m.code`.execute(db);
  return result.rows;
}
