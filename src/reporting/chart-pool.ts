// Page charts drawn on threads kept for the purpose, so that the web server's one thread goes on answering while
// ECharts works: under load, after figures changed, drawing charts again was a quarter of that thread's time.
import os from 'node:os';
import { Piscina } from 'piscina';
import { compiled } from '../../bin/compile.mjs';
import type { ChartRequest } from './chart-request.ts';

/** The server thread and PostgreSQL need a core between them; the rest may draw, up to two. */
const THREADS = Math.max(1, Math.min(os.availableParallelism() - 1, 2));
/** A thread takes ~0.2 s to load ECharts, so a second is kept a while after its last chart (the first always). */
const IDLE_MS = 5 * 60_000;

let pool: Promise<Piscina> | null = null;

function chartPool(): Promise<Piscina> {
  pool ??= compiled('src/reporting/chart-pool-thread.ts', { inline: ['echarts', 'zrender', 'tslib'] }).then(
    (filename) => new Piscina({ filename, minThreads: 1, maxThreads: THREADS, idleTimeout: IDLE_MS }),
    (error: unknown) => {
      pool = null;
      throw error;
    },
  );
  return pool;
}

/** Starts the pool with its first thread, so that the first page's charts do not wait for it (~2 s at first). */
export async function startChartPool(): Promise<void> {
  await chartPool();
}

/** The chart's SVG, drawn on one of the pool's threads. */
export async function drawnOnPool(request: ChartRequest): Promise<string> {
  return (await (await chartPool()).run(request)) as string;
}

/** Stops the pool's threads (the server closing); the next chart starts it again. */
export async function closeChartPool(): Promise<void> {
  const closing = pool;
  pool = null;
  if (closing) await (await closing).destroy();
}
