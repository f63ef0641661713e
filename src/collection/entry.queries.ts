// SQL for data entry pages: the measures a user may write with each one's latest figure, and the context shown
// beside the entry form (the target for the period and the figure before it).
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import type { FrequencyColumn, Unit, ValueStatus } from '../db/schema.ts';
import { measureReachCondition } from '../reporting/scorecard.queries.ts';

export interface WritableMeasureRow {
  id: string;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  frequency: FrequencyColumn;
  latest_period: string | null;
  latest_value: string | null;
  latest_status: ValueStatus | null;
  /** A provider's own figures: the provider, else null for the headline. */
  provider_code?: string | null;
  provider_name?: string | null;
}

/** Active measures in reach that people enter (not calculated by formula), each with its latest headline figure. */
export async function writableMeasures(
  db: Db,
  councilId: string,
  reach: ServiceReach,
): Promise<WritableMeasureRow[]> {
  const result = await sql<WritableMeasureRow>`
    SELECT m.id, m.code, m.title, m.unit, m.decimals, m.frequency,
      latest.period AS latest_period, latest.value AS latest_value, latest.status AS latest_status
    FROM measures m
    LEFT JOIN LATERAL (
      SELECT dv.period, dv.value, dv.status FROM data_values dv
      WHERE dv.measure_id = m.id AND dv.breakdown = ''
      ORDER BY dv.period_end DESC, dv.period_start ASC LIMIT 1
    ) latest ON true
    WHERE m.council_id = ${councilId} AND m.status = 'active' AND m.calculation_type <> 'formula'
      AND ${measureReachCondition(reach)}
    ORDER BY m.code`.execute(db);
  return result.rows;
}

/** The measures asked of these providers, each with the provider's own latest figure. */
export async function providerMeasures(
  db: Db,
  councilId: string,
  providerIds: string[],
): Promise<WritableMeasureRow[]> {
  if (providerIds.length === 0) return [];
  const result = await sql<WritableMeasureRow>`
    SELECT m.id, m.code, m.title, m.unit, m.decimals, m.frequency, p.code AS provider_code, p.name AS provider_name,
      latest.period AS latest_period, latest.value AS latest_value, latest.status AS latest_status
    FROM provider_measures pm JOIN providers p ON p.id = pm.provider_id JOIN measures m ON m.id = pm.measure_id
    LEFT JOIN LATERAL (
      SELECT dv.period, dv.value, dv.status FROM data_values dv
      WHERE dv.measure_id = m.id AND dv.breakdown = 'provider:' || p.code
      ORDER BY dv.period_end DESC, dv.period_start ASC LIMIT 1
    ) latest ON true
    WHERE pm.council_id = ${councilId} AND pm.provider_id = ANY(${providerIds}::bigint[]) AND m.status = 'active'
      AND m.calculation_type <> 'formula'
    ORDER BY p.name, m.code`.execute(db);
  return result.rows;
}

export interface EntryContextRow {
  target: string | null;
  target_low: string | null;
  target_high: string | null;
  previous_period: string | null;
  previous_value: string | null;
  calculation: string;
  data_source: string;
  common_mistakes: string;
}

/**
 * The target for the period, the latest figure before it, and the performance team's guidance (how it is
 * calculated, where the figures come from, the common mistakes), to help the person entering spot a slip.
 */
export async function entryContext(
  db: Db,
  measureId: string,
  period: string,
  periodStart: string,
  breakdown = '',
): Promise<EntryContextRow> {
  const result = await sql<EntryContextRow>`
    SELECT t.value AS target, t.low AS target_low, t.high AS target_high,
      prev.period AS previous_period, prev.value AS previous_value,
      m.calculation, m.data_source, m.common_mistakes
    FROM measures m
    LEFT JOIN targets t ON t.measure_id = m.id AND t.period = ${period}
    LEFT JOIN LATERAL (
      SELECT dv.period, dv.value FROM data_values dv
      WHERE dv.measure_id = ${measureId} AND dv.breakdown = ${breakdown} AND dv.period_end < ${periodStart}::date
      ORDER BY dv.period_end DESC LIMIT 1
    ) prev ON true
    WHERE m.id = ${measureId}`.execute(db);
  return (
    result.rows[0] ?? {
      target: null,
      target_low: null,
      target_high: null,
      previous_period: null,
      previous_value: null,
      calculation: '',
      data_source: '',
      common_mistakes: '',
    }
  );
}
