// A chart described by its input, so it can be drawn in another thread (chart-threads.ts, chart-pool.ts) or here.
import { lineChartSvg, sparklineSvg, type LineChartInput, type SparklineInput } from './charts.ts';
import { shortPeriodLabel } from './present.ts';
import { xmrChartSvg, type XmrChartInput } from './xmr-chart.ts';

export type ChartRequest =
  | { kind: 'xmr'; input: XmrChartInput }
  | { kind: 'line'; input: LineChartInput }
  | { kind: 'sparkline'; input: SparklineInput };

export function drawnChart(request: ChartRequest): string {
  switch (request.kind) {
    case 'xmr':
      return xmrChartSvg(request.input);
    case 'line':
      return lineChartSvg(request.input);
    case 'sparkline':
      return sparklineSvg(request.input);
  }
}

/** A measure's figures against their targets, oldest first: the measure page's and the reports' history chart. */
export function historyChart(
  measure: { code: string; title: string; unit: LineChartInput['unit']; decimals: number },
  figures: readonly { period: string; value: number | null; target: number | null }[],
  description: string,
): ChartRequest {
  return {
    kind: 'line',
    input: {
      title: `${measure.code} ${measure.title}`,
      points: figures.map((f) => ({ label: shortPeriodLabel(f.period), value: f.value })),
      targets: figures.map((f) => ({ label: shortPeriodLabel(f.period), value: f.target })),
      unit: measure.unit,
      decimals: measure.decimals,
      description,
    },
  };
}

/**
 * zrender names a chart's clip paths and style classes from a count kept per thread (`zr3-c0`, `.zr3-cls-1`), so
 * charts drawn by two threads would share names, and inline in one page clip each other. The thread's number
 * makes them distinct again.
 */
export function withThreadIds(svg: string, thread: number | string): string {
  return svg.replace(/\bzr(\d+)-(?=c\d|cls-\d)/g, `zr$1t${thread}-`);
}
