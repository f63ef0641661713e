// `scorecard report --set NAME --period P --format F --out FILE`: a report set rendered for a period, from the
// command line. A published report is written from its frozen snapshot; otherwise the report is built now from the
// published figures (nothing is stored). --period defaults to the latest quarter with published figures.
import { writeFile } from 'node:fs/promises';
import { renderReport, type ReportFormat } from '../reporting/reports/render/index.ts';
import { reportHtml } from '../reporting/reports/render/html.ts';
import { buildReportModel } from '../reporting/reports/build-model.ts';
import type { ReportModel } from '../reporting/reports/report-model.ts';
import { findReport } from '../reporting/reports/report-rows.queries.ts';
import { checkedPeriod, defaultPeriod, findSet } from '../reporting/reports/reports.service.ts';
import { progressBar } from './progress.ts';
import { defaultCouncilId, withRuntime } from './runtime.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'csv', 'html'] as const;

export interface ReportOptions {
  set: string;
  period?: string;
  format: (typeof REPORT_FORMATS)[number];
  out: string;
  council?: string;
}

export async function reportCommand(options: ReportOptions): Promise<void> {
  await withRuntime(async ({ db }) => {
    const councilId = await defaultCouncilId(db, options.council);
    const set = await findSet(db, councilId, options.set);
    const period = options.period ? checkedPeriod(options.period) : await defaultPeriod(db, set);
    const published = await findReport(db, councilId, set.name, period);
    let model: ReportModel;
    if (published?.status === 'published') {
      model = published.content as ReportModel;
      console.error(`The ${set.title} report for ${period} is published: writing it as published.`);
    } else {
      const bar = progressBar();
      model = await buildReportModel(db, councilId, set, period, (percent) =>
        bar.update('reporting', percent, 100),
      );
      bar.stop();
      console.error(
        `The ${set.title} report for ${period} is not published: built now from the published figures.`,
      );
    }
    const body =
      options.format === 'html'
        ? Buffer.from(await reportHtml(model), 'utf8')
        : (await renderReport(model, options.format as ReportFormat)).body;
    await writeFile(options.out, body);
    console.log(
      `Wrote ${options.out} (${options.format}, ${body.byteLength.toLocaleString('en-GB')} bytes).`,
    );
  });
}
