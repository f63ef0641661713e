// SQL of the inspection register: the list (by service and inspectorate), one inspection with its judgements and
// recommendations, and the version-checked writes.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ServiceReach } from '../../access/scope.ts';

export interface InspectionRow {
  id: string;
  service_id: string;
  service_code: string;
  service_name: string;
  framework_code: string;
  framework_name: string;
  inspectorate: string;
  comparability: string;
  title: string;
  started_on: string;
  ended_on: string;
  published_on: string | null;
  overall_scale: string | null;
  overall_judgement: string | null;
  overall_rank: number | null;
  report_url: string;
  summary: string;
  next_expected_on: string | null;
  next_expected_note: string;
  version: number;
}

const columns = sql`i.id, i.service_id, s.code AS service_code, s.name AS service_name, i.framework_code,
  f.name AS framework_name, f.inspectorate, f.comparability, i.title, i.started_on::text AS started_on,
  i.ended_on::text AS ended_on, i.published_on::text AS published_on, i.overall_scale, i.overall_judgement,
  sp.rank AS overall_rank, i.report_url, i.summary, i.next_expected_on::text AS next_expected_on,
  i.next_expected_note, i.version`;
const from = sql`inspections i JOIN services s ON s.id = i.service_id
  JOIN inspection_frameworks f ON f.code = i.framework_code
  LEFT JOIN inspection_scale_points sp ON sp.framework_code = i.framework_code AND sp.scale = i.overall_scale
    AND sp.judgement = i.overall_judgement`;

export interface InspectionFilter {
  serviceId?: string;
  inspectorate?: string;
  /** Ended on or after this day. */
  since?: string;
}

/** Newest first; only the services in reach. */
export async function listInspections(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  filter: InspectionFilter,
): Promise<InspectionRow[]> {
  const ids = reach === null ? null : [...reach];
  const result = await sql<InspectionRow>`
    SELECT ${columns} FROM ${from}
    WHERE i.council_id = ${councilId}
      AND (${ids}::bigint[] IS NULL OR i.service_id = ANY(${ids}::bigint[]))
      AND (${filter.serviceId ?? null}::bigint IS NULL OR i.service_id = ${filter.serviceId ?? null}::bigint)
      AND (${filter.inspectorate ?? null}::text IS NULL OR f.inspectorate = ${filter.inspectorate ?? null}::text)
      AND (${filter.since ?? null}::date IS NULL OR i.ended_on >= ${filter.since ?? null}::date)
    ORDER BY i.ended_on DESC, i.id DESC`.execute(db);
  return result.rows;
}

export async function findInspection(
  db: Db,
  councilId: string,
  id: string,
): Promise<InspectionRow | undefined> {
  const result = await sql<InspectionRow>`
    SELECT ${columns} FROM ${from} WHERE i.council_id = ${councilId} AND i.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface JudgementRow {
  area: string;
  scale: string;
  judgement: string;
  rank: number;
}

export async function judgementsOf(db: Db, inspectionId: string): Promise<JudgementRow[]> {
  const result = await sql<JudgementRow>`
    SELECT j.area, j.scale, j.judgement, sp.rank
    FROM inspection_judgements j
    JOIN inspection_framework_areas a ON a.framework_code = j.framework_code AND a.area = j.area
    JOIN inspection_scale_points sp ON sp.framework_code = j.framework_code AND sp.scale = j.scale
      AND sp.judgement = j.judgement
    WHERE j.inspection_id = ${inspectionId}
    ORDER BY a.position`.execute(db);
  return result.rows;
}

export interface RecommendationRow {
  id: string;
  position: number;
  text: string;
}

export async function recommendationsOf(db: Db, inspectionId: string): Promise<RecommendationRow[]> {
  return db
    .selectFrom('inspection_recommendations')
    .select(['id', 'position', 'text'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('position')
    .execute();
}

export interface InspectionValues {
  service_id: string;
  title: string;
  started_on: string;
  ended_on: string;
  published_on: string | null;
  overall_judgement: string | null;
  report_url: string;
  summary: string;
  next_expected_on: string | null;
  next_expected_note: string;
}

export async function insertInspection(
  db: Db,
  councilId: string,
  frameworkCode: string,
  userId: string,
  values: InspectionValues,
): Promise<string> {
  const row = await db
    .insertInto('inspections')
    .values({ council_id: councilId, framework_code: frameworkCode, created_by: userId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** False when the inspection is no longer at `version`. */
export async function updateInspection(
  db: Db,
  id: string,
  version: number,
  values: InspectionValues,
): Promise<boolean> {
  const result = await db
    .updateTable('inspections')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceJudgements(
  db: Db,
  councilId: string,
  inspectionId: string,
  frameworkCode: string,
  judgements: { area: string; scale: string; judgement: string }[],
): Promise<void> {
  await db.deleteFrom('inspection_judgements').where('inspection_id', '=', inspectionId).execute();
  if (judgements.length === 0) return;
  await db
    .insertInto('inspection_judgements')
    .values(
      judgements.map((j) => ({
        council_id: councilId,
        inspection_id: inspectionId,
        framework_code: frameworkCode,
        ...j,
      })),
    )
    .execute();
}

/** Recommendations with the actions raised on them, which keep a recommendation from being removed. */
export async function recommendationsWithActions(db: Db, inspectionId: string): Promise<Set<number>> {
  const rows = await sql<{ position: number }>`
    SELECT DISTINCT r.position FROM inspection_recommendations r
    JOIN improvement_actions a ON a.recommendation_id = r.id
    WHERE r.inspection_id = ${inspectionId}`.execute(db);
  return new Set(rows.rows.map((r) => r.position));
}

/** Recommendation n keeps its row (and its actions) when its wording is edited; new ones are added, gone ones removed. */
export async function syncRecommendations(
  db: Db,
  councilId: string,
  inspectionId: string,
  texts: string[],
): Promise<void> {
  await db
    .deleteFrom('inspection_recommendations')
    .where('inspection_id', '=', inspectionId)
    .where('position', '>', texts.length)
    .execute();
  for (const [i, text] of texts.entries()) {
    await db
      .insertInto('inspection_recommendations')
      .values({ council_id: councilId, inspection_id: inspectionId, position: i + 1, text })
      .onConflict((oc) => oc.columns(['inspection_id', 'position']).doUpdateSet({ text }))
      .execute();
  }
}
