// SQL for a data owner's return: for each figure due in the round, what the form needs beside it — the measure's
// shape, the performance team's guidance, the figure before it and the figure stored so far — in one statement.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { CalculationType, Unit, ValueStatus } from '../../db/schema.ts';

export interface ReturnItemRow {
  measure_id: string;
  code: string;
  title: string;
  period: string;
  /** '' for the headline; 'provider:CODE' for one provider's figure. */
  breakdown: string;
  provider_name: string | null;
  unit: Unit;
  decimals: number;
  calculation_type: CalculationType;
  numerator_label: string | null;
  denominator_label: string | null;
  calculation: string;
  data_source: string;
  common_mistakes: string;
  previous_period: string | null;
  previous_value: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string | null;
  status: ValueStatus | null;
  version: number | null;
  quality_flags: string[] | null;
  /** Why the figure was sent back, when its latest step was a return (see approvals/). */
  returned_comment: string | null;
  returned_by: string | null;
}

export interface DueFigure {
  measureId: string;
  period: string;
  periodStart: string;
  breakdown: string;
}

export async function returnItems(db: Db, councilId: string, due: DueFigure[]): Promise<ReturnItemRow[]> {
  if (due.length === 0) return [];
  const result = await sql<ReturnItemRow>`
    WITH due AS (
      SELECT * FROM unnest(${due.map((d) => d.measureId)}::bigint[], ${due.map((d) => d.period)}::text[],
        ${due.map((d) => d.periodStart)}::date[], ${due.map((d) => d.breakdown)}::text[])
        WITH ORDINALITY AS d(measure_id, period, period_start, breakdown, n)
    )
    SELECT m.id AS measure_id, m.code, m.title, due.period, due.breakdown,
      (SELECT p.name FROM providers p WHERE p.council_id = m.council_id AND 'provider:' || p.code = due.breakdown)
        AS provider_name,
      m.unit, m.decimals, m.calculation_type,
      m.numerator_label, m.denominator_label, m.calculation, m.data_source, m.common_mistakes,
      prev.period AS previous_period, prev.value AS previous_value,
      dv.value, dv.numerator, dv.denominator, dv.commentary, dv.status, dv.version, dv.quality_flags,
      CASE WHEN last_step.action = 'value.return' THEN last_step.comment END AS returned_comment,
      CASE WHEN last_step.action = 'value.return' THEN last_step.by END AS returned_by
    FROM due
    JOIN measures m ON m.id = due.measure_id AND m.council_id = ${councilId}
    LEFT JOIN data_values dv ON dv.measure_id = m.id AND dv.period = due.period AND dv.breakdown = due.breakdown
    LEFT JOIN LATERAL (
      SELECT p.period, p.value FROM data_values p
      WHERE p.measure_id = m.id AND p.breakdown = due.breakdown AND p.period_end < due.period_start
      ORDER BY p.period_end DESC LIMIT 1
    ) prev ON true
    LEFT JOIN LATERAL (
      SELECT a.action, a.after->>'comment' AS comment, u.display_name AS by
      FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.entity = 'data_value' AND a.entity_id = dv.id::text
      ORDER BY a.at DESC, a.id DESC LIMIT 1
    ) last_step ON dv.status = 'draft'
    ORDER BY due.n`.execute(db);
  return result.rows;
}

/**
 * The providers' own figures due this round: for a provider login, its own of the measures asked of it; for anyone
 * else, every provider's figure of the measures they owe.
 */
export async function dueProviderFigures(
  db: Db,
  q: {
    councilId: string;
    due: { frequency: string; period: string }[];
    providerIds: string[] | null;
    measureIds: string[] | null;
  },
): Promise<{ measure_id: string; code: string; period: string; breakdown: string }[]> {
  if (q.due.length === 0) return [];
  const result = await sql<{ measure_id: string; code: string; period: string; breakdown: string }>`
    WITH due AS (
      SELECT * FROM unnest(${q.due.map((d) => d.frequency)}::text[], ${q.due.map((d) => d.period)}::text[])
        AS d(frequency, period)
    )
    SELECT m.id AS measure_id, m.code, due.period, 'provider:' || p.code AS breakdown
    FROM provider_measures pm
    JOIN providers p ON p.id = pm.provider_id
    JOIN measures m ON m.id = pm.measure_id AND m.status = 'active'
    JOIN due ON due.frequency = m.frequency
    WHERE pm.council_id = ${q.councilId}
      AND (${q.providerIds}::bigint[] IS NULL OR p.id = ANY(${q.providerIds}::bigint[]))
      AND (${q.measureIds}::bigint[] IS NULL OR m.id = ANY(${q.measureIds}::bigint[]))
    ORDER BY m.code, due.period, p.name`.execute(db);
  return result.rows;
}
