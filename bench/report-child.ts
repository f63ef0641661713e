// The report benchmark's measured part, alone in its own process: a report set's model built from the database
// and rendered in one format, reporting its timings and its own peak RSS as one line of JSON on stdout.
// Started by report.ts compiled, as the app runs (bin/compile.mjs), so the council's generation does not count against it.
import { performance } from 'node:perf_hooks';
import { connect } from '../src/db/connection.ts';
import { buildReportModel } from '../src/reporting/reports/build-model.ts';
import { renderReport, type ReportFormat } from '../src/reporting/reports/render/index.ts';
import { findSet } from '../src/reporting/reports/reports.service.ts';
import { reportOnStdout, required as requiredSetting } from './child.ts';

export interface ReportChildReport {
  buildMs: number;
  renderMs: number;
  bytes: number;
  measures: number;
  charts: number;
  rssBefore: number;
  peakRss: number;
  /** CPU time of every thread of the process, build and render: steadier than wall time on a shared machine. */
  cpuMs: number;
}

const required = (name: string) => requiredSetting(name, 'report-child.ts');

async function main(): Promise<ReportChildReport> {
  const db = connect(required('DATABASE_URL'), { max: 4 });
  try {
    const councilId = required('BENCH_REPORT_COUNCIL');
    const set = await findSet(db, councilId, required('BENCH_REPORT_SET'));
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const buildStart = performance.now();
    const model = await buildReportModel(db, councilId, set, required('BENCH_REPORT_PERIOD'));
    const buildMs = performance.now() - buildStart;
    const renderStart = performance.now();
    const { body } = await renderReport(model, required('BENCH_REPORT_FORMAT') as ReportFormat);
    const renderMs = performance.now() - renderStart;
    const all = [...model.exceptions, ...model.groups.flatMap((g) => g.measures)];
    return {
      buildMs,
      renderMs,
      bytes: body.byteLength,
      measures: all.length,
      charts: all.filter((m) => m.chartSvg).length,
      rssBefore,
      peakRss: process.resourceUsage().maxRSS * 1024,
      cpuMs: cpuMs(process.cpuUsage(cpuBefore)),
    };
  } finally {
    await db.destroy();
  }
}

function cpuMs(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1000;
}

await reportOnStdout(main);
