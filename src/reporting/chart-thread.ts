// One chart-drawing thread of chart-threads.ts: draws its share of a report's charts and sends back their SVGs.
import { parentPort, workerData } from 'node:worker_threads';
import { drawnChart, withThreadIds, type ChartRequest } from './chart-request.ts';

const { requests, thread } = workerData as { requests: ChartRequest[]; thread: number };
parentPort?.postMessage(requests.map((request) => withThreadIds(drawnChart(request), thread)));
