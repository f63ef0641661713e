// The open data read from the database: every published headline figure of the council's public measures, from the
// published_values view only (a figure still in the workflow is never read), with the period's target.
import { sql } from 'kysely';
import { periodLabel, tryParsePeriod } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import type { OpenDataRow } from './open-data.fields.ts';
import { publicMeasureIds } from './public-model.ts';

interface FigureRow {
  measure_code: string;
  measure_title: string;
  unit: string;
  period: string;
  period_start: string;
  period_end: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  target: string | null;
  published_at: Date | null;
  revised: boolean;
}

/** Published figures of the public measures, by measure code then period, oldest first. */
export async function openDataRows(db: Db, councilId: string): Promise<OpenDataRow[]> {
  const ids = await publicMeasureIds(db, councilId);
  const result = await sql<FigureRow>`
    SELECT m.code AS measure_code, m.title AS measure_title, m.unit, pv.period,
      pv.period_start::text AS period_start, pv.period_end::text AS period_end,
      pv.value::text AS value, pv.numerator::text AS numerator, pv.denominator::text AS denominator,
      t.value::text AS target, pv.published_at, pv.revised
    FROM published_values pv
    JOIN measures m ON m.id = pv.measure_id
    LEFT JOIN targets t ON t.measure_id = pv.measure_id AND t.period = pv.period
    WHERE pv.council_id = ${councilId} AND pv.breakdown = '' AND pv.measure_id = ANY(${ids}::bigint[])
    ORDER BY m.code, pv.period_end, pv.period_start DESC`.execute(db);
  return result.rows.map(presentFigure);
}

function presentFigure(row: FigureRow): OpenDataRow {
  const parsed = tryParsePeriod(row.period);
  return {
    measure_code: row.measure_code,
    measure_title: row.measure_title,
    unit: row.unit,
    period: row.period,
    period_label: parsed ? periodLabel(parsed) : row.period,
    period_start: row.period_start,
    period_end: row.period_end,
    value: numberOrNull(row.value),
    numerator: numberOrNull(row.numerator),
    denominator: numberOrNull(row.denominator),
    target: numberOrNull(row.target),
    published_at: row.published_at?.toISOString() ?? null,
    revised: row.revised,
  };
}

function numberOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}
