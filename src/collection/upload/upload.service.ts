// The two steps a person takes with a file: preview it (checked, nothing written, its bytes kept for the
// commit) and commit what was previewed — the server re-reads the bytes it kept, never a copy from the browser.
import type { CurrentUser } from '../../access/current-user.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../web/errors.ts';
import { readUploadFile } from './file-read.ts';
import { shownRows, type UploadLimits } from './limits.ts';
import { commitUpload, sha256Of, type CommitResult, type UploadFile } from './upload.commit.ts';
import { previewRows, type Preview, type UploadProgress } from './upload.preview.ts';
import { committedUpload, keepPreviewed, previewedUpload, type UploadRecord } from './upload.queries.ts';

export interface PreviewedFile {
  fileName: string;
  sha256: string;
  preview: Preview;
  /** The kept copy the commit re-reads; absent when the file was committed before (nothing to do). */
  uploadId: string | null;
  alreadyCommitted: UploadRecord | null;
}

export async function previewFile(
  db: Db,
  user: CurrentUser,
  file: UploadFile,
  limits: UploadLimits,
  options: { keep: boolean; progress?: UploadProgress },
): Promise<PreviewedFile> {
  const read = await readUploadFile(file.bytes, limits);
  const sha256 = sha256Of(file.bytes);
  const preview = await previewRows(db, user, read, {
    lock: false,
    progress: options.progress,
    acceptedRowsKept: shownRows,
  });
  const alreadyCommitted = (await committedUpload(db, user.councilId, sha256)) ?? null;
  const uploadId =
    options.keep && !alreadyCommitted && preview.counts.error === 0
      ? await keepPreviewed(db, {
          councilId: user.councilId,
          fileName: file.fileName,
          sha256,
          userId: user.id,
          rows: read.rows.length,
          content: file.bytes,
        })
      : null;
  return { fileName: file.fileName, sha256, preview, uploadId, alreadyCommitted };
}

/** Commits a file this user previewed; the hash they saw must be the hash of the bytes kept. */
export async function commitPreviewed(
  db: Db,
  user: CurrentUser,
  uploadId: string,
  sha256: string,
  limits: UploadLimits,
): Promise<CommitResult & { fileName: string }> {
  const kept = await previewedUpload(db, user.councilId, user.id, uploadId);
  if (!kept) {
    const earlier = /^[0-9a-f]{64}$/.test(sha256)
      ? await committedUpload(db, user.councilId, sha256)
      : undefined;
    if (earlier) return { outcome: 'already_committed', upload: earlier, fileName: earlier.file_name };
    throw new NotFoundError('That preview has expired or was already committed: upload the file again');
  }
  if (kept.sha256 !== sha256) {
    throw ValidationError.field('sha256', 'The file committed is not the file previewed: upload it again');
  }
  const result = await commitUpload(
    db,
    user,
    { fileName: kept.file_name, bytes: kept.content },
    limits,
    uploadId,
  );
  return { ...result, fileName: kept.file_name };
}
