// A report's file for a reader: the same access as its page (drafts are the performance team's), the file kept once
// rendered for a published report, and the report's content read from the database only when it must be rendered.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../web/errors.ts';
import type { ReportModel } from './report-model.ts';
import { findReportRow, reportContent, type ReportRow } from './report-rows.queries.ts';
import { checkedPeriod } from './reports.service.ts';
import type { RenderedReport, ReportFormat } from './render/index.ts';
import { reportFile } from './render/published-files.ts';

export async function reportDownload(
  db: Db,
  user: CurrentUser,
  request: { setName: string; period: string; format: ReportFormat },
): Promise<{ row: Omit<ReportRow, 'content'>; file: RenderedReport }> {
  authorize(user, 'report.read');
  const row = await findReportRow(db, user.councilId, request.setName, checkedPeriod(request.period));
  if (!row || (row.status !== 'published' && user.role !== 'performance_officer'))
    throw new NotFoundError('There is no such report');
  const file = await reportFile(row, request.format, async () => {
    const model = (await reportContent(db, row.id)) as ReportModel | null;
    if (!model)
      throw new ConflictError('This report is not generated yet: wait until its page says it is ready');
    return model;
  });
  return { row, file };
}
