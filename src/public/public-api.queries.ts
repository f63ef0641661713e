// What the public API reads beside the published figures: the current Council Strategy's priorities and outcomes,
// the public measures' descriptions (their place in the Strategy), and the published reports meant for the public.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { publicMeasureIds } from './public-model.ts';

export interface PriorityRow {
  code: string;
  title: string;
  description: string;
}

export interface OutcomeRow extends PriorityRow {
  priority_code: string;
}

export interface MeasureRow {
  code: string;
  title: string;
  definition: string;
  calculation: string;
  unit: string;
  decimals: number;
  polarity: string;
  frequency: string;
  outcome_codes: string[];
}

export interface PublicReportRow {
  id: string;
  title: string;
  period: string;
  published_at: Date;
}

export interface PublicCatalogue {
  priorities: PriorityRow[];
  outcomes: OutcomeRow[];
  measures: MeasureRow[];
  reports: PublicReportRow[];
}

export async function publicCatalogue(db: Db, councilId: string): Promise<PublicCatalogue> {
  const ids = await publicMeasureIds(db, councilId);
  const [priorities, outcomes, measures, reports] = await Promise.all([
    sql<PriorityRow>`
      SELECT p.code, p.title, p.description FROM priorities p JOIN strategies s ON s.id = p.strategy_id
       WHERE p.council_id = ${councilId} AND s.is_current ORDER BY p.position, p.code`.execute(db),
    sql<OutcomeRow>`
      SELECT o.code, o.title, o.description, p.code AS priority_code
        FROM outcomes o JOIN priorities p ON p.id = o.priority_id JOIN strategies s ON s.id = p.strategy_id
       WHERE o.council_id = ${councilId} AND s.is_current ORDER BY p.position, o.position, o.code`.execute(
      db,
    ),
    sql<MeasureRow>`
      SELECT m.code, m.title, m.definition, m.calculation, m.unit, m.decimals, m.polarity, m.frequency,
        coalesce((SELECT array_agg(o.code ORDER BY o.code) FROM measure_outcomes mo JOIN outcomes o ON o.id = mo.outcome_id
                   WHERE mo.measure_id = m.id), '{}') AS outcome_codes
        FROM measures m WHERE m.id = ANY(${ids}::bigint[]) ORDER BY m.code`.execute(db),
    sql<PublicReportRow>`
      SELECT r.id::text, rs.title, r.period, r.published_at FROM reports r JOIN report_sets rs ON rs.id = r.report_set_id
       WHERE r.council_id = ${councilId} AND rs.audience = 'public' AND r.status = 'published'
       ORDER BY r.published_at DESC, r.id DESC`.execute(db),
  ]);
  return {
    priorities: priorities.rows,
    outcomes: outcomes.rows,
    measures: measures.rows,
    reports: reports.rows,
  };
}
