// The published figures — the only ones reports and the public site may show. Reads the published_values view
// (migration 010): each figure's latest published revision, so a figure still in the workflow never appears and
// a correction in progress leaves the figure published before it.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface PublishedFigure {
  measure_code: string;
  period: string;
  breakdown: string;
  revision: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  published_at: Date | null;
  revised: boolean;
  correction_in_progress: boolean;
}

/** Published figures of some measures (by code; all when none given), oldest period first. */
export async function publishedFigures(
  db: Db,
  councilId: string,
  options: { codes?: readonly string[]; breakdowns?: boolean } = {},
): Promise<PublishedFigure[]> {
  const codes = options.codes ?? null;
  const result = await sql<PublishedFigure>`
    SELECT m.code AS measure_code, pv.period, pv.breakdown, pv.revision, pv.value, pv.numerator, pv.denominator,
      pv.commentary, pv.published_at, pv.revised, pv.correction_in_progress
    FROM published_values pv JOIN measures m ON m.id = pv.measure_id
    WHERE pv.council_id = ${councilId}
      AND (${codes}::text[] IS NULL OR m.code = ANY(${codes}::text[]))
      AND (${options.breakdowns ?? false} OR pv.breakdown = '')
    ORDER BY m.code, pv.period_end, pv.period_start DESC, pv.breakdown`.execute(db);
  return result.rows;
}
