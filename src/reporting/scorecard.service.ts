// The scorecard: every measure in reach judged at a period — its latest figure, target, RAG and direction of
// travel — from one query plus the pure assessment functions. Other capabilities (reports, public site) call it.
import type { ServiceReach } from '../access/scope.ts';
import {
  directionVsLastYear,
  directionVsPrevious,
  periodEnd,
  PeriodError,
  parsePeriod,
  rag,
  type Accumulation,
  type Direction,
  type Frequency,
  type Polarity,
  type Rag,
  type Target,
  type Tolerance,
  type Unit,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ValidationError } from '../web/errors.ts';
import { latestPeriodKey, scorecardRows, type ScorecardRow } from './scorecard.queries.ts';

export interface MeasureJudgement {
  measureId: string;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  frequency: Frequency;
  accumulation: Accumulation;
  /** The measure's own latest period not after the requested one; null when it has no figure yet. */
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
  commentary: string;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  tolerance: Tolerance | null;
  rag: Rag;
  direction: { previous: Direction; lastYear: Direction };
  previousValue: number | null;
  lastYearValue: number | null;
}

export interface Scorecard {
  period: string | null;
  measures: MeasureJudgement[];
}

export interface ScorecardOptions {
  councilId: string;
  reach: ServiceReach;
  period?: string;
  measureIds?: string[];
}

export async function scorecard(db: Db, options: ScorecardOptions): Promise<Scorecard> {
  const { councilId, reach, measureIds } = options;
  const period = options.period
    ? checkedPeriod(options.period)
    : await latestPeriodWithData(db, councilId, reach);
  if (measureIds && measureIds.length === 0) return { period, measures: [] };
  // With no data at all every measure is simply "no data"; an end far in the past finds nothing.
  const end = period ? periodEnd(parsePeriod(period)) : '0001-01-01';
  const rows = await scorecardRows(db, { councilId, reach, periodEnd: end, measureIds });
  return { period, measures: rows.map(judge) };
}

export function latestPeriodWithData(db: Db, councilId: string, reach: ServiceReach): Promise<string | null> {
  return latestPeriodKey(db, councilId, reach);
}

function checkedPeriod(key: string): string {
  try {
    parsePeriod(key);
    return key;
  } catch (error) {
    if (error instanceof PeriodError) throw ValidationError.field('period', `period: ${error.message}`);
    throw error;
  }
}

export function toNumber(value: string | number | null | undefined): number | null {
  if (value == null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toTarget(row: {
  target: string | null;
  target_low: string | null;
  target_high: string | null;
  tolerance_kind: 'absolute' | 'percent' | null;
  tolerance: string | null;
}): Target & { tolerance: Tolerance | null } {
  const amount = toNumber(row.tolerance);
  return {
    value: toNumber(row.target),
    low: toNumber(row.target_low),
    high: toNumber(row.target_high),
    tolerance: row.tolerance_kind && amount != null ? { kind: row.tolerance_kind, amount } : null,
  };
}

function judge(row: ScorecardRow): MeasureJudgement {
  const value = toNumber(row.value);
  const target = toTarget(row);
  const hasTarget = target.value != null || (target.low != null && target.high != null);
  const previousValue = toNumber(row.previous_value);
  const lastYearValue = toNumber(row.last_year_value);
  const basis = { current: value, polarity: row.polarity, accumulation: row.accumulation, range: target };
  return {
    measureId: String(row.measure_id),
    code: row.code,
    title: row.title,
    unit: row.unit,
    decimals: row.decimals,
    polarity: row.polarity,
    frequency: row.frequency,
    accumulation: row.accumulation,
    period: row.period,
    value,
    numerator: toNumber(row.numerator),
    denominator: toNumber(row.denominator),
    status: row.status,
    commentary: row.commentary ?? '',
    target: target.value,
    targetLow: target.low ?? null,
    targetHigh: target.high ?? null,
    tolerance: target.tolerance,
    rag: rag({ value, target: hasTarget ? target : null, polarity: row.polarity }),
    direction: {
      previous: directionVsPrevious({ ...basis, previous: previousValue }).judgement,
      lastYear: directionVsLastYear({ ...basis, lastYear: lastYearValue }).judgement,
    },
    previousValue,
    lastYearValue,
  };
}
