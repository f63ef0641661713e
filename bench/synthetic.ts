// The benchmark council's shape and figures as pure, seeded functions: the same seed always gives the same
// measures, values and targets, so two runs of the benchmark load byte-identical data.
import {
  nextPeriod,
  parsePeriod,
  periodKey,
  periodStart,
  periodEnd,
  previousPeriod,
  type Polarity,
  type Unit,
} from '../src/assessment/index.ts';
import { randomFor, type Random } from '../src/demo/random.ts';

export type CalculationType = 'value' | 'ratio';
export type Accumulation = 'discrete' | 'year_to_date' | 'snapshot';
export type ValueStatus = 'draft' | 'submitted' | 'validated' | 'approved' | 'published';

export interface SyntheticMeasure {
  index: number;
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  calculationType: CalculationType;
  accumulation: Accumulation;
  /** Indexes into the list of services; the first is the lead service. */
  services: number[];
  tags: string[];
  /** The level the series wanders around, its yearly drift, seasonal swing and noise (fractions of base). */
  base: number;
  drift: number;
  season: number;
  noise: number;
  /** Typical denominator of a ratio measure. */
  denominator: number;
  tolerance: { kind: 'absolute' | 'percent'; amount: number };
}

export interface MonthSpan {
  key: string;
  start: string;
  end: string;
  /** 1–12, for the seasonal swing. */
  month: number;
}

export interface ValueRow {
  period: MonthSpan;
  value: number;
  numerator: number | null;
  denominator: number | null;
  status: ValueStatus;
  commentary: string;
  /** ISO timestamp; null unless published. */
  publishedAt: string | null;
}

export interface TargetRow {
  period: MonthSpan;
  value: number | null;
  low: number | null;
  high: number | null;
}

const topics = [
  'Repairs completed on time',
  'Households in temporary accommodation',
  'Calls answered within 60 seconds',
  'Missed bin collections',
  'Council tax collected',
  'Days to process a benefit claim',
  'Planning applications decided in time',
  'Children seen within 10 working days',
  'Adults supported to live at home',
  'Fly-tipping incidents cleared',
  'Complaints answered in time',
  'Library visits',
  'Staff sickness absence',
  'Potholes repaired within 24 hours',
  'Invoices paid within 30 days',
];
const audiences = [
  'residents',
  'tenants',
  'households',
  'children',
  'adults',
  'businesses',
  'older people',
  'carers',
];
const commentaries = [
  'Performance dipped over the holiday period and has recovered since.',
  'A backlog from the system migration was cleared this month.',
  'Demand rose sharply after the storm; extra staff were redeployed.',
  'Two vacancies were filled, which should show in next month’s figure.',
  'The figure is provisional pending the contractor’s return.',
  'In line with the recovery plan agreed by Cabinet.',
];

interface UnitShape {
  unit: Unit;
  weight: number;
  decimals: number;
  base: [number, number];
}
const unitShapes: UnitShape[] = [
  { unit: 'percent', weight: 35, decimals: 1, base: [40, 92] },
  { unit: 'count', weight: 22, decimals: 0, base: [40, 4000] },
  { unit: 'days', weight: 10, decimals: 1, base: [5, 120] },
  { unit: 'gbp', weight: 8, decimals: 0, base: [10_000, 2_000_000] },
  { unit: 'rate_per_10000', weight: 10, decimals: 1, base: [5, 300] },
  { unit: 'number', weight: 5, decimals: 0, base: [1, 1000] },
  { unit: 'score', weight: 5, decimals: 1, base: [3, 9] },
  { unit: 'weeks', weight: 5, decimals: 1, base: [2, 30] },
];
const polarities: { polarity: Polarity; weight: number }[] = [
  { polarity: 'up', weight: 42 },
  { polarity: 'down', weight: 38 },
  { polarity: 'none', weight: 15 },
  { polarity: 'range', weight: 5 },
];

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let draw = random.next() * total;
  for (const item of items) {
    draw -= item.weight;
    if (draw < 0) return item;
  }
  return random.pick(items);
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `count` months ending with `last` (a month key such as 2026-10), oldest first. */
export function monthSpans(count: number, last: string): MonthSpan[] {
  let period = parsePeriod(last);
  if (period.kind !== 'month') throw new RangeError(`'${last}' is not a month`);
  for (let i = 1; i < count; i++) period = previousPeriod(period);
  const spans: MonthSpan[] = [];
  for (let i = 0; i < count; i++) {
    if (period.kind !== 'month') throw new RangeError('months follow months');
    spans.push({
      key: periodKey(period),
      start: periodStart(period),
      end: periodEnd(period),
      month: period.month,
    });
    period = nextPeriod(period);
  }
  return spans;
}

