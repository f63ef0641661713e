// A published report's files, rendered once and kept: a published report is frozen (its content never changes,
// and any change of content moves its version), so the file a reader downloads is the one rendered for the first.
// Word and PDF take seconds of CPU each; rendering them per download let a few readers hold up everyone else.
import type { ReportRow } from '../report-rows.queries.ts';
import type { ReportModel } from '../report-model.ts';
import { Kept } from '../../kept.ts';
import { renderReport, type RenderedReport, type ReportFormat } from './index.ts';

// 64 MiB holds every format of a few dozen committee papers; past it the least recently read are rendered again.
const keptFiles = new Kept<RenderedReport>(64 * 2 ** 20, (file) => file.body.length);

type FileRow = Pick<ReportRow, 'id' | 'council_id' | 'version' | 'status' | 'published_at'>;

/**
 * The report's file in this format: kept when the report is published, rendered afresh while it is a draft.
 * `model` is read only when the file is rendered: a report's content is up to a megabyte or more of JSON.
 */
export async function reportFile(
  row: FileRow,
  format: ReportFormat,
  model: () => Promise<ReportModel>,
): Promise<RenderedReport> {
  if (row.status !== 'published' || !row.published_at) return renderReport(await model(), format);
  // Everything the file depends on: which report, its content's version, when it was frozen.
  const key = [row.council_id, row.id, row.version, row.published_at.toISOString(), format].join(':');
  return keptFiles.get(key, async () => renderReport(await model(), format));
}
