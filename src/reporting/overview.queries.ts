// SQL for the performance overview: periods to choose from, the filter options, the services a filter covers,
// each measure's outcomes, and the last twelve figures of every measure on the page in one windowed query.
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { measureReachCondition } from './scorecard.queries.ts';

export interface Option {
  code: string;
  title: string;
}

/**
 * Recent periods with headline figures, newest first (the longer period first at an equal end). Each measure's own
 * newest `limit` periods are read from the headline index and merged: any period among the council's newest
 * `limit` is among the newest `limit` of every measure that has it, so nothing is missed, and the page no longer
 * groups every figure the council holds (10 ms a view under load).
 */
export async function recentPeriods(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  limit: number,
): Promise<string[]> {
  const result = await sql<{ period: string }>`
    SELECT recent.period FROM measures m
    CROSS JOIN LATERAL (
      SELECT dv.period, dv.period_end, dv.period_start FROM data_values dv
      WHERE dv.measure_id = m.id AND dv.breakdown = '' AND dv.status <> 'draft'
      ORDER BY dv.period_end DESC, dv.period_start ASC
      LIMIT ${limit}) recent
    WHERE m.council_id = ${councilId} AND m.status = 'active' AND ${measureReachCondition(reach)}
    GROUP BY recent.period, recent.period_end, recent.period_start
    ORDER BY recent.period_end DESC, recent.period_start ASC
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.period);
}

/** The directorates, portfolios and committees to filter by, in one round trip (the overview is the busiest page). */
export async function filterOptions(
  db: Db,
  councilId: string,
): Promise<{ directorates: Option[]; portfolios: Option[]; committees: Option[] }> {
  const result = await sql<{ directorates: Option[]; portfolios: Option[]; committees: Option[] }>`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('code', code, 'title', name) ORDER BY name)
        FROM directorates WHERE council_id = ${councilId}), '[]') AS directorates,
      COALESCE((SELECT json_agg(json_build_object('code', code, 'title', title) ORDER BY title)
        FROM portfolios WHERE council_id = ${councilId}), '[]') AS portfolios,
      COALESCE((SELECT json_agg(json_build_object('code', code, 'title', title) ORDER BY title)
        FROM committees WHERE council_id = ${councilId}), '[]') AS committees`.execute(db);
  const row = result.rows[0];
  return row ?? { directorates: [], portfolios: [], committees: [] };
}

export type FilterKind = 'directorate' | 'portfolio' | 'committee';

/** The services a directorate, portfolio or committee covers; null when no such code exists in the council. */
export async function servicesOf(
  db: Db,
  councilId: string,
  kind: FilterKind,
  code: string,
): Promise<Set<string> | null> {
  const found =
    kind === 'directorate'
      ? await sql<{ id: string; service_id: string | null }>`
          SELECT d.id, s.id AS service_id FROM directorates d LEFT JOIN services s ON s.directorate_id = d.id
          WHERE d.council_id = ${councilId} AND d.code = ${code}`.execute(db)
      : kind === 'portfolio'
        ? await sql<{ id: string; service_id: string | null }>`
          SELECT p.id, ps.service_id FROM portfolios p LEFT JOIN portfolio_services ps ON ps.portfolio_id = p.id
          WHERE p.council_id = ${councilId} AND p.code = ${code}`.execute(db)
        : await sql<{ id: string; service_id: string | null }>`
          SELECT c.id, cs.service_id FROM committees c LEFT JOIN committee_services cs ON cs.committee_id = c.id
          WHERE c.council_id = ${councilId} AND c.code = ${code}`.execute(db);
  if (found.rows.length === 0) return null;
  return new Set(found.rows.flatMap((r) => (r.service_id == null ? [] : [String(r.service_id)])));
}

export interface MeasureOutcomeRow {
  measure_id: string;
  outcome_code: string;
  outcome_title: string;
  outcome_position: number;
  priority_code: string;
  priority_title: string;
  priority_position: number;
}

/** Outcomes of the council's current strategy that the measures answer to. */
export async function outcomesOfMeasures(
  db: Db,
  councilId: string,
  measureIds: string[],
): Promise<MeasureOutcomeRow[]> {
  if (measureIds.length === 0) return [];
  const result = await sql<MeasureOutcomeRow>`
    SELECT mo.measure_id, o.code AS outcome_code, o.title AS outcome_title, o.position AS outcome_position,
      p.code AS priority_code, p.title AS priority_title, p.position AS priority_position
    FROM measure_outcomes mo
    JOIN outcomes o ON o.id = mo.outcome_id
    JOIN priorities p ON p.id = o.priority_id
    JOIN strategies s ON s.id = p.strategy_id AND s.is_current
    WHERE o.council_id = ${councilId} AND mo.measure_id = ANY(${measureIds}::bigint[])
    ORDER BY p.position, p.code, o.position, o.code`.execute(db);
  return result.rows;
}

/** The last `count` headline figures of each measure up to a date, oldest first, in one windowed query. */
export async function recentValues(
  db: Db,
  measureIds: string[],
  periodEnd: string,
  count: number,
): Promise<Map<string, (number | null)[]>> {
  if (measureIds.length === 0) return new Map();
  const result = await sql<{ measure_id: string; values: (string | null)[] }>`
    SELECT measure_id, array_agg(value ORDER BY period_end, period_start DESC) AS values
    FROM (
      SELECT dv.measure_id, dv.value, dv.period_end, dv.period_start,
        row_number() OVER (PARTITION BY dv.measure_id ORDER BY dv.period_end DESC, dv.period_start ASC) AS n
      FROM data_values dv
      WHERE dv.measure_id = ANY(${measureIds}::bigint[]) AND dv.breakdown = '' AND dv.status <> 'draft'
        AND dv.period_end <= ${periodEnd}::date
    ) recent
    WHERE n <= ${count}
    GROUP BY measure_id`.execute(db);
  return new Map(
    result.rows.map((r) => [String(r.measure_id), r.values.map((v) => (v == null ? null : Number(v)))]),
  );
}
