// A thread of chart-pool.ts: draws one page chart at a time for the web server's thread.
import { threadId } from 'node:worker_threads';
import { drawnChart, withThreadIds, type ChartRequest } from './chart-request.ts';

export default function draw(request: ChartRequest): string {
  return withThreadIds(drawnChart(request), `p${threadId}`);
}
