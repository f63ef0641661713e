// What a report set's form offers: the measure library by service, the portfolios and select committees, and the
// measures a committee's terms of reference propose — by the services it scrutinises and by its themes.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { MeasureStatus } from '../../db/schema.ts';

export interface MeasureChoice {
  id: string;
  code: string;
  title: string;
  status: MeasureStatus;
  service_code: string | null;
  service_name: string | null;
  directorate_name: string | null;
}

/** Every measure that is not retired (and any retired one still in `keepIds`), by directorate, service and code. */
export async function measureChoices(db: Db, councilId: string, keepIds: string[]): Promise<MeasureChoice[]> {
  const result = await sql<MeasureChoice>`
    SELECT m.id::text AS id, m.code, m.title, m.status, s.code AS service_code, s.name AS service_name,
      d.name AS directorate_name
    FROM measures m
      LEFT JOIN services s ON s.id = m.lead_service_id
      LEFT JOIN directorates d ON d.id = s.directorate_id
    WHERE m.council_id = ${councilId}
      AND (m.status <> 'retired' OR m.id = ANY(${keepIds}::bigint[]))
    ORDER BY d.name NULLS LAST, s.name NULLS LAST, m.code`.execute(db);
  return result.rows;
}

export interface Choice {
  code: string;
  title: string;
}

export async function portfolioChoices(db: Db, councilId: string): Promise<Choice[]> {
  return db
    .selectFrom('portfolios')
    .select(['code', 'title'])
    .where('council_id', '=', councilId)
    .orderBy('title')
    .execute();
}

/** Select committees only: the Corporate Management Team is an audience of its own. */
export async function committeeChoices(db: Db, councilId: string): Promise<Choice[]> {
  return db
    .selectFrom('committees')
    .select(['code', 'title'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'select')
    .orderBy('title')
    .execute();
}

export interface ProposedMeasure {
  id: string;
  code: string;
  title: string;
  /** Led or reported by a service the committee scrutinises. */
  byService: boolean;
  /** The committee's themes its title or definition matches, in the committee's order. */
  themes: string[];
}

/**
 * The active measures a committee's terms of reference propose, by code: those whose lead service, or any service
 * reporting them, the committee scrutinises, and those matching one of its themes by full-text search.
 */
export async function proposeCommitteeMeasures(
  db: Db,
  councilId: string,
  committeeId: string,
): Promise<ProposedMeasure[]> {
  const result = await sql<{
    id: string;
    code: string;
    title: string;
    by_service: boolean;
    themes: string[];
  }>`
    WITH scrutinised AS (
      SELECT service_id FROM committee_services WHERE committee_id = ${committeeId}
    ), themes AS (
      SELECT t.theme, t.n FROM committees c, unnest(c.themes) WITH ORDINALITY AS t(theme, n)
      WHERE c.id = ${committeeId} AND c.council_id = ${councilId}
    ), matched AS (
      SELECT m.id::text AS id, m.code, m.title,
        (m.lead_service_id IN (SELECT service_id FROM scrutinised)
          OR EXISTS (SELECT 1 FROM measure_services ms
                     WHERE ms.measure_id = m.id AND ms.service_id IN (SELECT service_id FROM scrutinised))) AS by_service,
        ARRAY(SELECT th.theme FROM themes th
              WHERE m.search @@ websearch_to_tsquery('english', th.theme) ORDER BY th.n) AS themes
      FROM measures m
      WHERE m.council_id = ${councilId} AND m.status = 'active'
    )
    SELECT id, code, title, by_service, themes FROM matched
    WHERE by_service OR cardinality(themes) > 0
    ORDER BY code`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    byService: r.by_service,
    themes: r.themes,
  }));
}
