// Everything the residents' site shows, worked out once: the council's public measures (tagged `public`, active)
// judged on published figures only, through the same model as the public report set's reports. Grouped by the
// Council Strategy's priorities and outcomes.
import { sql } from 'kysely';
import { periodContaining, periodKey } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { buildReportModel } from '../reporting/reports/build-model.ts';
import type { ReportModel } from '../reporting/reports/report-model.ts';
import type { PublicCouncil } from './public-council.ts';

/** The public measures' ids in the Strategy's order: priority, outcome, then code. */
export async function publicMeasureIds(db: Db, councilId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT m.id::text FROM measures m
      LEFT JOIN LATERAL (
        SELECT p.position AS priority_position, o.position AS outcome_position
          FROM measure_outcomes mo JOIN outcomes o ON o.id = mo.outcome_id JOIN priorities p ON p.id = o.priority_id
         WHERE mo.measure_id = m.id ORDER BY p.position, o.position LIMIT 1) place ON true
     WHERE m.council_id = ${councilId} AND m.status = 'active' AND 'public' = ANY(m.tags)
     ORDER BY place.priority_position NULLS LAST, place.outcome_position NULLS LAST, m.code`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The quarter holding the day: every figure published by then belongs to it or to an earlier period. */
export function publicPeriod(isoDay: string): string {
  return periodKey(periodContaining('quarter', isoDay));
}

export async function buildPublicModel(db: Db, council: PublicCouncil, isoDay: string): Promise<ReportModel> {
  const measureIds = await publicMeasureIds(db, council.id);
  const period = publicPeriod(isoDay);
  return buildReportModel(
    db,
    council.id,
    {
      id: '0',
      name: 'public-site',
      title: `${council.name}: progress on the Council Strategy`,
      audience: 'public',
      grouping: 'outcome',
      year: period.slice(0, 7),
      sign_off: null,
      decided_at: null,
      decided_by_name: null,
      portfolio_title: null,
      cabinet_member_name: null,
      committee_title: null,
      recipients: [],
      council_name: council.name,
      measure_ids: measureIds,
    },
    period,
    () => {},
    isoDay,
  );
}
