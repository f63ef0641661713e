// SQL for building a report: the set as a report reads it (its audience's names and its measures in order), each
// measure's place (service, outcome, portfolio) and SPC settings, its published figures with their targets, and the
// last published report of the set (what "revised since the last report" compares against).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ReportAudience, ReportGrouping, SignOffStatus } from '../../db/schema.ts';
import type { SpcRecalculation } from '../../db/schema.ts';

export interface SetOfReport {
  id: string;
  name: string;
  title: string;
  audience: ReportAudience;
  grouping: ReportGrouping;
  year: string;
  sign_off: SignOffStatus | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  portfolio_title: string | null;
  cabinet_member_name: string | null;
  committee_title: string | null;
  recipients: string[];
  council_name: string;
  measure_ids: string[];
}

export async function setOfReport(db: Db, councilId: string, name: string): Promise<SetOfReport | undefined> {
  const result = await sql<SetOfReport>`
    SELECT rs.id, rs.name, rs.title, rs.audience, rs.grouping, rs.year, rs.sign_off, rs.decided_at,
      du.display_name AS decided_by_name, p.title AS portfolio_title, p.cabinet_member_name,
      c.title AS committee_title, rs.recipients, co.name AS council_name,
      ARRAY(SELECT rsm.measure_id::text FROM report_set_measures rsm JOIN measures m ON m.id = rsm.measure_id
            WHERE rsm.report_set_id = rs.id ORDER BY rsm.position, m.code) AS measure_ids
    FROM report_sets rs
    JOIN councils co ON co.id = rs.council_id
    LEFT JOIN users du ON du.id = rs.decided_by
    LEFT JOIN portfolios p ON p.id = rs.portfolio_id
    LEFT JOIN committees c ON c.id = rs.committee_id
    WHERE rs.council_id = ${councilId} AND rs.name = ${name}`.execute(db);
  return result.rows[0];
}

export interface MeasurePlace {
  measure_id: string;
  service_name: string | null;
  priority_title: string | null;
  outcome_title: string | null;
  /** Sorts groups by the strategy's own order. */
  outcome_rank: number | null;
  portfolio_title: string | null;
  baseline_start: string | null;
  baseline_to: string | null;
  baseline_reason: string | null;
  recalculations: SpcRecalculation[] | null;
}

/** Each measure's lead service, first strategy outcome (in the current strategy's order), portfolio and SPC settings. */
export async function placesOfMeasures(
  db: Db,
  councilId: string,
  measureIds: string[],
): Promise<MeasurePlace[]> {
  if (measureIds.length === 0) return [];
  const result = await sql<MeasurePlace>`
    SELECT m.id AS measure_id, s.name AS service_name, o.priority_title, o.outcome_title, o.outcome_rank,
      pf.title AS portfolio_title, ss.baseline_start::text AS baseline_start, ss.baseline_to, ss.baseline_reason,
      ss.recalculations
    FROM measures m
    LEFT JOIN services s ON s.id = m.lead_service_id
    LEFT JOIN LATERAL (
      SELECT p.title AS priority_title, oc.title AS outcome_title,
        (p.position * 1000 + oc.position)::int AS outcome_rank
      FROM measure_outcomes mo JOIN outcomes oc ON oc.id = mo.outcome_id JOIN priorities p ON p.id = oc.priority_id
      JOIN strategies st ON st.id = p.strategy_id AND st.is_current
      WHERE mo.measure_id = m.id
      ORDER BY p.position, p.code, oc.position, oc.code
      LIMIT 1
    ) o ON true
    LEFT JOIN LATERAL (
      SELECT pf.title FROM portfolio_services ps JOIN portfolios pf ON pf.id = ps.portfolio_id
      WHERE ps.service_id = m.lead_service_id ORDER BY pf.code LIMIT 1
    ) pf ON true
    LEFT JOIN measure_spc_settings ss ON ss.measure_id = m.id
    WHERE m.council_id = ${councilId} AND m.id = ANY(${measureIds}::bigint[])`.execute(db);
  return result.rows;
}

export interface PublishedPoint {
  measure_id: string;
  period: string;
  period_start: string;
  value: string | null;
  target: string | null;
}

/**
 * Each measure's latest published headline figures up to a date, newest first, at most `limit` each (enough for an
 * SPC window from a baseline), with the target of each figure's period. One windowed query for every measure.
 */
export async function publishedPoints(
  db: Db,
  measureIds: string[],
  periodEnd: string,
  limit: number,
): Promise<PublishedPoint[]> {
  if (measureIds.length === 0) return [];
  const result = await sql<PublishedPoint>`
    SELECT w.measure_id, w.period, w.period_start::text AS period_start, w.value, t.value AS target
    FROM (
      SELECT pv.measure_id, pv.period, pv.period_start, pv.period_end, pv.value,
        row_number() OVER (PARTITION BY pv.measure_id ORDER BY pv.period_end DESC, pv.period_start ASC) AS n
      FROM published_values pv
      WHERE pv.measure_id = ANY(${measureIds}::bigint[]) AND pv.breakdown = '' AND pv.period_end <= ${periodEnd}::date
    ) w
    LEFT JOIN targets t ON t.measure_id = w.measure_id AND t.period = w.period
    WHERE w.n <= ${limit}
    ORDER BY w.measure_id, w.period_end DESC, w.period_start ASC`.execute(db);
  return result.rows;
}

/** The latest published report of a set other than the one for `period`: what this one is compared with. */
export async function lastPublishedReport(
  db: Db,
  setId: string,
  period: string,
): Promise<{ period: string; published_at: Date; content: unknown } | undefined> {
  return db
    .selectFrom('reports')
    .select(['period', 'published_at', 'content'])
    .where('report_set_id', '=', setId)
    .where('status', '=', 'published')
    .where('period', '<>', period)
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst() as Promise<{ period: string; published_at: Date; content: unknown } | undefined>;
}

/** The council's report sets, for the "generate a report" choice. */
export function setsToGenerate(db: Db, councilId: string): Promise<{ name: string; title: string }[]> {
  return db
    .selectFrom('report_sets')
    .select(['name', 'title'])
    .where('council_id', '=', councilId)
    .orderBy('audience')
    .orderBy('name')
    .execute();
}
