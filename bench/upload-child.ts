// The upload benchmark's measured part, alone in its own process: the web upload's two steps (previewFile, then
// commitPreviewed) on a CSV file, reporting its timings and its own peak RSS as one line of JSON on stdout.
// Started by upload.ts with `node --import tsx`, so the council's generation and the COPY do not count against it.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { CurrentUser } from '../src/access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../src/access/users.queries.ts';
import { connect, type Db } from '../src/db/connection.ts';
import { defaultLimits, type UploadLimits } from '../src/collection/upload/limits.ts';
import { commitPreviewed, previewFile } from '../src/collection/upload/upload.service.ts';
import { reportOnStdout, required as requiredSetting } from './child.ts';

/** What the child prints; upload.ts reads it back. RSS figures in bytes, times in milliseconds. */
export interface UploadChildReport {
  previewMs: number;
  commitMs: number;
  written: number;
  fileBytes: number;
  /** The process with its code loaded, connected, the officer found and the file read: before the upload starts. */
  rssBefore: number;
  peakRssByEndOfPreview: number;
  peakRss: number;
}

async function previewed(
  db: Db,
  user: CurrentUser,
  bytes: Buffer,
  limits: UploadLimits,
): Promise<{ uploadId: string; sha256: string }> {
  const { preview, uploadId, sha256 } = await previewFile(
    db,
    user,
    { fileName: 'bench.csv', bytes },
    limits,
    {
      keep: true,
    },
  );
  if (preview.counts.error > 0 || !uploadId)
    throw new Error(
      `the benchmark file has ${preview.counts.error} error rows: ${preview.rows.find((r) => r.status === 'error')?.messages[0]?.text}`,
    );
  return { uploadId, sha256 };
}

const required = (name: string) => requiredSetting(name, 'upload-child.ts');

async function main(): Promise<UploadChildReport> {
  const db = connect(required('DATABASE_URL'), { max: 2 });
  try {
    const userRow = await findUserByEmail(db, required('BENCH_UPLOAD_EMAIL'));
    if (!userRow) throw new Error('the benchmark council has no officer');
    const user = toCurrentUser(userRow, null);
    const rows = Number(required('BENCH_UPLOAD_ROWS'));
    const limits = { ...defaultLimits, maxRows: Math.max(defaultLimits.maxRows, rows) };
    // The file is read here, as the web server holds a request's body, and let go once it has been kept.
    let bytes: Buffer | null = await readFile(required('BENCH_UPLOAD_CSV'));
    const fileBytes = bytes.byteLength;
    const rssBefore = process.memoryUsage().rss;

    // As on the web, the preview is shown and let go before the commit (a request of its own) begins: only the
    // kept upload's id and hash outlive it.
    const previewStart = performance.now();
    const { uploadId, sha256 } = await previewed(db, user, bytes, limits);
    bytes = null;
    const previewMs = performance.now() - previewStart;
    const peakRssByEndOfPreview = process.resourceUsage().maxRSS * 1024;

    const commitStart = performance.now();
    const committed = await commitPreviewed(db, user, uploadId, sha256, limits);
    const commitMs = performance.now() - commitStart;
    if (committed.outcome !== 'committed') throw new Error('the benchmark file was committed before');
    return {
      previewMs,
      commitMs,
      written: committed.written,
      fileBytes,
      rssBefore,
      peakRssByEndOfPreview,
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await db.destroy();
  }
}

await reportOnStdout(main);
