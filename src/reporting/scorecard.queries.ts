// The scorecard's SQL: each measure's latest headline figure at or before a period's end, with its target,
// the previous period's figure and last year's, in one statement that walks the data_values_latest index.
import { sql, type RawBuilder } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import type {
  AccumulationColumn,
  FrequencyColumn,
  PolarityColumn,
  SpcRecalculation,
  Unit,
} from '../db/schema.ts';
import { BASELINE_WINDOW_POINTS, WINDOW_POINTS } from './spc-series.ts';

export interface ScorecardRow {
  measure_id: string;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
  accumulation: AccumulationColumn;
  period: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  status: string | null;
  commentary: string | null;
  /** Corrected after publication; the figure published before the correction, and when. */
  revised: boolean | null;
  previous_published_value: string | null;
  previous_published_at: Date | null;
  target: string | null;
  target_low: string | null;
  target_high: string | null;
  tolerance_kind: 'absolute' | 'percent' | null;
  tolerance: string | null;
  previous_value: string | null;
  last_year_value: string | null;
  /** The SPC window: up to 36 judged figures (or all since the baseline began), newest first. */
  series_periods: string[] | null;
  series_starts: string[] | null;
  series_values: (string | null)[] | null;
  baseline_start: string | null;
  baseline_to: string | null;
  baseline_reason: string | null;
  recalculations: SpcRecalculation[] | null;
}

/** A measure is in reach when its lead service or any of its services is; null reach is the whole council. */
export function measureReachCondition(reach: ServiceReach, measureAlias = 'm'): RawBuilder<unknown> {
  if (reach === null) return sql`true`;
  if (reach.size === 0) return sql`false`;
  const ids = [...reach];
  const m = sql.ref(measureAlias);
  return sql`(${m}.lead_service_id = ANY(${ids}::bigint[])
    OR EXISTS (SELECT 1 FROM measure_services ms WHERE ms.measure_id = ${m}.id AND ms.service_id = ANY(${ids}::bigint[])))`;
}

export interface ScorecardQuery {
  councilId: string;
  reach: ServiceReach;
  /** Inclusive ISO date: each measure is judged at its latest period ending on or before it. */
  periodEnd: string;
  measureIds?: string[];
  /** Also read each measure's SPC window and settings (the series_* and baseline columns; null otherwise). */
  withSpc?: boolean;
  /** Which figures are judged: every figure past draft (the council's own pages), or only published ones (reports). */
  figures?: FigureSource;
}

export type FigureSource = 'workflow' | 'published';

/**
 * The figures a scorecard judges, as one relation with the same columns either way. A report reads only the
 * published_values view (migration 010): each figure's latest published revision, so a correction in progress
 * leaves the figure published before it. Simple subqueries, so the planner pulls them up and keeps the index walks.
 */
export function figuresOf(source: FigureSource = 'workflow'): RawBuilder<unknown> {
  return source === 'published'
    ? sql`(SELECT data_value_id AS id, council_id, measure_id, breakdown, period, period_start, period_end, value, numerator,
          denominator, 'published'::text AS status, commentary, revision, revised AS revised_after_publication
        FROM published_values)`
    : sql`(SELECT id, council_id, measure_id, breakdown, period, period_start, period_end, value, numerator, denominator,
          status, commentary, revision, revised_after_publication
        FROM data_values WHERE status <> 'draft')`;
}

const spcColumns = sql`series.periods AS series_periods, series.starts AS series_starts,
  series.values AS series_values, ss.baseline_start::text AS baseline_start, ss.baseline_to, ss.baseline_reason,
  ss.recalculations`;
const noSpcColumns = sql`NULL AS series_periods, NULL AS series_starts, NULL AS series_values,
  NULL AS baseline_start, NULL AS baseline_to, NULL AS baseline_reason, NULL AS recalculations`;

/** The SPC window (see spc-series.ts), walking the same index as the current figure. */
function spcWindow(periodEnd: string, figures: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`LEFT JOIN LATERAL (
      SELECT array_agg(w.period ORDER BY w.period_end DESC, w.period_start ASC) AS periods,
        array_agg(w.period_start::text ORDER BY w.period_end DESC, w.period_start ASC) AS starts,
        array_agg(w.value ORDER BY w.period_end DESC, w.period_start ASC) AS values
      FROM (
        SELECT s.period, s.period_start, s.period_end, s.value FROM ${figures} s
        WHERE s.measure_id = m.id AND s.breakdown = '' AND s.period_end <= ${periodEnd}::date
          AND s.period_start >= coalesce(ss.baseline_start, '-infinity'::date)
        ORDER BY s.period_end DESC, s.period_start ASC
        LIMIT CASE WHEN ss.baseline_start IS NULL THEN ${WINDOW_POINTS}::int ELSE ${BASELINE_WINDOW_POINTS}::int END
      ) w
    ) series ON true`;
}

