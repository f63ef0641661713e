// The ranked chart of a comparison, drawn on the server with ECharts as SVG like every other chart: one bar per
// council, best first, ours in a different colour and pattern-free but labelled, the median as a dashed line.
import { BarChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { render, TARGET_COLOUR, VALUE_COLOUR, withTitle } from '../reporting/charts.ts';

echarts.use([BarChart, MarkLineComponent]);

// GOV.UK orange for us against light blue for the rest: they differ in lightness as well as hue.
const US_COLOUR = '#d4351c';
const PEER_COLOUR = '#5694ca';

export interface RankedBar {
  name: string;
  value: number;
  us: boolean;
}

export function rankedChartSvg(input: {
  title: string;
  description: string;
  bars: RankedBar[];
  median: number | null;
  width?: number;
}): string {
  const { bars, width = 720 } = input;
  const height = Math.max(160, 28 * bars.length + 60);
  const svg = render(width, height, {
    animation: false,
    grid: { left: 200, right: 40, top: 20, bottom: 30 },
    xAxis: { type: 'value', scale: false, axisLabel: { color: TARGET_COLOUR } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => (b.us ? `${b.name} (us)` : b.name)),
      axisLabel: { color: TARGET_COLOUR, width: 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.us ? US_COLOUR : PEER_COLOUR } })),
        barMaxWidth: 20,
        markLine:
          input.median === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: VALUE_COLOUR, type: 'dashed', width: 2 },
                label: { formatter: 'Median', color: TARGET_COLOUR },
                data: [{ xAxis: input.median }],
              },
      },
    ],
  });
  return withTitle(svg, input.title, input.description);
}
