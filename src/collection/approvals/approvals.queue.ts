// "Figures awaiting you": the figures at a stage of the workflow that this user may move on, within their reach,
// filterable by service and period — the approvals page's content, in one query for the rows.
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { can } from '../../access/permissions.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { Unit, ValueStatus } from '../../db/schema.ts';
import { measureReachCondition } from '../../reporting/scorecard.queries.ts';
import { STEP_RULES, STEPS, type Step } from './workflow.ts';

export interface QueueRow {
  id: string;
  measure_code: string;
  measure_title: string;
  unit: Unit;
  decimals: number;
  period: string;
  value: string | null;
  status: ValueStatus;
  version: number;
  commentary: string;
  quality_flags: string[];
  revised_after_publication: boolean;
  service_name: string | null;
  updated_at: Date;
  updated_by_name: string | null;
}

export interface QueueFilter {
  stage?: string;
  service?: string;
  period?: string;
}

export interface QueuePage {
  steps: Step[];
  stage: Step;
  rows: QueueRow[];
  services: { code: string; name: string }[];
  periods: string[];
  service: string;
  period: string;
  /** The queue shows this many at most; narrow it with the filters. */
  limit: number;
  truncated: boolean;
}

const LIMIT = 200;

/** The steps this user may take; an officer's page opens at validation, a director's at approval. */
export function stepsFor(user: CurrentUser): Step[] {
  return STEPS.filter((s) => can(user, STEP_RULES[s].permission));
}

function defaultStep(steps: Step[]): Step {
  return steps.find((s) => s !== 'submit') ?? steps[0] ?? 'submit';
}

export async function queuePage(db: Db, user: CurrentUser, filter: QueueFilter): Promise<QueuePage> {
  const steps = stepsFor(user);
  const stage = steps.find((s) => s === filter.stage) ?? defaultStep(steps);
  const rule = STEP_RULES[stage];
  const reach = servicesInReach(user, rule.permission);
  const service = filter.service ?? '';
  const period = filter.period ?? '';
  const inService = service
    ? sql`EXISTS (SELECT 1 FROM services s WHERE s.code = ${service} AND s.council_id = ${user.councilId}
        AND (s.id = m.lead_service_id OR s.id IN (SELECT ms.service_id FROM measure_services ms WHERE ms.measure_id = m.id)))`
    : sql`true`;
  const [rows, services, periods] = await Promise.all([
    sql<QueueRow>`
      SELECT dv.id, m.code AS measure_code, m.title AS measure_title, m.unit, m.decimals, dv.period, dv.value,
        dv.status, dv.version, dv.commentary, dv.quality_flags, dv.revised_after_publication,
        ls.name AS service_name, dv.updated_at, u.display_name AS updated_by_name
      FROM data_values dv
      JOIN measures m ON m.id = dv.measure_id
      LEFT JOIN services ls ON ls.id = m.lead_service_id
      LEFT JOIN users u ON u.id = dv.updated_by
      WHERE dv.council_id = ${user.councilId} AND dv.status = ${rule.from} AND dv.breakdown = ''
        AND m.calculation_type <> 'formula' AND ${measureReachCondition(reach)} AND ${inService}
        AND (${period} = '' OR dv.period = ${period})
      ORDER BY dv.period_end DESC, m.code
      LIMIT ${LIMIT + 1}`.execute(db),
    sql<{ code: string; name: string }>`
      SELECT s.code, s.name FROM services s
      WHERE s.council_id = ${user.councilId} AND (${reach === null} OR s.id = ANY(${[...(reach ?? [])]}::bigint[]))
      ORDER BY s.name`.execute(db),
    sql<{ period: string }>`
      SELECT dv.period FROM data_values dv JOIN measures m ON m.id = dv.measure_id
      WHERE dv.council_id = ${user.councilId} AND dv.status = ${rule.from} AND dv.breakdown = ''
        AND m.calculation_type <> 'formula' AND ${measureReachCondition(reach)}
      GROUP BY dv.period, dv.period_end, dv.period_start
      ORDER BY dv.period_end DESC, dv.period_start ASC`.execute(db),
  ]);
  return {
    steps,
    stage,
    rows: rows.rows.slice(0, LIMIT),
    services: services.rows,
    periods: periods.rows.map((p) => p.period),
    service,
    period,
    limit: LIMIT,
    truncated: rows.rows.length > LIMIT,
  };
}
