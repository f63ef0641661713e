// bench/load's arithmetic, kept pure so it is tested by the table: the mix of what a signed-in user does next
// (overview, a measure page, data entry, a report download) and the exact latency figures per kind of request.
import type { Role } from '../src/db/schema.ts';
import { percentile } from './measure.ts';

export const ACTIONS = ['overview', 'measure', 'entry', 'download'] as const;
export type Action = (typeof ACTIONS)[number];
export type Mix = Record<Action, number>;

/** What a user does next, by weight: looking is commoner than entering figures, downloads the rarest. */
export const DEFAULT_MIX: Mix = { overview: 3, measure: 3, entry: 2, download: 1 };

/** "overview:3,measure:3,entry:2,download:1" (BENCH_LOAD_MIX); an action left out keeps its default weight. */
export function parseMix(text: string | undefined): Mix {
  const mix = { ...DEFAULT_MIX };
  if (!text?.trim()) return mix;
  for (const part of text.split(',')) {
    const [name = '', weight = ''] = part.split(':').map((s) => s.trim());
    if (!(ACTIONS as readonly string[]).includes(name))
      throw new RangeError(`BENCH_LOAD_MIX: '${name}' is not an action: choose from ${ACTIONS.join(', ')}`);
    const value = Number(weight);
    if (weight === '' || !Number.isFinite(value) || value < 0)
      throw new RangeError(`BENCH_LOAD_MIX: the weight of ${name} must be a number ≥ 0, not '${weight}'`);
    mix[name as Action] = value;
  }
  if (ACTIONS.every((a) => mix[a] === 0)) throw new RangeError('BENCH_LOAD_MIX: every weight is 0');
  return mix;
}

/**
 * The next action among those this user may do (a councillor enters no figures), by weight; `random` in [0, 1).
 * Null when the user may do none of the weighted actions.
 */
export function pickAction(mix: Mix, allowed: readonly Action[], random: number): Action | null {
  const choices = allowed.filter((a) => mix[a] > 0);
  const total = choices.reduce((sum, a) => sum + mix[a], 0);
  if (total === 0) return null;
  let point = random * total;
  for (const action of choices) {
    point -= mix[action];
    if (point < 0) return action;
  }
  return choices.at(-1) ?? null;
}

export const LOAD_PASSWORD = 'load-bench-long-passphrase-2026';

/** The figure one user keeps re-entering: one measure × period nobody else writes. */
export interface Cell {
  code: string;
  period: string;
  /** The value entered: the latest figure, then a step either side of it in turn (within any range). */
  value: number;
  step: number;
}

/** A signed-in user of the load, as bench/load-plan.ts casts it and the load generator plays it. */
export interface VirtualUser {
  email: string;
  role: Role;
  actions: Action[];
  cell: Cell | null;
  /** The path of a published report's file this user downloads. */
  download: string;
  /** Codes of measures this user may read, whose pages it opens in turn. */
  measures: string[];
}

/** One timed request, as the load generator records it. */
export interface Sample {
  kind: string;
  ms: number;
  status: number;
}

export interface KindFigures {
  kind: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Exact nearest-rank percentiles from every latency, per kind of request and overall ('all'). */
export function figuresByKind(samples: readonly Sample[], seconds: number): KindFigures[] {
  const byKind = new Map<string, number[]>();
  for (const s of samples) {
    const list = byKind.get(s.kind) ?? [];
    list.push(s.ms);
    byKind.set(s.kind, list);
  }
  const kinds = [...byKind.keys()].sort();
  const figures = (kind: string, latencies: number[]): KindFigures => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      kind,
      requests: sorted.length,
      perSecond: sorted.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  };
  const all =
    samples.length > 0
      ? [
          figures(
            'all',
            samples.map((s) => s.ms),
          ),
        ]
      : [];
  return [...all, ...kinds.map((k) => figures(k, byKind.get(k) ?? []))];
}
