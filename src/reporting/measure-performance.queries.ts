// SQL for one measure's performance history: every headline figure with the target for its period.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AccumulationColumn, FrequencyColumn, PolarityColumn, Unit, ValueStatus } from '../db/schema.ts';

export interface PerformanceMeasureRow {
  id: string;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
  accumulation: AccumulationColumn;
}

export interface HistoryRow {
  period: string;
  period_start: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  status: ValueStatus;
  commentary: string;
  revision: number;
  revised_after_publication: boolean;
  /** The figure published before a correction after publication, and when. */
  previous_published_value: string | null;
  previous_published_at: Date | null;
  target: string | null;
  target_low: string | null;
  target_high: string | null;
  tolerance_kind: 'absolute' | 'percent' | null;
  tolerance: string | null;
}

export async function findPerformanceMeasure(
  db: Db,
  councilId: string,
  measureId: string,
): Promise<PerformanceMeasureRow | undefined> {
  return db
    .selectFrom('measures')
    .select(['id', 'code', 'title', 'unit', 'decimals', 'polarity', 'frequency', 'accumulation'])
    .where('council_id', '=', councilId)
    .where('id', '=', measureId)
    .executeTakeFirst();
}

/** Newest first; at an equal end the longer period first, as on the scorecard. */
export async function measureHistory(db: Db, councilId: string, measureId: string): Promise<HistoryRow[]> {
  const result = await sql<HistoryRow>`
    SELECT dv.period, dv.period_start::text AS period_start, dv.value, dv.numerator, dv.denominator, dv.status, dv.commentary, dv.revision,
      dv.revised_after_publication, pub.value AS previous_published_value, pub.published_at AS previous_published_at,
      t.value AS target, t.low AS target_low, t.high AS target_high, t.tolerance_kind, t.tolerance
    FROM data_values dv
    LEFT JOIN targets t ON t.measure_id = dv.measure_id AND t.period = dv.period
    LEFT JOIN LATERAL (
      SELECT r.value, r.published_at FROM data_value_revisions r
      WHERE dv.revised_after_publication AND r.data_value_id = dv.id AND r.status = 'published'
        AND r.revision < dv.revision
      ORDER BY r.revision DESC
      LIMIT 1
    ) pub ON true
    WHERE dv.measure_id = ${measureId} AND dv.council_id = ${councilId} AND dv.breakdown = ''
    ORDER BY dv.period_end DESC, dv.period_start ASC`.execute(db);
  return result.rows;
}
