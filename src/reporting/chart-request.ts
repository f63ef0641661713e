// A chart described by its input, so it can be drawn in another thread (chart-threads.ts) or here.
import { createHash } from 'node:crypto';
import { lineChartSvg, type LineChartInput } from './charts.ts';
import { Kept } from './kept.ts';
import { xmrChartSvg, type XmrChartInput } from './xmr-chart.ts';

export type ChartRequest = { kind: 'xmr'; input: XmrChartInput } | { kind: 'line'; input: LineChartInput };

export function drawnChart(request: ChartRequest): string {
  return request.kind === 'xmr' ? xmrChartSvg(request.input) : lineChartSvg(request.input);
}

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
  const key = createHash('sha256').update(kind).update(JSON.stringify(input)).digest('base64');
  return keptCharts.getSync(key, () => draw(input));
}

/** A report or page chart, drawn once per input and kept. */
export function keptChart(request: ChartRequest): string {
  return keptDrawing(request.kind, request.input, () => drawnChart(request));
}

/**
 * zrender names a chart's clip paths and style classes from a count kept per thread (`zr3-c0`, `.zr3-cls-1`), so
 * charts drawn by two threads would share names, and inline in one page clip each other. The thread's number
 * makes them distinct again.
 */
export function withThreadIds(svg: string, thread: number): string {
  return svg.replace(/\bzr(\d+)-(?=c\d|cls-\d)/g, `zr$1t${thread}-`);
}
