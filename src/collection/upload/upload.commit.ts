// Commits a file (or an API batch) of figures in ONE transaction — all or nothing — through the entry form's writes (the value,
// its revision, the audit row, the formula measures worked out again), recording the upload as provenance. The
// same file committed again by the same council changes nothing and says so.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, ValidationError } from '../../web/errors.ts';
import { parsePeriod } from '../../assessment/index.ts';
import { measuresReadByFormulas } from '../formula-figures.queries.ts';
import { recordRuleFindings } from '../quality/findings.queries.ts';
import { warningsIn } from '../rules/verdict.ts';
import { recalculateAfterSave } from '../formula-figures.service.ts';
import {
  insertAudit,
  insertRevision,
  insertNewValues,
  keepCurrentRevision,
  updateValue,
  type Tx,
  type ValueWrite,
  type NewFigure,
} from '../values.queries.ts';
import { audited } from '../values.service.ts';
import { readUploadFile } from './file-read.ts';
import type { UploadLimits } from './limits.ts';
import { previewRows, type PlannedWrite, type UploadProgress } from './upload.preview.ts';
import { committedUpload, recordCommitted, uploadWithKey, type UploadRecord } from './upload.queries.ts';
import type { ReadRows } from './rows-read.ts';

export interface UploadFile {
  fileName: string;
  bytes: Buffer;
}

export type CommitResult =
  | { outcome: 'committed'; uploadId: string; written: number; unchanged: number }
  | { outcome: 'already_committed'; upload: UploadRecord };

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function commitUpload(
  db: Db,
  user: CurrentUser,
  file: UploadFile,
  limits: UploadLimits,
  previewId?: string,
  progress?: UploadProgress,
): Promise<CommitResult> {
  const read = await readUploadFile(file.bytes, limits);
  return commitRows(db, user, read, {
    fileName: file.fileName,
    sha256: sha256Of(file.bytes),
    source: 'upload',
    previewId,
    progress,
  });
}

/** Where a set of rows came from: a file (its name and hash) or an API batch (its hash and Idempotency-Key). */
export interface RowsProvenance {
  fileName: string;
  sha256: string;
  source: 'upload' | 'api';
  previewId?: string;
  idempotencyKey?: string;
  progress?: UploadProgress;
}

/** The same key sent again with other figures: the sender has mixed up two batches, and nothing is written. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor(key: string) {
    const message = `Idempotency-Key '${key}' was already used for a different batch of figures; send a new key for a new batch`;
    super(message, [{ field: 'Idempotency-Key', message }]);
  }
}

export async function commitRows(
  db: Db,
  user: CurrentUser,
  read: ReadRows,
  provenance: RowsProvenance,
): Promise<CommitResult> {
  const { sha256, source } = provenance;
  return db.transaction().execute(async (tx) => {
    // Two commits of the same rows queue here, so the second sees the first and writes nothing.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`upload:${user.councilId}:${sha256}`}, 0))`.execute(
      tx,
    );
    if (provenance.idempotencyKey) {
      const key = provenance.idempotencyKey;
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`batch:${user.councilId}:${key}`}, 0))`.execute(
        tx,
      );
      const keyed = await uploadWithKey(tx, user.councilId, key);
      if (keyed && keyed.sha256 !== sha256) throw new IdempotencyKeyReusedError(key);
      if (keyed) return { outcome: 'already_committed', upload: keyed };
    }
    const earlier = await committedUpload(tx, user.councilId, sha256);
    if (earlier) return { outcome: 'already_committed', upload: earlier };

    // Checked again inside the transaction, with the figures it replaces locked: the preview may be old.
    // Only the problem rows are described: the commit needs the first error's message, not 100,000 "new figure"s.
    const preview = await previewRows(tx, user, read, {
      lock: true,
      progress: provenance.progress,
      acceptedRowsKept: 0,
    });
    if (preview.counts.error > 0) {
      const first = preview.rows.find((r) => r.status === 'error')?.messages[0]?.text ?? '';
      throw new ValidationError(
        `The file has ${preview.counts.error} ${preview.counts.error === 1 ? 'row' : 'rows'} with errors, so nothing was written (the first: ${first}). Correct them and upload the file again.`,
        [{ field: 'file', message: first }],
      );
    }
    const uploadId = await recordCommitted(tx, {
      councilId: user.councilId,
      fileName: provenance.fileName,
      sha256,
      userId: user.id,
      rows: read.rows.length,
      previewId: provenance.previewId,
      idempotencyKey: provenance.idempotencyKey,
    });
    // New figures go in as set work, a batch at a time; a figure that replaces one goes through the single write.
    const fresh = preview.writes.filter((w) => !w.existing);
    for (let at = 0; at < fresh.length; at += BATCH) {
      provenance.progress?.('writing', at, preview.writes.length);
      const batch = fresh.slice(at, at + BATCH);
      const inserted = await insertNewValues(
        tx,
        {
          councilId: user.councilId,
          userId: user.id,
          status: 'submitted',
          source,
          sourceRef: uploadId,
        },
        batch.map(newFigure),
      );
      if (inserted !== batch.length) throw raced(batch[0] as PlannedWrite);
    }
    for (const w of preview.writes) if (w.existing) await writeFigure(tx, user, { uploadId, source }, w);
    // As on the entry form: a soft rule's warning becomes an open finding, with the row's commentary as the answer;
    // a replaced figure's rule findings are resolved. Only those rows: a plain new figure has none to touch.
    for (const w of preview.writes) {
      const warnings = warningsIn(w.qualityFlags);
      if (w.existing || warnings.length > 0)
        await recordRuleFindings(tx, {
          user,
          measureId: w.measure.id,
          period: parsePeriod(w.period),
          breakdown: w.breakdown,
          warnings,
          explanation: w.figure.commentary,
        });
    }
    provenance.progress?.('writing', preview.writes.length, preview.writes.length);
    const readByFormulas = await measuresReadByFormulas(
      tx,
      // Each measure once: a file of 100,000 figures names a few thousand measures.
      [...new Set(preview.writes.filter((w) => w.breakdown === '').map((w) => w.measure.id))],
    );
    const recalculate = new Map<string, { measureId: string; period: string }>();
    for (const w of preview.writes)
      if (w.breakdown === '' && readByFormulas.has(w.measure.id))
        recalculate.set(`${w.measure.id}:${w.period}`, { measureId: w.measure.id, period: w.period });
    // After every figure of the file is in, so a formula reading two of them is worked out once from both.
    for (const { measureId, period } of recalculate.values())
      await recalculateAfterSave(tx, { councilId: user.councilId, userId: user.id }, measureId, period);
    return {
      outcome: 'committed',
      uploadId,
      written: preview.writes.length,
      unchanged: read.rows.length - preview.writes.length,
    };
  });
}

/** New figures per statement: large enough to make the round trips few, small enough to keep each plan quick. */
const BATCH = 1000;