export async function scorecardRows(db: Db, q: ScorecardQuery): Promise<ScorecardRow[]> {
  const which = q.measureIds ? sql`m.id = ANY(${q.measureIds}::bigint[])` : sql`m.status = 'active'`;
  const figures = figuresOf(q.figures);
  // At an equal end the longer period wins (a quarter over its last month), matching the default-period rule.
  const result = await sql<ScorecardRow>`
    SELECT m.id AS measure_id, m.code, m.title, m.unit, m.decimals, m.polarity, m.frequency, m.accumulation,
      cur.period, cur.value, cur.numerator, cur.denominator, cur.status, cur.commentary,
      cur.revised_after_publication AS revised, pub.value AS previous_published_value,
      pub.published_at AS previous_published_at,
      t.value AS target, t.low AS target_low, t.high AS target_high, t.tolerance_kind, t.tolerance,
      prev.value AS previous_value, ly.value AS last_year_value,
      ${q.withSpc ? spcColumns : noSpcColumns}
    FROM measures m
    ${q.withSpc ? sql`LEFT JOIN measure_spc_settings ss ON ss.measure_id = m.id` : sql``}
    LEFT JOIN LATERAL (
      SELECT dv.id, dv.period, dv.period_start, dv.period_end, dv.value, dv.numerator, dv.denominator, dv.status,
        dv.commentary, dv.revision, dv.revised_after_publication
      FROM ${figures} dv
      WHERE dv.measure_id = m.id AND dv.breakdown = '' AND dv.period_end <= ${q.periodEnd}::date
      ORDER BY dv.period_end DESC, dv.period_start ASC
      LIMIT 1
    ) cur ON true
    -- Only a figure corrected after publication looks for the revision published before it.
    LEFT JOIN LATERAL (
      SELECT r.value, r.published_at FROM data_value_revisions r
      WHERE cur.revised_after_publication AND r.data_value_id = cur.id AND r.status = 'published'
        AND r.revision < cur.revision
      ORDER BY r.revision DESC
      LIMIT 1
    ) pub ON true
    -- A lateral lookup, not a join: the planner would otherwise hash the whole targets table for one row each.
    -- LIMIT 1 (harmless: measure and period are unique) keeps it from flattening the lookup back into that join.
    LEFT JOIN LATERAL (
      SELECT tg.value, tg.low, tg.high, tg.tolerance_kind, tg.tolerance FROM targets tg
      WHERE tg.measure_id = m.id AND tg.period = cur.period
      LIMIT 1
    ) t ON true
    LEFT JOIN LATERAL (
      SELECT p.value FROM ${figures} p
      WHERE p.measure_id = m.id AND p.breakdown = '' AND p.period_end = cur.period_start - 1
      ORDER BY p.period_start DESC
      LIMIT 1
    ) prev ON true
    LEFT JOIN LATERAL (
      SELECT y.value FROM ${figures} y
      WHERE y.measure_id = m.id AND y.breakdown = ''
        AND y.period_end = (cur.period_end + 1 - interval '1 year')::date - 1
        AND y.period_start = (cur.period_start - interval '1 year')::date
      LIMIT 1
    ) ly ON true
    ${q.withSpc ? spcWindow(q.periodEnd, figures) : sql``}
    WHERE m.council_id = ${q.councilId} AND ${which} AND ${measureReachCondition(q.reach)}
    ORDER BY m.code`.execute(db);
  return result.rows;
}

/** The latest period with headline data: the latest end, and at an equal end the longer period. */
export async function latestPeriodKey(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  source: FigureSource = 'workflow',
): Promise<string | null> {
  const result = await sql<{ period: string }>`
    SELECT dv.period FROM ${figuresOf(source)} dv JOIN measures m ON m.id = dv.measure_id
    WHERE dv.council_id = ${councilId} AND dv.breakdown = ''
      AND m.status = 'active' AND ${measureReachCondition(reach)}
    ORDER BY dv.period_end DESC, dv.period_start ASC
    LIMIT 1`.execute(db);
  return result.rows[0]?.period ?? null;
}

/** The council's scorecard generation: it moves (by trigger, see migration 002) whenever anything judged changes. */
export async function scorecardGeneration(db: Db, councilId: string): Promise<string> {
  const result = await sql<{ generation: string }>`
    SELECT generation FROM scorecard_generations WHERE council_id = ${councilId}`.execute(db);
  return String(result.rows[0]?.generation ?? '0');
}
