// What the uploads page shows: a preview as table rows (problems first, a long file cut to what a person can
// read), the error summary's links to the rows in error, and what happened after a commit.
import type { CurrentUser } from '../../access/current-user.ts';
import type { Db } from '../../db/connection.ts';
import { formatDateTime } from '../../web/filters.ts';
import { shownRows } from './limits.ts';
import type { PreviewedFile } from './upload.service.ts';
import { uploadById } from './upload.queries.ts';

export interface UploadsView {
  problem?: string;
  preview?: {
    fileName: string;
    sha256: string;
    uploadId: string | null;
    counts: PreviewedFile['preview']['counts'];
    fileWarnings: string[];
    rows: {
      row: number;
      measureCode: string;
      period: string;
      breakdown: string;
      status: string;
      text: string;
    }[];
    hidden: number;
    errorLinks: { href: string; text: string }[];
    alreadyCommitted: string | null;
  };
  /** Shown by the layout's success banner. */
  flash?: string;
}

export function previewPage(previewed: PreviewedFile): UploadsView {
  const { preview } = previewed;
  const order = { error: 0, warning: 1, accepted: 2 } as const;
  // The preview holds every problem row and only the first accepted ones: enough to fill the page.
  const sorted = [...preview.rows].sort((a, b) => order[a.status] - order[b.status] || a.row - b.row);
  const shown = sorted.slice(0, shownRows);
  const errors = preview.rows.filter((r) => r.status === 'error');
  return {
    preview: {
      fileName: previewed.fileName,
      sha256: previewed.sha256,
      uploadId: previewed.uploadId,
      counts: preview.counts,
      fileWarnings: preview.fileWarnings,
      rows: shown.map((r) => ({
        row: r.row,
        measureCode: r.measureCode,
        period: r.period,
        breakdown: r.breakdown,
        status: r.status,
        text: r.messages.map((m) => m.text).join('; '),
      })),
      hidden: preview.total - shown.length,
      errorLinks: errors.slice(0, 20).map((r) => ({
        href: `#row-${r.row}`,
        text: r.messages.map((m) => m.text).join('; '),
      })),
      alreadyCommitted: previewed.alreadyCommitted
        ? `This file was already committed on ${formatDateTime(previewed.alreadyCommitted.committed_at ?? previewed.alreadyCommitted.uploaded_at)}${previewed.alreadyCommitted.uploaded_by_name ? ` by ${previewed.alreadyCommitted.uploaded_by_name}` : ''}: committing it again would change nothing.`
        : null,
    },
  };
}

export async function uploadsPage(
  db: Db,
  user: CurrentUser,
  query: { committed?: string; already?: string },
): Promise<UploadsView> {
  const id = query.committed ?? query.already;
  const upload = id ? await uploadById(db, user.councilId, id) : undefined;
  if (!upload || upload.outcome !== 'committed') return {};
  if (query.committed) {
    return {
      flash: `${upload.file_name} is committed: its ${upload.rows} ${upload.rows === 1 ? 'row is' : 'rows are'} stored as submitted figures (upload ${upload.id}).`,
    };
  }
  return {
    flash: `${upload.file_name} was already committed on ${formatDateTime(upload.committed_at ?? upload.uploaded_at)}${upload.uploaded_by_name ? ` by ${upload.uploaded_by_name}` : ''} (upload ${upload.id}): nothing has changed.`,
  };
}
