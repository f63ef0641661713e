// SQL for calculated figures: the formula measures that read some measures (directly or through each other),
// their inputs' headline figures, the periods a formula measure already has figures for, and removing one.
import { sql } from 'kysely';
import type { FrequencyColumn, ValueStatus } from '../db/schema.ts';
import type { Tx } from './values.queries.ts';

export interface FormulaMeasureRow {
  id: string;
  code: string;
  formula: string;
  frequency: FrequencyColumn;
}

/**
 * The formula measures reading any of `measureIds`, directly or through other formula measures, plus those of
 * `measureIds` that are formula measures themselves when `including` is set. UNION stops at a repeat, so even
 * a cycle (refused when formulas are saved) could not loop.
 */
export async function formulaMeasuresReading(
  tx: Tx,
  measureIds: readonly string[],
  including: boolean,
): Promise<FormulaMeasureRow[]> {
  const result = await sql<FormulaMeasureRow>`
    WITH RECURSIVE reading(id) AS (
      SELECT fi.measure_id FROM measure_formula_inputs fi WHERE fi.input_measure_id = ANY(${measureIds}::bigint[])
      UNION
      SELECT fi.measure_id FROM measure_formula_inputs fi JOIN reading r ON fi.input_measure_id = r.id
    )
    SELECT m.id, m.code, m.formula, m.frequency FROM measures m
    WHERE m.calculation_type = 'formula'
      AND (m.id IN (SELECT id FROM reading) OR (${including} AND m.id = ANY(${measureIds}::bigint[])))
    ORDER BY m.code`.execute(tx);
  return result.rows;
}

export interface InputFigureRow {
  code: string;
  period: string;
  value: string | null;
  status: ValueStatus;
  published_at: Date | null;
  updated_at: Date;
}

/** The headline figures of a formula measure's inputs, for some periods or (null) every period. */
export async function inputFigures(
  tx: Tx,
  formulaMeasureId: string,
  periods: readonly string[] | null,
): Promise<InputFigureRow[]> {
  const result = await sql<InputFigureRow>`
    SELECT m.code, dv.period, dv.value, dv.status, dv.published_at, dv.updated_at
    FROM measure_formula_inputs fi
    JOIN measures m ON m.id = fi.input_measure_id
    JOIN data_values dv ON dv.measure_id = fi.input_measure_id AND dv.breakdown = ''
    WHERE fi.measure_id = ${formulaMeasureId}
      AND (${periods}::text[] IS NULL OR dv.period = ANY(${periods}::text[]))
    ORDER BY dv.period_end, dv.period, m.code`.execute(tx);
  return result.rows;
}

/** The periods a measure already has a calculated headline figure for. */
export async function calculatedPeriods(tx: Tx, measureId: string): Promise<string[]> {
  const result = await sql<{ period: string }>`
    SELECT period FROM data_values
    WHERE measure_id = ${measureId} AND breakdown = '' AND source = 'formula'
    ORDER BY period_end`.execute(tx);
  return result.rows.map((r) => r.period);
}

/** Removes a figure if it is still at `version`; its revisions go with it (the audit log keeps what it was). */
export async function removeValue(tx: Tx, id: string, version: number): Promise<boolean> {
  const result = await sql`DELETE FROM data_values WHERE id = ${id} AND version = ${version}`.execute(tx);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** Which of these measures some formula reads: only their figures need formula measures worked out again. */
export async function measuresReadByFormulas(db: Tx, measureIds: readonly string[]): Promise<Set<string>> {
  if (measureIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('measure_formula_inputs')
    .select('input_measure_id')
    .distinct()
    .where('input_measure_id', 'in', [...new Set(measureIds)])
    .execute();
  return new Set(rows.map((r) => String(r.input_measure_id)));
}
