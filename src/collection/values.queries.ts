// SQL for data values: finding a measure and its figure, writing a figure with its revision and audit row, and
// reading the history and revisions. Writes take a transaction from the caller so they commit together.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database, MeasureRow, ValueStatus } from '../db/schema.ts';
import { measureServiceIds } from '../measures/measures.queries.ts';

export type Tx = Transaction<Database>;

export type EntryMeasure = Pick<
  MeasureRow,
  | 'id'
  | 'code'
  | 'title'
  | 'unit'
  | 'decimals'
  | 'polarity'
  | 'frequency'
  | 'accumulation'
  | 'calculation_type'
  | 'numerator_label'
  | 'denominator_label'
  | 'formula'
  | 'status'
> & {
  /** The lead service and every other service of the measure: what reach is judged against. */
  service_ids: string[];
};

export async function findMeasureByCode(
  db: Db,
  councilId: string,
  code: string,
): Promise<EntryMeasure | undefined> {
  return db
    .selectFrom('measures')
    .select([
      'id',
      'code',
      'title',
      'unit',
      'decimals',
      'polarity',
      'frequency',
      'accumulation',
      'calculation_type',
      'numerator_label',
      'denominator_label',
      'formula',
      'status',
      measureServiceIds('measures').as('service_ids'),
    ])
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface StoredValue {
  id: string;
  period: string;
  /** '' for the headline; 'provider:CODE' for a provider's own figure. */
  breakdown: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  status: ValueStatus;
  revision: number;
  version: number;
  revised_after_publication: boolean;
  /** When the figure was (last) published; kept through a correction until it is published again. */
  published_at: Date | null;
  /** Data-quality notes, e.g. why a calculated figure could not be worked out. */
  quality_flags: string[];
  /** form, api, demo, formula (calculated from other measures' figures) … */
  source: string;
  updated_at: Date;
  updated_by_name: string | null;
}

export const storedColumns = sql`dv.id, dv.period, dv.breakdown, dv.value, dv.numerator, dv.denominator, dv.commentary, dv.status,
  dv.revision, dv.version, dv.revised_after_publication, dv.published_at, dv.quality_flags, dv.source, dv.updated_at,
  (SELECT u.display_name FROM users u WHERE u.id = dv.updated_by) AS updated_by_name`;

/** The headline figure for a measure and period, if one has been entered. */
export async function findHeadlineValue(
  db: Db | Tx,
  measureId: string,
  period: string,
): Promise<StoredValue | undefined> {
  return findValue(db, measureId, period, '');
}

/** A figure for a measure, period and breakdown ('' is the headline), if one has been entered. */
export async function findValue(
  db: Db | Tx,
  measureId: string,
  period: string,
  breakdown: string,
): Promise<StoredValue | undefined> {
  const result = await sql<StoredValue>`
    SELECT ${storedColumns} FROM data_values dv
    WHERE dv.measure_id = ${measureId} AND dv.period = ${period} AND dv.breakdown = ${breakdown}`.execute(db);
  return result.rows[0];
}

export interface ValueWrite {
  councilId: string;
  measureId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  status: ValueStatus;
  source: string;
  /** Where it came from within the source: an upload's id; '' for a form or the API. */
  sourceRef?: string;
  /** '' (or absent) for the headline figure; otherwise e.g. 'ward:E05000001'. */
  breakdown?: string;
  userId: string;
  /** Data-quality notes on this figure; they replace the previous figure's (none unless given). */
  qualityFlags?: string[];
  /** When a figure written as published was published (a calculated one); otherwise left as it was. */
  publishedAt?: Date | null;
  /** When the change happened: the transaction's time unless given (the demo replays its history). */
  at?: Date;
}

/** Inserts a new headline figure; undefined when another one arrived first (the unique key held). */
export async function insertValue(tx: Tx, w: ValueWrite): Promise<StoredValue | undefined> {
  const result = await sql<StoredValue>`
    WITH dv AS (
      INSERT INTO data_values (council_id, measure_id, period, period_start, period_end, breakdown, value, numerator,
        denominator, commentary, status, quality_flags, published_at, source, source_ref, revision, version,
        created_by, updated_by, created_at, updated_at)
      VALUES (${w.councilId}, ${w.measureId}, ${w.period}, ${w.periodStart}::date, ${w.periodEnd}::date,
        ${w.breakdown ?? ''}, ${w.value}, ${w.numerator}, ${w.denominator}, ${w.commentary}, ${w.status},
        ${w.qualityFlags ?? []}::text[], ${w.publishedAt ?? null}::timestamptz, ${w.source}, ${w.sourceRef ?? ''}, 1, 1,
        ${w.userId}, ${w.userId},
        COALESCE(${w.at ?? null}::timestamptz, now()), COALESCE(${w.at ?? null}::timestamptz, now()))
      ON CONFLICT (measure_id, period, breakdown) DO NOTHING
      RETURNING *
    )
    SELECT ${storedColumns} FROM dv`.execute(tx);
  return result.rows[0];
}

/**
 * Replaces a figure only if nobody has changed it since `version` was read: the row lock makes concurrent
 * writers queue, and each re-checks the version after the one before commits, so exactly one wins.
 */
export async function updateValue(
  tx: Tx,
  id: string,
  version: number,
  w: ValueWrite,
): Promise<StoredValue | undefined> {
  const result = await sql<StoredValue>`
    WITH dv AS (
      UPDATE data_values SET value = ${w.value}, numerator = ${w.numerator}, denominator = ${w.denominator},
        commentary = ${w.commentary}, status = ${w.status}, source = ${w.source}, source_ref = ${w.sourceRef ?? ''},
        quality_flags = ${w.qualityFlags ?? []}::text[],
        published_at = COALESCE(${w.publishedAt ?? null}::timestamptz, published_at),
        revision = revision + 1, version = version + 1,
        revised_after_publication = revised_after_publication OR status = 'published',
        updated_by = ${w.userId}, updated_at = COALESCE(${w.at ?? null}::timestamptz, now())
      WHERE id = ${id} AND version = ${version}
      RETURNING *
    )
    SELECT ${storedColumns} FROM dv`.execute(tx);
  return result.rows[0];
}

export async function insertRevision(
  tx: Tx,
  councilId: string,
  stored: StoredValue,
  source: string,
  userId: string,
  sourceRef = '',
): Promise<void> {
  await tx
    .insertInto('data_value_revisions')
    .values({
      council_id: councilId,
      data_value_id: stored.id,
      revision: stored.revision,
      value: stored.value,
      numerator: stored.numerator,
      denominator: stored.denominator,
      commentary: stored.commentary,
      status: stored.status,
      source,
      source_ref: sourceRef,
      changed_by: userId,
      // The figure's own time: the transaction's, or the replayed one the demo gave.
      changed_at: stored.updated_at,
      // A calculated figure can be written already published (all its inputs are).
      published_at: stored.status === 'published' ? stored.published_at : null,
    })
    .execute();
}

/** Figures loaded before revisions were kept have no row for their current revision; record it before changing it. */
export async function keepCurrentRevision(tx: Tx, id: string): Promise<void> {
  await sql`
    INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, numerator, denominator, commentary,
      status, source, source_ref, changed_by, changed_at, published_at)
    SELECT council_id, id, revision, value, numerator, denominator, commentary, status, source, source_ref,
      updated_by, updated_at, CASE WHEN status = 'published' THEN published_at END
    FROM data_values WHERE id = ${id}
    ON CONFLICT (data_value_id, revision) DO NOTHING`.execute(tx);
}

export async function insertAudit(
  tx: Tx,
  entry: {
    councilId: string;
    userId: string;
    action: string;
    entityId: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      council_id: entry.councilId,
      user_id: entry.userId,
      action: entry.action,
      entity: 'data_value',
      entity_id: entry.entityId,
      before: entry.before == null ? null : JSON.stringify(entry.before),
      after: entry.after == null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface HistoryValue extends StoredValue {
  period_start: string;
  period_end: string;
}

/** A measure's headline figures (or one breakdown's) between two dates (inclusive), oldest first. */
export async function valuesBetween(
  db: Db,
  measureId: string,
  from: string | null,
  to: string | null,
  breakdown = '',
): Promise<HistoryValue[]> {
  const result = await sql<HistoryValue>`
    SELECT ${storedColumns}, to_char(dv.period_start, 'YYYY-MM-DD') AS period_start, to_char(dv.period_end, 'YYYY-MM-DD') AS period_end
    FROM data_values dv
    WHERE dv.measure_id = ${measureId} AND dv.breakdown = ${breakdown}
      AND (${from}::date IS NULL OR dv.period_start >= ${from}::date)
      AND (${to}::date IS NULL OR dv.period_end <= ${to}::date)
    ORDER BY dv.period_end, dv.period_start DESC`.execute(db);
  return result.rows;
}

export interface RevisionRow {
  revision: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  status: ValueStatus;
  source: string;
  changed_by_name: string | null;
  changed_at: Date;
}

export async function revisionsOf(db: Db, dataValueId: string): Promise<RevisionRow[]> {
  const result = await sql<RevisionRow>`
    SELECT r.revision, r.value, r.numerator, r.denominator, r.commentary, r.status, r.source, u.display_name AS changed_by_name,
      r.changed_at
    FROM data_value_revisions r LEFT JOIN users u ON u.id = r.changed_by
    WHERE r.data_value_id = ${dataValueId}
    ORDER BY r.revision DESC`.execute(db);
  return result.rows;
}

/** A new figure for insertNewValues: the columns a bulk writer supplies; the rest are the same for the batch. */
export interface NewFigure {
  measureId: string;
  measureCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  qualityFlags: string[];
}

/**
 * Inserts many new figures with their first revisions and audit rows in one statement — what insertValue,
 * insertRevision and insertAudit do for one, done as set work for an upload. Returns how many were inserted: fewer
 * than given means another writer got in first for some (the unique key held), and the caller must give up.
 */
export async function insertNewValues(
  tx: Tx,
  batch: { councilId: string; userId: string; status: ValueStatus; source: string; sourceRef: string },
  figures: readonly NewFigure[],
): Promise<number> {
  if (figures.length === 0) return 0;
  const rows = figures.map((f) => ({
    measure_id: f.measureId,
    measure_code: f.measureCode,
    period: f.period,
    period_start: f.periodStart,
    period_end: f.periodEnd,
    breakdown: f.breakdown,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    commentary: f.commentary,
    quality_flags: f.qualityFlags,
  }));
  const result = await sql<{ inserted: number }>`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(measure_id bigint, measure_code text,
        period text, period_start date, period_end date, breakdown text, value numeric, numerator numeric,
        denominator numeric, commentary text, quality_flags text[])
    ), dv AS (
      INSERT INTO data_values (council_id, measure_id, period, period_start, period_end, breakdown, value, numerator,
        denominator, commentary, status, quality_flags, source, source_ref, revision, version, created_by, updated_by)
      SELECT ${batch.councilId}, x.measure_id, x.period, x.period_start, x.period_end, x.breakdown, x.value,
        x.numerator, x.denominator, x.commentary, ${batch.status}, x.quality_flags, ${batch.source},
        ${batch.sourceRef}, 1, 1, ${batch.userId}, ${batch.userId}
      FROM x
      ON CONFLICT (measure_id, period, breakdown) DO NOTHING
      RETURNING *
    ), revisions AS (
      INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, numerator, denominator,
        commentary, status, source, source_ref, changed_by, changed_at)
      SELECT council_id, id, revision, value, numerator, denominator, commentary, status, source, source_ref,
        updated_by, updated_at
      FROM dv
    ), audit AS (
      INSERT INTO audit_log (council_id, user_id, action, entity, entity_id, before, after)
      SELECT dv.council_id, dv.updated_by, 'value.create', 'data_value', dv.id, NULL,
        jsonb_build_object('measure', x.measure_code, 'period', dv.period, 'value', dv.value::text,
          'numerator', dv.numerator::text, 'denominator', dv.denominator::text, 'commentary', dv.commentary,
          'status', dv.status, 'quality_flags', to_jsonb(dv.quality_flags), 'revision', dv.revision,
          'version', dv.version, 'revised_after_publication', dv.revised_after_publication)
      FROM dv JOIN x ON x.measure_id = dv.measure_id AND x.period = dv.period AND x.breakdown = dv.breakdown
    )
    SELECT count(*)::int AS inserted FROM dv`.execute(tx);
  return result.rows[0]?.inserted ?? 0;
}
