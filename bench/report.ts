// Times the CMT report of the 2,000-measure synthetic council restricted to 200 measures with charts: the model
// built from the published figures and rendered as Word, PDF, Excel and CSV, each in a process of its own
// (report-child.ts) so each format's peak RSS is its own.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { compiled } from '../bin/compile.mjs';
import { withFreshDatabase } from './cluster.ts';
import { generateCouncil } from './generate.ts';
import { figure, type BenchRow } from './measure.ts';
import type { ReportChildReport } from './report-child.ts';

export const title = 'CMT report: 200 measures with charts, each format';

const GOAL_SECONDS = 10;
const GOAL_PEAK_MIB = 500;
const MEASURES_IN_REPORT = 200;
const FORMATS = ['docx', 'pdf', 'xlsx', 'csv'] as const;
const repository = fileURLToPath(new URL('..', import.meta.url));

/** The child compiled as `scorecard` runs (bin/compile.mjs): plain Node, no TypeScript loader in the process. */
async function inChild(child: string, env: Record<string, string>): Promise<ReportChildReport> {
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(child)], {
    cwd: repository,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ReportChildReport;
}

export async function run(): Promise<BenchRow[]> {
  return withFreshDatabase(async ({ db, url }) => {
    // Three years of months: every measure has enough published figures for an XmR chart.
    const { councilId } = await generateCouncil(db, {
      measures: 2000,
      months: 36,
      seed: 20261127,
      databaseUrl: url,
    });
    const set = await db
      .insertInto('report_sets')
      .values({
        council_id: councilId,
        name: 'cmt',
        title: 'Corporate performance report',
        audience: 'cmt',
        year: '2026-27',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO report_set_measures (council_id, report_set_id, measure_id, position)
      SELECT ${councilId}, ${set.id}, id, (row_number() OVER (ORDER BY code))::int FROM measures
      WHERE council_id = ${councilId} AND calculation_type <> 'formula' ORDER BY code LIMIT ${MEASURES_IN_REPORT}`.execute(
      db,
    );
    const rows: BenchRow[] = [];
    const child = await compiled('bench/report-child.ts', { inline: ['echarts', 'zrender', 'tslib'] });
    for (const format of FORMATS) {
      const r = await inChild(child, {
        DATABASE_URL: url,
        BENCH_REPORT_COUNCIL: councilId,
        BENCH_REPORT_SET: 'cmt',
        BENCH_REPORT_PERIOD: '2026-27-Q2',
        BENCH_REPORT_FORMAT: format,
      });
      const seconds = (r.buildMs + r.renderMs) / 1000;
      const timed = format === 'docx' || format === 'pdf';
      if (format === 'docx') rows.push(figure('measures in the report (with a chart)', r.charts, 'measures'));
      rows.push(
        figure(`${format}: model built from the published figures`, r.buildMs / 1000, 's'),
        figure(`${format}: rendered`, r.renderMs / 1000, 's'),
        {
          ...figure(`${format}: total`, seconds, 's'),
          goal: timed ? `< ${GOAL_SECONDS}` : '',
          met: timed ? seconds < GOAL_SECONDS : null,
        },
        figure(
          `${format}: CPU time, every thread (steadier than wall time when the machine is shared)`,
          r.cpuMs / 1000,
          's',
        ),
        figure(`${format}: file size`, r.bytes / 2 ** 20, 'MiB'),
        {
          ...figure(`${format}: peak RSS of its process`, r.peakRss / 2 ** 20, 'MiB'),
          goal: timed ? `< ${GOAL_PEAK_MIB}` : '',
          met: timed ? r.peakRss / 2 ** 20 < GOAL_PEAK_MIB : null,
        },
      );
    }
    return rows;
  });
}
