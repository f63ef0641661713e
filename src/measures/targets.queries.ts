// Targets' SQL: the targets of a measure for a set of periods, and writes that only succeed against the
// version the writer read (or, for a new period, only if nobody has set it meanwhile).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface TargetRowView {
  id: string;
  period: string;
  period_start: string;
  period_end: string;
  value: string | null;
  low: string | null;
  high: string | null;
  tolerance_kind: 'absolute' | 'percent' | null;
  tolerance: string | null;
  source: 'set' | 'profile';
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

function selectTargets(db: Db) {
  return db
    .selectFrom('targets as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .select([
      't.id',
      't.period',
      sql<string>`t.period_start::text`.as('period_start'),
      sql<string>`t.period_end::text`.as('period_end'),
      't.value',
      't.low',
      't.high',
      't.tolerance_kind',
      't.tolerance',
      't.source',
      't.version',
      't.updated_at',
      'u.display_name as updated_by_name',
    ]);
}

export function targetsForPeriods(db: Db, measureId: string, periods: string[]): Promise<TargetRowView[]> {
  if (periods.length === 0) return Promise.resolve([]);
  return selectTargets(db)
    .where('t.measure_id', '=', measureId)
    .where('t.period', 'in', periods)
    .orderBy('t.period_start')
    .execute();
}

/** The targets around today: periods that ended in the last six months, and the next few to come. */
export function recentTargets(db: Db, measureId: string, limit = 12): Promise<TargetRowView[]> {
  return selectTargets(db)
    .where('t.measure_id', '=', measureId)
    .where(sql<boolean>`t.period_end >= current_date - interval '6 months'`)
    .orderBy('t.period_start')
    .orderBy('t.period_end')
    .limit(limit)
    .execute();
}

export interface TargetWrite {
  councilId: string;
  measureId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  low: number | null;
  high: number | null;
  toleranceKind: 'absolute' | 'percent' | null;
  tolerance: number | null;
  source: 'set' | 'profile';
  userId: string;
}

/**
 * Writes the target if the stored one is still at `expectedVersion` (null: if none is stored yet). Returns the
 * new row's id and version, or undefined when someone else wrote first.
 */
export async function writeTarget(
  db: Db,
  t: TargetWrite,
  expectedVersion: number | null,
): Promise<{ id: string; version: number } | undefined> {
  const values = {
    value: t.value,
    low: t.low,
    high: t.high,
    tolerance_kind: t.toleranceKind,
    tolerance: t.tolerance,
    source: t.source,
    updated_at: sql<Date>`now()`,
    updated_by: t.userId,
  };
  if (expectedVersion === null) {
    return db
      .insertInto('targets')
      .values({
        council_id: t.councilId,
        measure_id: t.measureId,
        period: t.period,
        period_start: t.periodStart,
        period_end: t.periodEnd,
        version: 1,
        ...values,
      })
      .onConflict((oc) => oc.columns(['measure_id', 'period']).doNothing())
      .returning(['id', 'version'])
      .executeTakeFirst();
  }
  return db
    .updateTable('targets')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('measure_id', '=', t.measureId)
    .where('period', '=', t.period)
    .where('version', '=', expectedVersion)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export function targetsOfMeasure(db: Db, measureId: string): Promise<TargetRowView[]> {
  return selectTargets(db)
    .where('t.measure_id', '=', measureId)
    .orderBy('t.period_start')
    .orderBy('t.period_end')
    .execute();
}
