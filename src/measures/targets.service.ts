// Targets' use cases: the targets around today, setting one period's target, and profiling an annual target
// across its months or quarters. Each write checks the version the writer read and is audited.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import {
  childPeriods,
  nextPeriod,
  periodContaining,
  periodEnd,
  periodKey,
  periodKindForFrequency,
  periodLabel,
  periodsBetween,
  periodStart,
  previousPeriod,
  tryParsePeriod,
  type Period,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, ValidationError } from '../web/errors.ts';
import { formatDateTime } from '../web/filters.ts';
import { recordAudit } from './measure-writes.queries.ts';
import { getMeasure, type MeasureWithId } from './measures.service.ts';
import { type TargetRowView, targetsForPeriods, targetsOfMeasure, writeTarget } from './targets.queries.ts';
import {
  type CheckedTarget,
  periodOrThrow,
  type TargetInput,
  todayIso,
  validateTarget,
} from './targets.validation.ts';

export interface TargetOut {
  period: string;
  label: string;
  start: string;
  end: string;
  value: number | null;
  low: number | null;
  high: number | null;
  tolerance: { kind: 'absolute' | 'percent'; amount: number } | null;
  source: 'set' | 'profile';
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

function numberOrNull(value: string | null): number | null {
  return value == null ? null : Number(value);
}

export function labelOf(key: string): string {
  const period = tryParsePeriod(key);
  return period ? periodLabel(period) : key;
}

export function presentTarget(row: TargetRowView): TargetOut {
  const amount = numberOrNull(row.tolerance);
  return {
    period: row.period,
    label: labelOf(row.period),
    start: row.period_start,
    end: row.period_end,
    value: numberOrNull(row.value),
    low: numberOrNull(row.low),
    high: numberOrNull(row.high),
    tolerance: row.tolerance_kind && amount != null ? { kind: row.tolerance_kind, amount } : null,
    source: row.source,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by_name,
  };
}

/** Monthly and quarterly measures: last, this and next financial year. Yearly ones: three back, two ahead. */
export function targetWindow(frequency: MeasureWithId['frequency'], today = todayIso()): Period[] {
  if (frequency === 'monthly' || frequency === 'quarterly') {
    const year = periodContaining('financial_year', today);
    const kind = periodKindForFrequency(frequency);
    return [previousPeriod(year), year, nextPeriod(year)].flatMap((fy) => childPeriods(fy, kind));
  }
  const current = periodContaining(periodKindForFrequency(frequency), today);
  return periodsBetween(
    previousPeriod(previousPeriod(previousPeriod(current))),
    nextPeriod(nextPeriod(current)),
  );
}

export interface TargetSlot {
  period: string;
  label: string;
  target: TargetOut | null;
}

/** Each period with its target, if one is set. */
export async function targetSlots(db: Db, measureId: string, periods: Period[]): Promise<TargetSlot[]> {
  const keys = periods.map(periodKey);
  const stored = new Map(
    (await targetsForPeriods(db, measureId, keys)).map((row) => [row.period, presentTarget(row)]),
  );
  return periods.map((p) => ({
    period: periodKey(p),
    label: periodLabel(p),
    target: stored.get(periodKey(p)) ?? null,
  }));
}

export async function listTargets(
  db: Db,
  user: CurrentUser,
  code: string,
): Promise<{ measure: MeasureWithId; targets: TargetOut[] }> {
  const measure = await getMeasure(db, user, code);
  const targets = (await targetsOfMeasure(db, measure.id)).map(presentTarget);
  return { measure, targets };
}

function staleTarget(label: string, current: TargetOut | null): ConflictError {
  const message = current
    ? `Someone else changed the target for ${label} since you opened it (now version ${current.version} by ` +
      `${current.updatedBy ?? 'an unknown user'} at ${formatDateTime(current.updatedAt)}). Your change has not been saved.`
    : `The target for ${label} has changed since you opened it. Your change has not been saved.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

export interface PlannedTarget {
  period: Period;
  figures: CheckedTarget;
  /** The version the writer read; null when the period had no target. */
  expectedVersion: number | null;
}

/** Checks every version first, then writes all the targets and their audit rows in one transaction. */
export async function writeTargets(
  db: Db,
  user: CurrentUser,
  measure: MeasureWithId,
  planned: PlannedTarget[],
  source: 'set' | 'profile',
): Promise<TargetOut[]> {
  const before = new Map(
    (
      await targetSlots(
        db,
        measure.id,
        planned.map((p) => p.period),
      )
    ).map((slot) => [slot.period, slot]),
  );
  for (const p of planned) {
    const slot = before.get(periodKey(p.period));
    if ((slot?.target?.version ?? null) !== p.expectedVersion)
      throw staleTarget(periodLabel(p.period), slot?.target ?? null);
  }
  return db.transaction().execute(async (trx) => {
    const written: string[] = [];
    for (const p of planned) {
      const key = periodKey(p.period);
      const result = await writeTarget(
        trx,
        {
          councilId: user.councilId,
          measureId: measure.id,
          period: key,
          periodStart: periodStart(p.period),
          periodEnd: periodEnd(p.period),
          ...p.figures,
          source,
          userId: user.id,
        },
        p.expectedVersion,
      );
      if (!result) {
        const [now] = await targetSlots(db, measure.id, [p.period]);
        throw staleTarget(periodLabel(p.period), now?.target ?? null);
      }
      written.push(key);
      await recordAudit(trx, {
        councilId: user.councilId,
        userId: user.id,
        action: source === 'profile' ? 'target.profile' : 'target.set',
        entity: 'target',
        entityId: result.id,
        before: before.get(key)?.target ?? null,
        after: { measure: measure.code, period: key, ...p.figures, source, version: result.version },
      });
    }
    return (await targetsForPeriods(trx, measure.id, written)).map(presentTarget);
  });
}

/** Sets one period's target; `expectedVersion` is the version read, or null for a period without a target. */
export async function setTarget(
  db: Db,
  user: CurrentUser,
  code: string,
  key: string,
  input: TargetInput,
  expectedVersion: number | null,
): Promise<TargetOut> {
  authorize(user, 'target.write');
  const measure = await getMeasure(db, user, code, 'target.write');
  const { target, problems } = validateTarget(measure, input);
  if (measure.polarity !== 'none') {
    try {
      periodOrThrow(measure, key);
    } catch (error) {
      if (error instanceof ValidationError) problems.unshift(...error.details);
      else throw error;
    }
  }
  if (problems.length) throw new ValidationError(problems[0]?.message ?? 'The target is not valid', problems);
  const [saved] = await writeTargets(
    db,
    user,
    measure,
    [{ period: periodOrThrow(measure, key), figures: target, expectedVersion }],
    'set',
  );
  if (!saved) throw new Error(`target ${code} ${key} was not written`);
  return saved;
}
