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
import { assessMeasureSpc, seriesSettings, type SpcJudgement } from './spc-judgement.ts';
import type { SeriesFigure } from './spc-series.ts';
import {
  latestPeriodKey,
  scorecardGeneration,
  type FigureSource,
  scorecardRows,
  type ScorecardRow,
} from './scorecard.queries.ts';

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
  /** Corrected after publication, with the figure published before (null where no record of it is kept). */
  revised: boolean;
  previouslyPublished: { value: number | null; publishedAt: Date | null } | null;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  tolerance: Tolerance | null;
  rag: Rag;
  direction: { previous: Direction; lastYear: Direction };
  previousValue: number | null;
  lastYearValue: number | null;
  /** Making Data Count SPC over the measure's window of figures to this period; null unless asked for. */
  spc: SpcJudgement | null;
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
  /** Judge SPC too (the overview does); it reads each measure's last 36 figures, so only those who show it ask. */
  withSpc?: boolean;
  /** Reports judge published figures only; the council's own pages every figure past draft (the default). */
  figures?: FigureSource;
}

/**
 * Judged measures are cached per council, reach, period and selection against the council's scorecard
 * generation, which triggers move on every change to figures, targets, measures or their services. The
 * generation is read before the figures, so a cached answer can only ever be older than its tag, never newer.
 * Cached measures are frozen: callers copy before changing them.
 */
export async function scorecard(db: Db, options: ScorecardOptions): Promise<Scorecard> {
  if (options.measureIds && options.measureIds.length === 0) {
    const period = options.period
      ? checkedPeriod(options.period)
      : await latestPeriodWithData(db, options.councilId, options.reach, options.figures);
    return { period, measures: [] };
  }
  const { card } = await cachedEntry(db, options);
  return { period: card.period, measures: [...card.measures] };
}

/**
 * Something made from the scorecard (the API's serialised body, say), cached with it so that it is made once
 * per change rather than once per request. `name` tells apart different things made from the same scorecard.
 */
export async function fromScorecard<T>(
  db: Db,
  options: ScorecardOptions,
  name: string,
  make: (card: Scorecard) => T,
): Promise<T> {
  const entry = await cachedEntry(db, options);
  if (entry.derived.has(name)) return entry.derived.get(name) as T;
  const made = make({ period: entry.card.period, measures: [...entry.card.measures] });
  entry.derived.set(name, made);
  return made;
}

async function cachedEntry(db: Db, options: ScorecardOptions): Promise<CachedScorecard> {
  if (options.period) checkedPeriod(options.period);
  // Inside a transaction the generation moves only at commit (migration 021), so its own changes would not show.
  if (db.isTransaction)
    return { generation: '', card: await judgeScorecard(db, options), derived: new Map() };
  const generation = await scorecardGeneration(db, options.councilId);
  const key = cacheKey(options);
  const cache = cacheOf(db);
  const cached = cache.get(key);
  if (cached && cached.generation === generation) {
    // Most recently used last, so the oldest entry is the one evicted.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const entry: CachedScorecard = { generation, card: await judgeScorecard(db, options), derived: new Map() };
  remember(cache, key, entry);
  return entry;
}

async function judgeScorecard(db: Db, options: ScorecardOptions): Promise<Scorecard> {
  const { councilId, reach, measureIds, withSpc, figures } = options;
  const period = options.period ?? (await latestPeriodWithData(db, councilId, reach, figures));
  // With no data at all every measure is simply "no data"; an end far in the past finds nothing.
  const end = period ? periodEnd(parsePeriod(period)) : '0001-01-01';
  const rows = await scorecardRows(db, { councilId, reach, periodEnd: end, measureIds, withSpc, figures });
  return { period, measures: rows.map((row) => deepFreeze(judge(row, withSpc ?? false))) };
}

interface CachedScorecard {
  generation: string;
  card: Scorecard;
  derived: Map<string, unknown>;
}

// One cache per connection pool: two databases (tests, a benchmark) may well hold councils with the same id.
const caches = new WeakMap<Db, Map<string, CachedScorecard>>();
const CACHE_ENTRIES = 32;

function cacheOf(db: Db): Map<string, CachedScorecard> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

function cacheKey({ councilId, reach, period, measureIds, withSpc, figures }: ScorecardOptions): string {
  const reachKey = reach === null ? '*' : [...reach].sort().join(',');
  const idsKey = measureIds ? [...measureIds].sort().join(',') : '*';
  return `${councilId}|${period ?? ''}|${reachKey}|${idsKey}|${withSpc ? 'spc' : ''}|${figures ?? 'workflow'}`;
}

function remember(cache: Map<string, CachedScorecard>, key: string, entry: CachedScorecard): void {
  cache.delete(key);
  if (cache.size >= CACHE_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, entry);
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
  }
  return Object.freeze(value);
}

export function latestPeriodWithData(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  figures?: FigureSource,
): Promise<string | null> {
  return latestPeriodKey(db, councilId, reach, figures);
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

function judge(row: ScorecardRow, withSpc: boolean): MeasureJudgement {
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
    revised: row.revised ?? false,
    previouslyPublished:
      row.revised && row.previous_published_at
        ? { value: toNumber(row.previous_published_value), publishedAt: row.previous_published_at }
        : null,
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
    spc: withSpc ? assessMeasureSpc(row, seriesOf(row), seriesSettings(row), target.value).judgement : null,
  };
}

function seriesOf(row: ScorecardRow): SeriesFigure[] {
  const periods = row.series_periods ?? [];
  const starts = row.series_starts ?? [];
  const values = row.series_values ?? [];
  return periods.map((period, i) => ({ period, start: starts[i] ?? '', value: toNumber(values[i]) }));
}