export function syntheticMeasure(seed: number, index: number, serviceCount: number): SyntheticMeasure {
  const random = randomFor(seed, `measure:${index}`);
  const shape = weighted(random, unitShapes);
  const ratio = shape.unit === 'percent' && random.next() < 0.6;
  const polarity = ratio ? (random.next() < 0.85 ? 'up' : 'down') : weighted(random, polarities).polarity;
  const lead = Math.floor(random.next() * serviceCount);
  const services = [lead];
  const others = Math.floor(random.next() * 3);
  for (let i = 0; i < others; i++) {
    const other = Math.floor(random.next() * serviceCount);
    if (!services.includes(other)) services.push(other);
  }
  const tags = ['benchmarkable', 'public', 'statutory'].filter(() => random.next() < 0.3);
  const topic = random.pick(topics);
  const absolute = shape.unit === 'percent' || shape.unit === 'score';
  return {
    index,
    code: `BM-${String(index + 1).padStart(4, '0')}`,
    title: `${topic} (${random.pick(audiences)}, series ${index + 1})`,
    unit: shape.unit,
    decimals: shape.decimals,
    polarity,
    calculationType: ratio ? 'ratio' : 'value',
    accumulation: random.next() < 0.8 ? 'discrete' : 'snapshot',
    services,
    tags,
    base: random.between(shape.base[0], shape.base[1]),
    drift: random.between(-0.04, 0.04),
    season: random.between(0, 0.08),
    noise: random.between(0.01, 0.06),
    denominator: Math.round(random.between(150, 6000)),
    tolerance: absolute
      ? { kind: 'absolute', amount: shape.unit === 'score' ? 0.5 : 2 }
      : { kind: 'percent', amount: random.pick([5, 10]) },
  };
}

/** The status of a month's figure: everything is published except the newest month, still in the workflow. */
function statusFor(random: Random, isLast: boolean): ValueStatus {
  if (!isLast) return 'published';
  const draw = random.next();
  if (draw < 0.05) return 'draft';
  if (draw < 0.25) return 'submitted';
  if (draw < 0.5) return 'validated';
  return 'approved';
}

function levelAt(m: SyntheticMeasure, random: Random, t: number, month: number): number {
  const seasonal = m.season * Math.sin((2 * Math.PI * (month - 1)) / 12);
  const level = m.base * (1 + m.drift * (t / 12) + seasonal + m.noise * random.normal());
  const bounded = m.unit === 'percent' ? Math.min(100, level) : level;
  return Math.max(0, bounded);
}

/** One headline figure per month, oldest first. */
export function* valueRows(
  seed: number,
  m: SyntheticMeasure,
  months: readonly MonthSpan[],
): Generator<ValueRow> {
  const random = randomFor(seed, `values:${m.index}`);
  for (const [t, period] of months.entries()) {
    const level = levelAt(m, random, t, period.month);
    let value = round(level, m.decimals);
    let numerator: number | null = null;
    let denominator: number | null = null;
    if (m.calculationType === 'ratio') {
      denominator = Math.max(1, Math.round(m.denominator * (1 + 0.05 * random.normal())));
      numerator = Math.min(denominator, Math.round((level / 100) * denominator));
      value = round((numerator / denominator) * 100, m.decimals);
    }
    const status = statusFor(random, t === months.length - 1);
    yield {
      period,
      value,
      numerator,
      denominator,
      status,
      commentary: random.next() < 0.15 ? random.pick(commentaries) : '',
      publishedAt: status === 'published' ? `${period.end} 09:00:00+00` : null,
    };
  }
}

/** A target for every month of a measure with a polarity; each financial year asks a little more. */
export function* targetRows(m: SyntheticMeasure, months: readonly MonthSpan[]): Generator<TargetRow> {
  if (m.polarity === 'none') return;
  for (const [t, period] of months.entries()) {
    const years = Math.floor(t / 12);
    if (m.polarity === 'range') {
      yield {
        period,
        value: null,
        low: round(m.base * 0.92, m.decimals),
        high: round(m.base * 1.08, m.decimals),
      };
      continue;
    }
    const ambition = m.polarity === 'up' ? 1 + 0.01 * years : 1 - 0.01 * years;
    const raw = m.base * (1 + m.drift * (t / 12) * 0.5) * ambition;
    yield {
      period,
      value: round(m.unit === 'percent' ? Math.min(100, raw) : raw, m.decimals),
      low: null,
      high: null,
    };
  }
}
