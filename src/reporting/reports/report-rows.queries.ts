// SQL for the reports table: a report's row by set and period, its progress as the job works, its content when
// generated, and the published reports listed per audience.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ReportAudience, ReportStatus } from '../../db/schema.ts';

export interface ReportRow {
  id: string;
  council_id: string;
  report_set_id: string;
  set_name: string;
  set_title: string;
  audience: ReportAudience;
  period: string;
  status: ReportStatus;
  progress: number;
  progress_note: string;
  error: string;
  content: unknown;
  requested_at: Date;
  generated_at: Date | null;
  published_at: Date | null;
  published_by_name: string | null;
  version: number;
}

/** Reports with their set and publisher; without their content, which only a report's own page needs. */
function reportRows(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_sets as rs', 'rs.id', 'r.report_set_id')
    .leftJoin('users as pu', 'pu.id', 'r.published_by')
    .select([
      'r.id',
      'r.council_id',
      'r.report_set_id',
      'rs.name as set_name',
      'rs.title as set_title',
      'rs.audience',
      'r.period',
      'r.status',
      'r.progress',
      'r.progress_note',
      'r.error',
      'r.requested_at',
      'r.generated_at',
      'r.published_at',
      'pu.display_name as published_by_name',
      'r.version',
    ]);
}

function selectReports(db: Db) {
  return reportRows(db).select('r.content');
}

export function findReport(
  db: Db,
  councilId: string,
  setName: string,
  period: string,
): Promise<ReportRow | undefined> {
  return selectReports(db)
    .where('r.council_id', '=', councilId)
    .where('rs.name', '=', setName)
    .where('r.period', '=', period)
    .executeTakeFirst();
}

/** The report of a set for a period without its content (a download of a kept file needs none of it). */
export function findReportRow(
  db: Db,
  councilId: string,
  setName: string,
  period: string,
): Promise<Omit<ReportRow, 'content'> | undefined> {
  return reportRows(db)
    .where('r.council_id', '=', councilId)
    .where('rs.name', '=', setName)
    .where('r.period', '=', period)
    .executeTakeFirst();
}

/** A report's content (its model, as JSON): up to a megabyte or more, read only when it is to be rendered. */
export async function reportContent(db: Db, id: string): Promise<unknown> {
  const row = await db.selectFrom('reports').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content ?? null;
}

export function findReportById(db: Db, id: string): Promise<ReportRow | undefined> {
  return selectReports(db).where('r.id', '=', id).executeTakeFirst();
}

/** Every report of the council without its content, newest first: the list page. */
export function reportsOf(db: Db, councilId: string): Promise<Omit<ReportRow, 'content'>[]> {
  return reportRows(db)
    .where('r.council_id', '=', councilId)
    .orderBy('r.published_at', (ob) => ob.desc().nullsFirst())
    .orderBy('r.requested_at', 'desc')
    .execute();
}

/** Queues (or queues again) the report of a set for a period; null when that report is published (frozen). */
export async function queueReportRow(
  db: Db,
  r: { councilId: string; setId: string; period: string; userId: string },
): Promise<{ id: string; version: number } | null> {
  const result = await sql<{ id: string; version: number }>`
    INSERT INTO reports (council_id, report_set_id, period, status, requested_by)
    VALUES (${r.councilId}, ${r.setId}, ${r.period}, 'queued', ${r.userId})
    ON CONFLICT (report_set_id, period) DO UPDATE
      SET status = 'queued', progress = 0, progress_note = '', error = '', content = NULL,
          requested_by = EXCLUDED.requested_by, requested_at = now(), generated_at = NULL,
          version = reports.version + 1
      WHERE reports.status <> 'published'
    RETURNING id, version`.execute(db);
  return result.rows[0] ?? null;
}

export async function recordProgress(db: Db, id: string, percent: number, note: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ status: 'generating', progress: percent, progress_note: note })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'generating'])
    .execute();
}

export async function recordGenerated(db: Db, id: string, content: unknown): Promise<void> {
  await db
    .updateTable('reports')
    .set({
      status: 'ready',
      progress: 100,
      progress_note: 'Ready',
      content: JSON.stringify(content),
      generated_at: new Date(),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'generating'])
    .execute();
}

export async function recordFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ status: 'failed', error, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'generating'])
    .execute();
}

/** Freezes a ready report at the version the publisher saw; returns false when it had moved on. */
export async function publishReportRow(
  db: Db,
  r: { id: string; version: number; userId: string; at: Date; content: unknown },
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({
      status: 'published',
      published_by: r.userId,
      published_at: r.at,
      content: JSON.stringify(r.content),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', r.id)
    .where('status', '=', 'ready')
    .where('version', '=', r.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