function newFigure(w: PlannedWrite): NewFigure {
  return {
    measureId: w.measure.id,
    measureCode: w.measure.code,
    period: w.period,
    periodStart: w.periodStart,
    periodEnd: w.periodEnd,
    breakdown: w.breakdown,
    value: w.figure.value,
    numerator: w.figure.numerator,
    denominator: w.figure.denominator,
    commentary: w.figure.commentary,
    qualityFlags: w.qualityFlags,
  };
}

/** Replaces a figure already there: a new revision of it, audited with what it was. */
async function writeFigure(
  tx: Tx,
  user: CurrentUser,
  { uploadId, source }: { uploadId: string; source: RowsProvenance['source'] },
  w: PlannedWrite,
): Promise<void> {
  const write: ValueWrite = {
    councilId: user.councilId,
    measureId: w.measure.id,
    period: w.period,
    periodStart: w.periodStart,
    periodEnd: w.periodEnd,
    breakdown: w.breakdown,
    value: w.figure.value,
    numerator: w.figure.numerator,
    denominator: w.figure.denominator,
    commentary: w.figure.commentary,
    qualityFlags: w.qualityFlags,
    status: 'submitted',
    source,
    sourceRef: uploadId,
    userId: user.id,
  };
  const existing = w.existing;
  if (!existing) throw new Error(`row ${w.row} has no figure to replace`);
  await keepCurrentRevision(tx, existing.id);
  const updated = await updateValue(tx, existing.id, existing.version, write);
  if (!updated) throw raced(w);
  await insertRevision(tx, user.councilId, updated, source, user.id, uploadId);
  await insertAudit(tx, {
    councilId: user.councilId,
    userId: user.id,
    action: 'value.update',
    entityId: updated.id,
    before: {
      measure: w.measure.code,
      period: w.period,
      breakdown: w.breakdown,
      value: existing.value,
      numerator: existing.numerator,
      denominator: existing.denominator,
      commentary: existing.commentary,
      status: existing.status,
      version: existing.version,
    },
    after: audited(w.measure, updated),
  });
}

function raced(w: PlannedWrite): ConflictError {
  const message = `row ${w.row}: someone else saved a figure for ${w.measure.code} ${w.period} while the file was being committed, so nothing was written. Preview the file again to see their figure.`;
  return new ConflictError(message, [{ field: 'file', message }]);
}
