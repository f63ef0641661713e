// A chart described by its input, so it can be drawn in another thread (chart-threads.ts) or here.
import { lineChartSvg, type LineChartInput } from './charts.ts';
import { xmrChartSvg, type XmrChartInput } from './xmr-chart.ts';

export type ChartRequest = { kind: 'xmr'; input: XmrChartInput } | { kind: 'line'; input: LineChartInput };

export function drawnChart(request: ChartRequest): string {
  return request.kind === 'xmr' ? xmrChartSvg(request.input) : lineChartSvg(request.input);
}

/**
 * zrender names a chart's clip paths and style classes from a count kept per thread (`zr3-c0`, `.zr3-cls-1`), so
 * charts drawn by two threads would share names, and inline in one page clip each other. The thread's number
 * makes them distinct again.
 */
export function withThreadIds(svg: string, thread: number): string {
  return svg.replace(/\bzr(\d+)-(?=c\d|cls-\d)/g, `zr$1t${thread}-`);
}
