// What an improvement action is raised from — a measure (red or worsening, at a period), an inspection
// recommendation, a data-quality finding, or nothing — and so which service it belongs to.
import type { CurrentUser } from '../../access/current-user.ts';
import { servicesInReach } from '../../access/scope.ts';
import { tryParsePeriod } from '../../assessment/periods.ts';
import type { Db } from '../../db/connection.ts';
import type { ActionSource } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../web/errors.ts';
import { inReach } from '../reach.ts';

export interface ActionOrigin {
  source: ActionSource;
  /** The service the origin belongs to; null for a standalone action (the form asks). */
  serviceId: string | null;
  measureId: string | null;
  measurePeriod: string | null;
  recommendationId: string | null;
  findingId: string | null;
  /** In words, for the form's heading: "HOU-07 Repairs completed in time, 2026/27 Q2". */
  label: string;
  /** Where the origin lives, for the back link. */
  href: string;
  /** The query string that names this origin again. */
  query: Record<string, string>;
}

const standalone: ActionOrigin = {
  source: 'standalone',
  serviceId: null,
  measureId: null,
  measurePeriod: null,
  recommendationId: null,
  findingId: null,
  label: 'No linked record',
  href: '/actions',
  query: {},
};

/** The origin named by the query (measure & period, recommendation or finding), in the user's reach, or 404. */
export async function actionOrigin(
  db: Db,
  user: CurrentUser,
  query: { measure: string; period: string; recommendation: string; finding: string },
): Promise<ActionOrigin> {
  const reach = servicesInReach(user, 'action.write');
  const notFound = (what: string) => new NotFoundError(`No such ${what}`);
  if (query.measure) {
    const m = await db
      .selectFrom('measures')
      .select(['id', 'code', 'title', 'lead_service_id'])
      .where('council_id', '=', user.councilId)
      .where('code', '=', query.measure)
      .executeTakeFirst();
    if (!m?.lead_service_id || !inReach(reach, m.lead_service_id)) throw notFound('measure');
    const period = query.period ? tryParsePeriod(query.period) : null;
    if (query.period && !period)
      throw ValidationError.field('period', `The period ${query.period} is not a period key like 2026-27-Q2`);
    return {
      ...standalone,
      source: 'measure',
      serviceId: m.lead_service_id,
      measureId: m.id,
      measurePeriod: query.period || null,
      label: `${m.code} ${m.title}`,
      href: `/measures/${encodeURIComponent(m.code)}`,
      query: { measure: m.code, ...(query.period ? { period: query.period } : {}) },
    };
  }
  if (query.recommendation) {
    if (!/^\d{1,15}$/.test(query.recommendation)) throw notFound('recommendation');
    const r = await db
      .selectFrom('inspection_recommendations as r')
      .innerJoin('inspections as i', 'i.id', 'r.inspection_id')
      .select(['r.id', 'r.position', 'r.text', 'i.id as inspection_id', 'i.title', 'i.service_id'])
      .where('r.council_id', '=', user.councilId)
      .where('r.id', '=', query.recommendation)
      .executeTakeFirst();
    if (!r || !inReach(reach, r.service_id)) throw notFound('recommendation');
    return {
      ...standalone,
      source: 'recommendation',
      serviceId: r.service_id,
      recommendationId: r.id,
      label: `Recommendation ${r.position} of ${r.title}: ${r.text}`,
      href: `/inspections/${r.inspection_id}#recommendation-${r.position}`,
      query: { recommendation: r.id },
    };
  }
  if (query.finding) {
    if (!/^\d{1,15}$/.test(query.finding)) throw notFound('finding');
    const f = await db
      .selectFrom('data_quality_findings as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select(['f.id', 'f.message', 'f.period', 'm.code', 'm.lead_service_id'])
      .where('f.council_id', '=', user.councilId)
      .where('f.id', '=', query.finding)
      .executeTakeFirst();
    if (!f?.lead_service_id || !inReach(reach, f.lead_service_id)) throw notFound('finding');
    return {
      ...standalone,
      source: 'finding',
      serviceId: f.lead_service_id,
      findingId: f.id,
      label: `Data-quality finding on ${f.code} (${f.period}): ${f.message}`,
      href: `/data-quality/findings/${f.id}`,
      query: { finding: f.id },
    };
  }
  return standalone;
}
