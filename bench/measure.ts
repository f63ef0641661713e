// What every benchmark reports, and the small timing helpers they share: nearest-rank percentiles over
// sequential samples taken with the monotonic clock.
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** In words, e.g. "≤ 3"; empty when the figure is reported for context only. */
  goal: string;
  /** null when there is no goal to meet. */
  met: boolean | null;
}

export interface Summary {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no samples');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    count: sorted.length,
  };
}

/** A piece of work to time; `setup`, when given, runs untimed before each run of it. */
export type Timed =
  (() => Promise<unknown>) | { setup: () => Promise<unknown>; work: () => Promise<unknown> };

/**
 * Runs each piece of work `warmup` times untimed, then `count` times timed, one request at a time and taking
 * turns (a, b, c, a, b, c…) so that a change in the machine's load falls on all of them alike. Milliseconds.
 */
export async function timeInterleaved(
  works: readonly Timed[],
  warmup: number,
  count: number,
): Promise<number[][]> {
  const samples = works.map((): number[] => []);
  for (let i = 0; i < warmup + count; i++) {
    for (const [k, timedWork] of works.entries()) {
      const work = typeof timedWork === 'function' ? timedWork : timedWork.work;
      if (typeof timedWork !== 'function') await timedWork.setup();
      const start = performance.now();
      await work();
      if (i >= warmup) samples[k]?.push(performance.now() - start);
    }
  }
  return samples;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** A figure reported for context, with no goal. */
export function figure(name: string, value: number, unit: string): BenchRow {
  return { name, value, unit, goal: '', met: null };
}

export function latencyRows(label: string, summary: Summary): BenchRow[] {
  return [
    figure(`${label} p50`, summary.p50, 'ms'),
    figure(`${label} p95`, summary.p95, 'ms'),
    figure(`${label} max`, summary.max, 'ms'),
  ];
}
