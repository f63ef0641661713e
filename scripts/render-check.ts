// A quick local check of the report renderers' speed: a report of N measures (200 by default), each with 24
// months of figures and its own XmR chart, rendered in each format in a fresh process, printing time and peak RSS.
// Not a benchmark of record (bench/report.ts builds the model from the database); run it after changing a renderer:
//   npx tsx scripts/render-check.ts [measures] [docx|pdf|xlsx|csv ...]
// With NO_CHARTS=1 the measures have no charts, which separates the cost of laying out from that of drawing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assessSpc, formatValue } from '../src/assessment/index.ts';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../src/reporting/reports/render/index.ts';
import { aReportModel } from '../src/reporting/reports/report-model.fixtures.ts';
import type { ReportMeasure, ReportModel } from '../src/reporting/reports/report-model.ts';
import { xmrChartSvg } from '../src/reporting/xmr-chart.ts';

function manyMeasures(count: number): ReportModel {
  const base = aReportModel();
  const template = base.exceptions[0];
  if (!template) throw new Error('the fixture has no exception to copy');
  const measures: ReportMeasure[] = Array.from({ length: count }, (_, n) => {
    const values = Array.from({ length: 24 }, (_, i) => 60 + 10 * Math.sin((i + n) / 3) + ((i * 7 + n) % 5));
    const labels = values.map((_, i) => `M${i + 1} ${2025 + Math.floor(i / 12)}`);
    const result = assessSpc({ values, polarity: 'up', target: 70 });
    const code = `SYN-${String(n + 1).padStart(3, '0')}`;
    const history = values.map((value, i) => ({
      period: `p${i}`,
      label: labels[i] ?? '',
      value,
      display: formatValue(value, 'percent', 1),
      target: 70,
    }));
    return {
      ...template,
      code,
      title: `Synthetic measure ${n + 1}`,
      history,
      period: 'p23',
      chartSvg: process.env.NO_CHARTS
        ? null
        : xmrChartSvg({
            title: `${code} Synthetic measure ${n + 1}: XmR chart`,
            result,
            labels,
            target: 70,
            unit: 'percent',
            decimals: 1,
            description: `Synthetic measure ${n + 1}, 24 months`,
          }),
    };
  });
  const exceptions = measures.slice(0, Math.ceil(count / 10));
  const rest = measures.slice(exceptions.length);
  const groups = Array.from({ length: 8 }, (_, g) => ({
    title: `Outcome ${g + 1}`,
    subtitle: `Priority ${Math.floor(g / 2) + 1}`,
    measures: rest.filter((_, i) => i % 8 === g),
  }));
  return { ...base, exceptions, groups };
}

async function renderOnce(count: number, format: ReportFormat): Promise<void> {
  const model = manyMeasures(count);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { body } = await renderReport(model, format);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${format.padEnd(5)} ${seconds.toFixed(2).padStart(6)} s (CPU ${cpuSeconds.toFixed(2)} s)  peak RSS ${peakMb.toFixed(0).padStart(4)} MB  ${(body.length / 1024 / 1024).toFixed(1)} MB`,
  );
}

const [countArg, ...formatArgs] = process.argv.slice(2);
const count = Number(countArg ?? 200);
if (!Number.isInteger(count) || count < 0) throw new Error(`measures: a whole number, not "${countArg}"`);
const formats = formatArgs.length > 0 ? formatArgs : [...REPORT_FORMATS];
for (const format of formats) {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`format: one of ${REPORT_FORMATS.join(', ')}, not "${format}"`);
  }
}

if (process.env.RENDER_CHECK_CHILD === '1') {
  await renderOnce(count, formats[0] as ReportFormat);
} else {
  console.log(`${count} measures, each with its own chart:`);
  for (const format of formats) {
    // A fresh process per format, so each peak RSS is that format's own.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), String(count), format],
      {
        stdio: 'inherit',
        env: { ...process.env, RENDER_CHECK_CHILD: '1' },
      },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
