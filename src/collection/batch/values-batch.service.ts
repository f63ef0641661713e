// A batch of figures from another system, through exactly the path an uploaded file takes: its rows are checked
// as a file's are (the same cells, duplicates and rules), previewed, and committed all or nothing under the
// sender's Idempotency-Key. The batch's hash is its provenance, as a file's is.
import { createHash } from 'node:crypto';
import type { CurrentUser } from '../../access/current-user.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError, type FieldProblem } from '../../web/errors.ts';
import { readRows, columns, type ReadRows } from '../upload/rows-read.ts';
import { commitRows } from '../upload/upload.commit.ts';
import { previewRows, type Preview } from '../upload/upload.preview.ts';
import type { BatchBody, BatchResponse } from './values-batch.schema.ts';

/** The batch as the rows of a file, numbered by their place in `values` (from 0), so messages name it. */
export function batchAsRows(body: BatchBody): ReadRows {
  const text = (v: string | number | null | undefined) => (v == null ? '' : String(v));
  return readRows({
    header: [...columns],
    rows: body.values.map((v, index) => ({
      row: index,
      cells: [
        v.measure,
        v.period,
        text(v.value),
        text(v.numerator),
        text(v.denominator),
        v.breakdown ?? '',
        v.commentary ?? '',
      ],
    })),
  });
}

/** The same figures in the same order hash the same, however the JSON was spaced. */
export function batchHash(body: BatchBody): string {
  return createHash('sha256').update(JSON.stringify(body.values)).digest('hex');
}

export async function receiveBatch(
  db: Db,
  user: CurrentUser,
  body: BatchBody,
  options: { dryRun: boolean; idempotencyKey: string | undefined },
): Promise<BatchResponse> {
  const read = batchAsRows(body);
  const preview = await previewRows(db, user, read);
  if (options.dryRun) return answer('dry_run', null, preview, preview.writes.length);
  if (!options.idempotencyKey) {
    const message =
      'Idempotency-Key: send a key naming this batch (a UUID will do), so a retried request is not applied twice';
    throw new ValidationError(message, [{ field: 'Idempotency-Key', message }]);
  }
  if (preview.counts.error > 0) throw rowErrors(preview);
  const result = await commitRows(db, user, read, {
    fileName: `API batch ${options.idempotencyKey}`,
    sha256: batchHash(body),
    source: 'api',
    idempotencyKey: options.idempotencyKey,
  });
  if (result.outcome === 'already_committed')
    return { ...answer('already_committed', result.upload.id, preview, 0), rows: [] };
  return answer('committed', result.uploadId, preview, result.written);
}

function answer(
  outcome: BatchResponse['outcome'],
  batchId: string | null,
  preview: Preview,
  written: number,
): BatchResponse {
  return {
    outcome,
    batchId: batchId == null ? null : String(batchId),
    written,
    unchanged: preview.total - preview.writes.length - preview.counts.error,
    counts: preview.counts,
    rows: preview.rows.map((r) => ({
      index: r.row,
      measure: r.measureCode,
      period: r.period,
      breakdown: r.breakdown,
      status: r.status,
      messages: r.messages.map((m) => addressed(r.row, m)),
    })),
  };
}

/** Every problem, addressed by its place in the JSON: values[3].value. */
function rowErrors(preview: Preview): ValidationError {
  const problems: FieldProblem[] = preview.rows
    .filter((r) => r.status === 'error')
    .flatMap((r) =>
      r.messages.map((m) => ({
        field: pathOf(r.row, m.column),
        message: addressed(r.row, m),
      })),
    );
  const count = preview.counts.error;
  return new ValidationError(
    `${count} ${count === 1 ? 'figure has' : 'figures have'} errors, so none of the batch was written (the first: ${problems[0]?.message ?? ''})`,
    problems,
  );
}

function pathOf(index: number, column: string): string {
  if (!column) return `values[${index}]`;
  return `values[${index}].${column === 'measure_code' ? 'measure' : column}`;
}

/** A file's "row 3, column value: …" becomes the JSON's "values[3].value: …". */
function addressed(index: number, message: { column: string; text: string }): string {
  return `${pathOf(index, message.column)}: ${message.text.replace(/^row \d+(, column \w+)?: /, '')}`;
}
