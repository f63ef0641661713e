// A report's charts drawn in worker threads, one a core, while this thread waits: ECharts takes ~11 ms a chart,
// so 200 charts on one thread were most of a report's build, and their garbage stayed in this thread's heap.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compiled } from '../../bin/compile.mjs';
import type { ChartRequest } from './chart-request.ts';

const MOST_THREADS = 4;
/** Fewer charts than this are drawn here: starting a thread and loading ECharts into it costs ~0.2 s. */
const WORTH_A_THREAD = 24;

let threadModule: Promise<string> | null = null;

export async function drawnInThreads(
  requests: readonly ChartRequest[],
  drawHere: (request: ChartRequest) => string,
): Promise<string[]> {
  if (requests.length < WORTH_A_THREAD) return requests.map(drawHere);
  threadModule ??= compiled('src/reporting/chart-thread.ts', {
    inline: ['echarts', 'zrender', 'tslib'],
  }).catch((error: unknown) => {
    threadModule = null;
    throw error;
  });
  const module = fileURLToPath(await threadModule);
  const threads = Math.min(os.availableParallelism(), MOST_THREADS);
  const size = Math.ceil(requests.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => requests.slice(i * size, (i + 1) * size));
  const drawn = await Promise.all(shares.map((share, thread) => drawnInThread(module, share, thread)));
  return drawn.flat();
}

function drawnInThread(module: string, requests: ChartRequest[], thread: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData: { requests, thread }, execArgv: [] });
    let svgs: string[] | null = null;
    worker.once('message', (drawn: string[]) => (svgs = drawn));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (svgs && svgs.length === requests.length) resolve(svgs);
      else reject(new Error(`drawing ${requests.length} charts stopped early (thread exit code ${code})`));
    });
  });
}
