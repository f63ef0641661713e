// Charts drawn on the server with Apache ECharts as SVG, so pages, papers and exports show the same picture
// without JavaScript. Every chart carries a text alternative; the figures are always in a table nearby too.
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatValue, type Unit } from '../assessment/index.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, AriaComponent, SVGRenderer]);

export interface ChartPoint {
  label: string;
  value: number | null;
}

export interface LineChartInput {
  title: string;
  points: ChartPoint[];
  /** Same labels as `points`; a null value leaves a gap in the target line. */
  targets?: ChartPoint[];
  unit: Unit;
  decimals: number;
  /** The text alternative read out for the chart; defaults to the title. */
  description?: string;
  width?: number;
  height?: number;
}

// GOV.UK colours: the value line is dark blue and solid, the target black and dashed, so they differ by more than hue.
export const VALUE_COLOUR = '#1d70b8';
export const TARGET_COLOUR = '#0b0c0c';

const UNIT_AXIS_NAMES: Record<Unit, string> = {
  percent: 'Per cent',
  count: 'Number',
  days: 'Days',
  gbp: 'Pounds (£)',
  rate_per_10000: 'Rate per 10,000',
  rate_per_100000: 'Rate per 100,000',
  number: 'Number',
  score: 'Score',
  weeks: 'Weeks',
};

export function lineChartSvg(input: LineChartInput): string {
  const { title, points, targets = [], unit, decimals, width = 720, height = 320 } = input;
  const labels = points.map((p) => p.label);
  const targetByLabel = new Map(targets.map((t) => [t.label, t.value]));
  const hasTargets = targets.some((t) => t.value != null);
  const series = [
    {
      name: 'Value',
      type: 'line' as const,
      data: points.map((p) => p.value),
      color: VALUE_COLOUR,
      lineStyle: { width: 3 },
      symbol: 'circle',
      symbolSize: 6,
      connectNulls: false,
    },
    ...(hasTargets
      ? [
          {
            name: 'Target',
            type: 'line' as const,
            data: labels.map((label) => targetByLabel.get(label) ?? null),
            color: TARGET_COLOUR,
            lineStyle: { width: 2, type: 'dashed' as const },
            symbol: 'none',
            step: 'middle' as const,
          },
        ]
      : []),
  ];
  const svg = render(width, height, {
    animation: false,
    aria: { enabled: true, label: { description: input.description ?? title } },
    title: {
      left: 0,
      // Cut short to fit (the whole title is in the SVG's <title>): a server has no fonts to measure text with.
      text: shortened(title, Math.floor(width / 9)),
      textStyle: { fontSize: 15, fontFamily: 'arial, sans-serif', color: TARGET_COLOUR },
    },
    legend: { show: hasTargets, right: 0, top: 34, textStyle: { fontFamily: 'arial, sans-serif' } },
    grid: { left: 70, right: 20, top: 75, bottom: 60 },
    ...periodAxes(labels, unit, decimals),
    series,
  });
  return withTitle(svg, title, input.description ?? title);
}

export interface SparklineInput {
  values: (number | null)[];
  width?: number;
  height?: number;
}

/**
 * A tiny trend line for a table row (kept by its input in kept-charts.ts). Decorative: the figures are in the same
 * row, so screen readers skip it.
 */
export function sparklineSvg({ values, width = 90, height = 28 }: SparklineInput): string {
  if (values.every((v) => v == null)) return '';
  return drawSparkline(values, width, height);
}

function drawSparkline(values: (number | null)[], width: number, height: number): string {
  const svg = render(width, height, {
    animation: false,
    grid: { left: 2, right: 2, top: 3, bottom: 3 },
    xAxis: { type: 'category', show: false, data: values.map((_, i) => String(i)), boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: values,
        color: VALUE_COLOUR,
        lineStyle: { width: 2 },
        symbol: 'none',
        silent: true,
        connectNulls: true,
      },
    ],
  });
  return svg
    .replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"')
    .replace(/\saria-label="[^"]*"/, '');
}

export function render(width: number, height: number, option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** role="img" with a <title> and <desc> makes the SVG one image with a name to assistive technology. */
export function withTitle(svg: string, title: string, description: string): string {
  const opening = /^<svg\b[^>]*>/.exec(svg);
  if (!opening) return svg;
  const tag = opening[0].replace(/\srole="[^"]*"/, '').replace(/\saria-label="[^"]*"/, '');
  const named = tag.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeXml(title)}"`);
  return `${named}<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>${svg.slice(opening[0].length)}`;
}

export function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function axisFigure(value: number, unit: Unit, decimals: number): string {
  // Axis ticks are round numbers; printing the unit on each one would crowd the axis, so it is named once.
  return unit === 'gbp'
    ? formatValue(value, 'gbp', 0)
    : formatValue(value, 'number', Number.isInteger(value) ? 0 : Math.min(decimals, 2));
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The axes every figures-over-time chart shares: periods along the bottom, the unit's figures up the side. */
export function periodAxes(labels: string[], unit: Unit, decimals: number) {
  return {
    xAxis: {
      type: 'category' as const,
      data: labels,
      name: 'Period',
      nameLocation: 'middle' as const,
      nameGap: 35,
      axisLabel: { hideOverlap: true, color: TARGET_COLOUR },
    },
    yAxis: {
      type: 'value' as const,
      name: UNIT_AXIS_NAMES[unit],
      nameLocation: 'middle' as const,
      nameGap: 55,
      scale: true,
      axisLabel: { color: TARGET_COLOUR, formatter: (v: number) => axisFigure(v, unit, decimals) },
    },
  };
}
