// SQL for uploads: the measures a file names and whether the uploader reaches them, the figures it would
// replace (one query each, however long the file), and the uploads table's rows.
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { EntryMeasure, Tx } from '../values.queries.ts';

export type UploadMeasure = EntryMeasure & { in_reach: boolean };

/** The council's measures with these codes, each marked with whether the reach covers it. */
export async function measuresNamed(
  db: Db | Tx,
  councilId: string,
  codes: readonly string[],
  reach: ServiceReach,
): Promise<Map<string, UploadMeasure>> {
  const ids = reach === null ? null : [...reach];
  const result = await sql<UploadMeasure>`
    SELECT m.id, m.code, m.title, m.unit, m.decimals, m.polarity, m.frequency, m.accumulation, m.calculation_type,
      m.numerator_label, m.denominator_label, m.formula, m.status,
      (${ids}::bigint[] IS NULL OR m.lead_service_id = ANY(${ids}::bigint[])
        OR EXISTS (SELECT 1 FROM measure_services ms
                   WHERE ms.measure_id = m.id AND ms.service_id = ANY(${ids}::bigint[]))) AS in_reach
    FROM measures m WHERE m.council_id = ${councilId} AND m.code = ANY(${codes}::text[])`.execute(db);
  return new Map(result.rows.map((m) => [m.code, m]));
}

/** For a provider login, its own figures of the measures asked of it, as 'measureId|provider:CODE'; else none. */
export async function figuresAskedOf(db: Db | Tx, user: CurrentUser): Promise<Set<string>> {
  if (user.role !== 'provider') return new Set();
  const result = await sql<{ figure: string }>`
    SELECT pm.measure_id || '|provider:' || p.code AS figure
    FROM user_scopes us
    JOIN providers p ON p.id = us.scope_id
    JOIN provider_measures pm ON pm.provider_id = p.id
    WHERE us.user_id = ${user.id} AND us.scope_type = 'provider' AND p.council_id = ${user.councilId}`.execute(
    db,
  );
  return new Set(result.rows.map((r) => r.figure));
}

export interface ExistingFigure {
  id: string;
  measure_id: string;
  period: string;
  breakdown: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  status: string;
  version: number;
}

export function figureKey(measureId: string, period: string, breakdown: string): string {
  return `${measureId}\u0000${period}\u0000${breakdown}`;
}

/** The stored figures at these (measure, period, breakdown) keys; in a commit, locked until it ends. */
export async function existingFigures(
  db: Db | Tx,
  keys: readonly { measureId: string; period: string; breakdown: string }[],
  lock: boolean,
): Promise<Map<string, ExistingFigure>> {
  if (keys.length === 0) return new Map();
  const result = await sql<ExistingFigure>`
    SELECT dv.id, dv.measure_id, dv.period, dv.breakdown, dv.value, dv.numerator, dv.denominator, dv.commentary,
      dv.status, dv.version
    FROM data_values dv
    -- One JSON text for the keys: the driver would build three 100,000-element array literals piece by piece.
    JOIN json_to_recordset(${JSON.stringify(keys)}::json) AS k("measureId" bigint, period text, breakdown text)
      ON dv.measure_id = k."measureId" AND dv.period = k.period AND dv.breakdown = k.breakdown
    ${lock ? sql`FOR UPDATE OF dv` : sql``}`.execute(db);
  return new Map(result.rows.map((r) => [figureKey(String(r.measure_id), r.period, r.breakdown), r]));
}

export interface UploadRecord {
  id: string;
  file_name: string;
  sha256: string;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  committed_at: Date | null;
  rows: number;
  outcome: 'previewed' | 'committed';
}

const recordColumns = sql`u.id, u.file_name, u.sha256, u.uploaded_by, u.uploaded_at, u.committed_at, u.rows,
  u.outcome, (SELECT display_name FROM users WHERE id = u.uploaded_by) AS uploaded_by_name`;

/** The upload committed with these bytes (a file's or a batch's SHA-256), if any. */
export function committedUpload(
  db: Db | Tx,
  councilId: string,
  sha256: string,
): Promise<UploadRecord | undefined> {
  return committedWhere(db, councilId, sql`u.sha256 = ${sha256}`);
}

/** The batch an API client committed under this Idempotency-Key, if any. */
export function uploadWithKey(
  db: Db | Tx,
  councilId: string,
  key: string,
): Promise<UploadRecord | undefined> {
  return committedWhere(db, councilId, sql`u.idempotency_key = ${key}`);
}

async function committedWhere(
  db: Db | Tx,
  councilId: string,
  which: RawBuilder<unknown>,
): Promise<UploadRecord | undefined> {
  const result = await sql<UploadRecord>`
    SELECT ${recordColumns} FROM uploads u
    WHERE u.council_id = ${councilId} AND ${which} AND u.outcome = 'committed'`.execute(db);
  return result.rows[0];
}

/** Keeps a previewed file's bytes for its commit; previews nobody committed within a day are cleared out. */
export async function keepPreviewed(
  db: Db,
  upload: {
    councilId: string;
    fileName: string;
    sha256: string;
    userId: string;
    rows: number;
    content: Buffer;
  },
): Promise<string> {
  await sql`DELETE FROM uploads WHERE outcome = 'previewed' AND uploaded_at < now() - interval '1 day'`.execute(
    db,
  );
  const row = await db
    .insertInto('uploads')
    .values({
      council_id: upload.councilId,
      file_name: upload.fileName,
      sha256: upload.sha256,
      uploaded_by: upload.userId,
      rows: upload.rows,
      outcome: 'previewed',
      content: upload.content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** A previewed file of this user's, with its bytes; undefined when there is none (or it is someone else's). */
export async function previewedUpload(
  db: Db,
  councilId: string,
  userId: string,
  id: string,
): Promise<{ file_name: string; sha256: string; content: Buffer } | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const row = await db
    .selectFrom('uploads')
    .select(['file_name', 'sha256', 'content'])
    .where('id', '=', id as never)
    .where('council_id', '=', councilId)
    .where('uploaded_by', '=', userId)
    .where('outcome', '=', 'previewed')
    .executeTakeFirst();
  return row?.content ? { file_name: row.file_name, sha256: row.sha256, content: row.content } : undefined;
}

/** Records a commit: the previewed row becomes the committed one, or (from the CLI) a new row is written. */
export async function recordCommitted(
  tx: Tx,
  upload: {
    councilId: string;
    fileName: string;
    sha256: string;
    userId: string;
    rows: number;
    previewId?: string;
    idempotencyKey?: string;
  },
): Promise<string> {
  if (upload.previewId) {
    const row = await tx
      .updateTable('uploads')
      .set({ outcome: 'committed', committed_at: sql<Date>`now()`, rows: upload.rows, content: null })
      .where('id', '=', upload.previewId as never)
      .where('outcome', '=', 'previewed')
      .returning('id')
      .executeTakeFirst();
    if (row) return String(row.id);
  }
  const row = await tx
    .insertInto('uploads')
    .values({
      council_id: upload.councilId,
      file_name: upload.fileName,
      sha256: upload.sha256,
      uploaded_by: upload.userId,
      rows: upload.rows,
      outcome: 'committed',
      committed_at: sql<Date>`now()`,
      idempotency_key: upload.idempotencyKey ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** One of the council's uploads, for the page that reports a commit. */
export async function uploadById(db: Db, councilId: string, id: string): Promise<UploadRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<UploadRecord>`
    SELECT ${recordColumns} FROM uploads u WHERE u.council_id = ${councilId} AND u.id = ${id}`.execute(db);
  return result.rows[0];
}
