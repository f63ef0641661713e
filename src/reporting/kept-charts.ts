// Charts kept by their whole input: a page's charts are drawn again only when what they show has changed.
import { createHash } from 'node:crypto';
import { drawnOnPool } from './chart-pool.ts';
import type { ChartRequest } from './chart-request.ts';
import { Kept } from './kept.ts';

// A measure page drew its charts (its history, its XmR chart, its benchmark ranking) on every request: ~70 ms of
// ECharts under load, most of the page's cost, though they change only when the figures, targets, SPC settings or
// benchmarks do. Keyed by the whole input, a kept SVG is exactly the one that would be drawn; 16 M characters hold
// a few hundred charts.
const keptCharts = new Kept<string>(16 * 2 ** 20, (svg) => svg.length);

/**
 * `draw(input)`, drawn once for this kind of chart and input and kept while it is in use. zrender's ids stay
 * distinct on a page: each kept SVG was drawn once, by its own chart instance.
 */
export function keptDrawing<I>(kind: string, input: I, draw: (input: I) => string): string {
  return keptCharts.getSync(chartKey(kind, input), () => draw(input));
}

/** A page's chart, drawn once per input on the chart threads (chart-pool.ts) and kept. */
export function keptChart(request: ChartRequest): Promise<string> {
  return keptCharts.get(chartKey(request.kind, request.input), () => drawnOnPool(request));
}

function chartKey(kind: string, input: unknown): string {
  return createHash('sha256').update(kind).update(JSON.stringify(input)).digest('base64');
}
