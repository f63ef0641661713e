// SQL of the residents' pages: the Council Strategy's shape, a public measure's own words, search over public
// measures, published public reports, and inspections whose report is published. Nothing here reads a figure: figures
// come only from the public model, which is built on published values.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { listInspections, type InspectionRow } from '../assurance/inspections/inspections.queries.ts';

export interface StrategyOutcome {
  code: string;
  title: string;
  description: string;
  /** Its active public measures' codes, by code. */
  measureCodes: string[];
}

export interface StrategyPriority {
  code: string;
  title: string;
  description: string;
  outcomes: StrategyOutcome[];
}

export interface PublicStrategy {
  title: string;
  summary: string;
  priorities: StrategyPriority[];
}

/** The current Council Strategy's priorities and outcomes, each outcome with its public measures. */
export async function publicStrategy(db: Db, councilId: string): Promise<PublicStrategy> {
  const strategy = await sql<{ title: string; summary: string }>`
    SELECT title, summary FROM strategies WHERE council_id = ${councilId}
     ORDER BY is_current DESC, start_year DESC LIMIT 1`.execute(db);
  const rows = await sql<{
    p_code: string;
    p_title: string;
    p_description: string;
    o_code: string | null;
    o_title: string | null;
    o_description: string | null;
    codes: string[] | null;
  }>`
    SELECT p.code AS p_code, p.title AS p_title, p.description AS p_description,
           o.code AS o_code, o.title AS o_title, o.description AS o_description,
           (SELECT array_agg(m.code ORDER BY m.code) FROM measure_outcomes mo JOIN measures m ON m.id = mo.measure_id
             WHERE mo.outcome_id = o.id AND m.status = 'active' AND 'public' = ANY(m.tags)) AS codes
      FROM priorities p
      JOIN strategies s ON s.id = p.strategy_id
      LEFT JOIN outcomes o ON o.priority_id = p.id
     WHERE p.council_id = ${councilId}
       AND s.id = (SELECT id FROM strategies WHERE council_id = ${councilId} ORDER BY is_current DESC, start_year DESC LIMIT 1)
     ORDER BY p.position, p.code, o.position, o.code`.execute(db);
  const priorities: StrategyPriority[] = [];
  for (const r of rows.rows) {
    let priority = priorities.at(-1);
    if (priority?.code !== r.p_code) {
      priority = { code: r.p_code, title: r.p_title, description: r.p_description, outcomes: [] };
      priorities.push(priority);
    }
    if (r.o_code)
      priority.outcomes.push({
        code: r.o_code,
        title: r.o_title ?? '',
        description: r.o_description ?? '',
        measureCodes: r.codes ?? [],
      });
  }
  return {
    title: strategy.rows[0]?.title ?? 'Council Strategy',
    summary: strategy.rows[0]?.summary ?? '',
    priorities,
  };
}

export interface MeasureWords {
  code: string;
  title: string;
  definition: string;
  calculation: string;
  data_source: string;
  frequency: string;
}

/** A public measure's own explanation; undefined when the code is not an active public measure of the council. */
export async function publicMeasureWords(
  db: Db,
  councilId: string,
  code: string,
): Promise<MeasureWords | undefined> {
  const result = await sql<MeasureWords>`
    SELECT code, title, definition, calculation, data_source, frequency::text AS frequency FROM measures
     WHERE council_id = ${councilId} AND code = ${code} AND status = 'active' AND 'public' = ANY(tags)`.execute(
    db,
  );
  return result.rows[0];
}

/** Active public measures matching the words (title, code, definition, calculation), best match first. */
export async function searchPublicMeasures(db: Db, councilId: string, words: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    SELECT code FROM measures, websearch_to_tsquery('english', ${words}) q
     WHERE council_id = ${councilId} AND status = 'active' AND 'public' = ANY(tags) AND search @@ q
     ORDER BY ts_rank(search, q) DESC, code`.execute(db);
  return result.rows.map((r) => r.code);
}

export interface PublicReportRow {
  id: string;
  set_title: string;
  period: string;
  published_at: Date;
  content: unknown;
}

/** Published reports of the public audience's sets, newest period first. */
export async function publicReports(db: Db, councilId: string): Promise<Omit<PublicReportRow, 'content'>[]> {
  const result = await sql<Omit<PublicReportRow, 'content'>>`
    SELECT r.id::text, s.title AS set_title, r.period, r.published_at FROM reports r
      JOIN report_sets s ON s.id = r.report_set_id
     WHERE r.council_id = ${councilId} AND s.audience = 'public' AND r.status = 'published'
       AND r.published_at IS NOT NULL
     ORDER BY r.period DESC, r.published_at DESC`.execute(db);
  return result.rows;
}

/** One published public report; undefined for any other (a draft, or another audience's report). */
export async function publicReport(
  db: Db,
  councilId: string,
  id: string,
): Promise<PublicReportRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<PublicReportRow>`
    SELECT r.id::text, s.title AS set_title, r.period, r.published_at, r.content FROM reports r
      JOIN report_sets s ON s.id = r.report_set_id
     WHERE r.council_id = ${councilId} AND r.id = ${id}::bigint AND s.audience = 'public'
       AND r.status = 'published' AND r.published_at IS NOT NULL`.execute(db);
  return result.rows[0];
}

/**
 * Inspections that are public record: the inspectorate has published its report (a published date on or before
 * the day). An inspection still awaiting its report is not shown, as its outcome is not yet public.
 */
export async function publicInspections(db: Db, councilId: string, isoDay: string): Promise<InspectionRow[]> {
  const rows = await listInspections(db, councilId, null, {});
  return rows.filter((r) => r.published_on !== null && r.published_on <= isoDay);
}

/** The area judgements of many inspections, by inspection id, in the framework's order. */
export async function judgementsOfMany(
  db: Db,
  inspectionIds: string[],
): Promise<Map<string, { area: string; judgement: string }[]>> {
  const result = await sql<{ inspection_id: string; area: string; judgement: string }>`
    SELECT j.inspection_id::text, j.area, j.judgement FROM inspection_judgements j
      JOIN inspection_framework_areas a ON a.framework_code = j.framework_code AND a.area = j.area
     WHERE j.inspection_id = ANY(${inspectionIds}::bigint[])
     ORDER BY j.inspection_id, a.position`.execute(db);
  const byInspection = new Map<string, { area: string; judgement: string }[]>();
  for (const r of result.rows) {
    const list = byInspection.get(r.inspection_id) ?? [];
    list.push({ area: r.area, judgement: r.judgement });
    byInspection.set(r.inspection_id, list);
  }
  return byInspection;
}
