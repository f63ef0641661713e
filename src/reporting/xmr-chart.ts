// The Making Data Count XmR chart drawn on the server as SVG: the values, their mean, the upper and lower process
// limits, the target, and special-cause points marked blue (improvement), orange (concern) or grey (neutral).
import { ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { SpcResult, SpcSignal, Unit } from '../assessment/index.ts';
import { periodAxes, render, shortened, TARGET_COLOUR, VALUE_COLOUR, withTitle } from './charts.ts';

echarts.use([ScatterChart, MarkLineComponent]);

export interface XmrChartInput {
  title: string;
  result: SpcResult;
  /** `labels[i]` names the period at index i of the values given to assessSpc. */
  labels: string[];
  target: number | null;
  unit: Unit;
  decimals: number;
  description: string;
  /** Where new limits start (an index into `labels`), each labelled with its reason. */
  breaks?: { index: number; label: string }[];
  width?: number;
  height?: number;
}

const SIGNAL_COLOURS: Record<SpcSignal, string> = {
  improvement: '#1d70b8',
  concern: '#ed8b00',
  neutral: '#505a5f',
};
const SIGNAL_NAMES: Record<SpcSignal, string> = {
  improvement: 'Special cause improvement',
  concern: 'Special cause concern',
  neutral: 'Special cause (neutral)',
};
const VALUES_COLOUR = '#505a5f';
const LIMIT_COLOUR = '#6f777b';

export function xmrChartSvg(input: XmrChartInput): string {
  const { title, result, labels, target, unit, decimals, breaks = [], width = 720, height = 360 } = input;
  const byIndex = new Map(result.points.map((p) => [p.index, p]));
  const values = labels.map((_, i) => byIndex.get(i)?.value ?? null);
  const along = (pick: (p: { mean: number; upl: number; lpl: number }) => number) =>
    labels.map((_, i) => {
      const p = byIndex.get(i);
      return p ? pick(p) : null;
    });
  const constant = (style: 'solid' | 'dashed', name: string, data: (number | null)[], colour: string) => ({
    name,
    type: 'line' as const,
    data,
    color: colour,
    lineStyle: { width: 2, type: style },
    symbol: 'none',
    // A phase's limits are flat; at a recalculation they step up or down at its first period rather than slope.
    step: 'end' as const,
    connectNulls: true,
    silent: true,
  });
  const signals = (['improvement', 'concern', 'neutral'] as const).filter((s) =>
    result.points.some((p) => p.signal === s),
  );
  const series = [
    {
      name: 'Value',
      type: 'line' as const,
      data: values,
      color: VALUES_COLOUR,
      lineStyle: { width: 2 },
      symbol: 'circle',
      symbolSize: 5,
      connectNulls: false,
      ...(breaks.length === 0
        ? {}
        : {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: TARGET_COLOUR, type: 'solid' as const, width: 1 },
              label: {
                position: 'end' as const,
                fontFamily: 'arial, sans-serif',
                color: TARGET_COLOUR,
                formatter: (p: { name?: string }) => p.name ?? '',
              },
              data: breaks.map((b) => ({
                name: shortened(b.label, 28),
                xAxis: b.index,
              })),
            },
          }),
    },
    constant(
      'solid',
      'Mean',
      along((p) => p.mean),
      VALUE_COLOUR,
    ),
    constant(
      'dashed',
      'Upper process limit',
      along((p) => p.upl),
      LIMIT_COLOUR,
    ),
    constant(
      'dashed',
      'Lower process limit',
      along((p) => p.lpl),
      LIMIT_COLOUR,
    ),
    ...(target == null
      ? []
      : [
          {
            ...constant(
              'dashed',
              'Target',
              labels.map(() => target),
              TARGET_COLOUR,
            ),
            lineStyle: { width: 2, type: 'dotted' as const },
          },
        ]),
    ...signals.map((signal) => ({
      name: SIGNAL_NAMES[signal],
      type: 'scatter' as const,
      data: labels.map((_, i) =>
        byIndex.get(i)?.signal === signal ? (byIndex.get(i)?.value ?? null) : null,
      ),
      color: SIGNAL_COLOURS[signal],
      symbol: signal === 'concern' ? 'diamond' : 'circle',
      symbolSize: 11,
    })),
  ];
  const svg = render(width, height, {
    animation: false,
    aria: { enabled: true, label: { description: input.description } },
    title: {
      left: 0,
      text: shortened(title, Math.floor(width / 9)),
      textStyle: { fontSize: 15, fontFamily: 'arial, sans-serif', color: TARGET_COLOUR },
    },
    legend: {
      show: true,
      left: 0,
      top: 30,
      textStyle: { fontFamily: 'arial, sans-serif', color: TARGET_COLOUR },
    },
    grid: { left: 70, right: 20, top: 100, bottom: 60 },
    ...periodAxes(labels, unit, decimals),
    series,
  });
  return withTitle(svg, title, input.description);
}
