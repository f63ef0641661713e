// A chart described by its input, so it can be drawn in another thread (chart-threads.ts) or here.
import { createHash } from 'node:crypto';
import { lineChartSvg, type LineChartInput } from './charts.ts';
import { Kept } from './kept.ts';
import { xmrChartSvg, type XmrChartInput } from './xmr-chart.ts';

export type ChartRequest = { kind: 'xmr'; input: XmrChartInput } | { kind: 'line'; input: LineChartInput };

export function drawnChart(request: ChartRequest): string {
  return request.kind === 'xmr' ? xmrChartSvg(request.input) : lineChartSvg(request.input);
}

// A measure page drew its two charts on every request (~70 ms of ECharts under load, most of the page's cost), though
// they change only when the measure's figures, targets or SPC settings do. Keyed by the whole input, a kept SVG is
// exactly the one that would be drawn; 16 M characters hold a few hundred charts.
const keptCharts = new Kept<string>(16 * 2 ** 20, (svg) => svg.length);

/** The chart for this input, drawn once and kept while it is in use (zrender's ids stay distinct: each was drawn once). */
export function keptChart(request: ChartRequest): string {
  const key = createHash('sha256').update(JSON.stringify(request)).digest('base64');
  return keptCharts.getSync(key, () => drawnChart(request));
}

/**
 * zrender names a chart's clip paths and style classes from a count kept per thread (`zr3-c0`, `.zr3-cls-1`), so
 * charts drawn by two threads would share names, and inline in one page clip each other. The thread's number
 * makes them distinct again.
 */
export function withThreadIds(svg: string, thread: number): string {
  return svg.replace(/\bzr(\d+)-(?=c\d|cls-\d)/g, `zr$1t${thread}-`);
}
