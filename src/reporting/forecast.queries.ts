// The year-end forecast's SQL: for each year-to-date measure, its latest headline figure up to a date, the figure
// for the first period of that figure's year, the target now, the year-end target and whether they were profiled.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CalculationType, PolarityColumn, Unit } from '../db/schema.ts';

export interface ForecastRow {
  measure_id: string;
  unit: Unit;
  calculation_type: CalculationType;
  polarity: PolarityColumn;
  period: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  first_denominator: string | null;
  target_now: string | null;
  year_end_target: string | null;
  year_end_low: string | null;
  year_end_high: string | null;
  /** Both the target now and the year-end target came from profiling an annual target. */
  profiled: boolean;
}

export interface ForecastQuery {
  councilId: string;
  measureIds: readonly string[];
  /** Inclusive ISO date: each measure's latest figure ending on or before it. */
  periodEnd: string;
}

export async function forecastRows(db: Db, q: ForecastQuery): Promise<ForecastRow[]> {
  // The year ends on 31 March after the figure's period starts (an academic year is its own year), and starts
  // the 1 April before; the first figure of the year is the one starting that day. At an equal end the
  // longer period wins, as on the scorecard; the year-end target is the shortest period closing the year, so
  // March's target serves a monthly measure even when an annual target is stored beside it.
  const result = await sql<ForecastRow>`
    SELECT m.id AS measure_id, m.unit, m.calculation_type, m.polarity,
      cur.period, cur.value, cur.numerator, cur.denominator,
      fst.denominator AS first_denominator,
      tn.value AS target_now,
      te.value AS year_end_target, te.low AS year_end_low, te.high AS year_end_high,
      coalesce(tn.source = 'profile' AND te.source = 'profile', false) AS profiled
    FROM measures m
    JOIN LATERAL (
      SELECT dv.period, dv.period_start, dv.period_end, dv.value, dv.numerator, dv.denominator
      FROM data_values dv
      WHERE dv.measure_id = m.id AND dv.breakdown = '' AND dv.status <> 'draft'
        AND dv.period_end <= ${q.periodEnd}::date AND dv.value IS NOT NULL
      ORDER BY dv.period_end DESC, dv.period_start ASC
      LIMIT 1
    ) cur ON true
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN m.frequency = 'academic_year' THEN cur.period_start
          ELSE make_date(extract(year FROM cur.period_start - interval '3 months')::int, 4, 1) END AS starts,
        CASE WHEN m.frequency = 'academic_year' THEN cur.period_end
          ELSE make_date(extract(year FROM cur.period_start - interval '3 months')::int + 1, 3, 31) END AS ends
    ) yr
    LEFT JOIN LATERAL (
      SELECT f.denominator FROM data_values f
      WHERE f.measure_id = m.id AND f.breakdown = '' AND f.status <> 'draft' AND f.period_start = yr.starts
      ORDER BY f.period_end ASC
      LIMIT 1
    ) fst ON true
    LEFT JOIN LATERAL (
      SELECT t.value, t.source FROM targets t WHERE t.measure_id = m.id AND t.period = cur.period
      LIMIT 1
    ) tn ON true
    LEFT JOIN LATERAL (
      SELECT t.value, t.low, t.high, t.source FROM targets t
      WHERE t.measure_id = m.id AND t.period_end = yr.ends
      ORDER BY t.period_start DESC
      LIMIT 1
    ) te ON true
    WHERE m.council_id = ${q.councilId} AND m.id = ANY(${[...q.measureIds]}::bigint[])
      AND m.accumulation = 'year_to_date'`.execute(db);
  return result.rows;
}
