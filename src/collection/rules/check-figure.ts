// Runs a measure's validation rules on one candidate figure: reads the rules, the previous period's figure, the
// measure's own history and the other measures a cross-measure rule names, then checks them. The one entry point
// for every way a figure arrives — the form, PUT /api/v1/values and uploads (once per row).
import { sql } from 'kysely';
import {
  checkRules,
  parseFormula,
  periodKey,
  periodLabel,
  periodStart,
  previousPeriod,
  type Period,
  type RuleResult,
  type Unit,
} from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import type { CalculationType } from '../../db/schema.ts';
import type { Tx } from '../values.queries.ts';
import { ruleFromRow } from './rules.present.ts';
import { rulesOf } from './rules.queries.ts';

/** How far back the outlier rule looks: five years of monthly figures. */
const HISTORY_LIMIT = 60;

export interface RuleMeasure {
  id: string;
  code: string;
  unit: Unit;
  decimals: number;
  calculation_type: CalculationType;
}

export interface CandidateFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export async function checkFigure(
  db: Db | Tx,
  measure: RuleMeasure,
  period: Period,
  figure: CandidateFigure,
  /** A provider's figure is checked against its own history, not the council's headline. */
  breakdown = '',
): Promise<RuleResult> {
  const rows = await rulesOf(db, measure.id);
  if (rows.length === 0) return { findings: [], skipped: [] };
  const rules = rows.map(ruleFromRow);
  const previous = previousPeriod(period);
  const history = await sql<{ period: string; value: string }>`
    SELECT dv.period, dv.value FROM data_values dv
    WHERE dv.measure_id = ${measure.id} AND dv.breakdown = ${breakdown} AND dv.value IS NOT NULL
      AND dv.period_end < ${periodStart(period)}::date
    ORDER BY dv.period_end DESC LIMIT ${HISTORY_LIMIT}`.execute(db);
  const before = history.rows.find((r) => r.period === periodKey(previous));
  const codes = [
    ...new Set(rules.flatMap((r) => (r.kind === 'cross_measure' ? inputsOf(r.expression) : []))),
  ].filter((code) => code !== measure.code);
  return checkRules(rules, {
    measure: {
      code: measure.code,
      unit: measure.unit,
      decimals: measure.decimals,
      ratio: measure.calculation_type === 'ratio',
    },
    figure,
    previous: before ? { value: Number(before.value), label: periodLabel(previous) } : null,
    history: history.rows.map((r) => Number(r.value)),
    others: codes.length ? await figuresOf(db, measure.id, codes, periodKey(period), breakdown) : {},
  });
}

function inputsOf(expression: string): readonly string[] {
  try {
    return parseFormula(expression).inputs;
  } catch {
    // checkRules says why a rule that no longer reads was skipped.
    return [];
  }
}

/** The same breakdown's figures of the measures with these codes, in the same council and period. */
async function figuresOf(
  db: Db | Tx,
  measureId: string,
  codes: readonly string[],
  period: string,
  breakdown: string,
): Promise<Record<string, number | null>> {
  const result = await sql<{ code: string; value: string | null }>`
    SELECT m.code, dv.value FROM measures m
    JOIN measures own ON own.id = ${measureId} AND own.council_id = m.council_id
    LEFT JOIN data_values dv ON dv.measure_id = m.id AND dv.period = ${period} AND dv.breakdown = ${breakdown}
    WHERE m.code = ANY(${[...codes]}::text[])`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.code, r.value === null ? null : Number(r.value)]));
}
