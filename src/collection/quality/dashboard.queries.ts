// The data-quality dashboard's SQL: every figure due in the chosen rounds — a service's headline figures and each
// provider's own figures — judged for timeliness, completeness, first-time-right and revision after publication,
// then counted per service and per provider (the dashboard) or listed one by one (its drill-down).
import { sql, type RawBuilder } from 'kysely';
import type { ServiceReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';

export interface DueFigure {
  frequency: string;
  period: string;
  /** The earliest deadline of the rounds that collect it. */
  deadline: string;
}

export interface QualityQuery {
  councilId: string;
  due: DueFigure[];
  /** Services whose headline figures (and whose providers' figures) are in reach; null: all. */
  services: ServiceReach;
  /** Providers a provider login speaks for: only their rows. */
  ownProviders: string[];
}

/**
 * One row per figure due, with what happened to it. Missing: its deadline has passed and it is still not submitted;
 * late: not submitted by the end of the deadline day (UK time), in the end or not yet. A figure is on time when its first submitted revision came
 * before then, complete when it stands submitted or beyond now, and not
 * first-time-right when it was ever returned by the approval workflow (an audit row `value.return` on it): an owner
 * taking their own submitted figure back to draft is not a return.
 */
function judgedFigures(q: QualityQuery): RawBuilder<unknown> {
  const services = q.services === null ? null : [...q.services];
  const serviceRows =
    q.ownProviders.length > 0
      ? sql`false`
      : services === null
        ? sql`true`
        : sql`s.id = ANY(${services}::bigint[])`;
  const providerRows =
    q.ownProviders.length > 0
      ? sql`p.id = ANY(${q.ownProviders}::bigint[])`
      : services === null
        ? sql`true`
        : sql`p.service_id = ANY(${services}::bigint[])`;
  return sql`
    due AS (
      SELECT frequency, period, min(deadline::date) AS deadline
      FROM unnest(${q.due.map((d) => d.frequency)}::text[], ${q.due.map((d) => d.period)}::text[],
                  ${q.due.map((d) => d.deadline)}::text[]) AS d(frequency, period, deadline)
      GROUP BY frequency, period
    ),
    figures AS (
      SELECT 'service' AS row_kind, s.code AS row_code, s.name AS row_name, m.id AS measure_id, m.code, m.title,
        due.period, due.deadline, '' AS breakdown
      FROM measures m JOIN due ON due.frequency = m.frequency JOIN services s ON s.id = m.lead_service_id
      WHERE m.council_id = ${q.councilId} AND m.status = 'active' AND m.calculation_type <> 'formula' AND ${serviceRows}
      UNION ALL
      SELECT 'provider', p.code, p.name, m.id, m.code, m.title, due.period, due.deadline, 'provider:' || p.code
      FROM provider_measures pm JOIN providers p ON p.id = pm.provider_id JOIN measures m ON m.id = pm.measure_id
      JOIN due ON due.frequency = m.frequency
      WHERE pm.council_id = ${q.councilId} AND m.status = 'active' AND ${providerRows}
    ),
    judged AS (
      SELECT f.*, dv.id AS value_id, dv.status,
        coalesce(dv.status <> 'draft', false) AS complete,
        current_date > f.deadline AS overdue,
        coalesce(sub.at < ((f.deadline + 1)::timestamp AT TIME ZONE 'Europe/London'), false) AS on_time,
        sub.at AS submitted_at,
        coalesce(dv.revised_after_publication, false) AS revised,
        EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'data_value' AND a.entity_id = dv.id::text
                  AND a.action = 'value.return') AS returned,
        (SELECT count(*)::int FROM data_quality_findings df WHERE df.measure_id = f.measure_id
           AND df.period = f.period AND df.breakdown = f.breakdown AND df.status = 'open') AS open_findings
      FROM figures f
      LEFT JOIN data_values dv ON dv.measure_id = f.measure_id AND dv.period = f.period AND dv.breakdown = f.breakdown
      LEFT JOIN LATERAL (
        SELECT coalesce(
          (SELECT min(r.changed_at) FROM data_value_revisions r WHERE r.data_value_id = dv.id AND r.status <> 'draft'),
          CASE WHEN dv.status <> 'draft' THEN dv.created_at END) AS at
      ) sub ON true
    )`;
}

export interface QualityRow {
  row_kind: 'service' | 'provider';
  row_code: string;
  row_name: string;
  due: number;
  on_time: number;
  /** Figures whose timeliness can be judged yet: past their deadline, or submitted early. */
  timeliness_judged: number;
  complete: number;
  submitted: number;
  first_time_right: number;
  revised: number;
  /** Past the deadline and still not submitted. */
  missing: number;
  /** Ever returned by the approval workflow. */
  returned: number;
  open_findings: number;
  on_time_pct: string | null;
  complete_pct: string | null;
  first_time_right_pct: string | null;
}

/** The dashboard: one row per service and per provider in reach, with its counts and percentages. */
export async function qualityRows(db: Db, q: QualityQuery): Promise<QualityRow[]> {
  if (q.due.length === 0) return [];
  const result = await sql<QualityRow>`
    WITH ${judgedFigures(q)},
    counted AS (
      SELECT row_kind, row_code, row_name, count(*)::int AS due,
        count(*) FILTER (WHERE on_time)::int AS on_time,
        -- Judged for timeliness: past its deadline, or already in early; a figure not yet due is neither.
        count(*) FILTER (WHERE overdue OR on_time)::int AS timeliness_judged,
        count(*) FILTER (WHERE complete)::int AS complete,
        count(*) FILTER (WHERE submitted_at IS NOT NULL)::int AS submitted,
        count(*) FILTER (WHERE submitted_at IS NOT NULL AND NOT returned)::int AS first_time_right,
        count(*) FILTER (WHERE revised)::int AS revised,
        count(*) FILTER (WHERE NOT complete AND overdue)::int AS missing,
        count(*) FILTER (WHERE returned)::int AS returned,
        (sum(open_findings) + count(*) FILTER (WHERE NOT complete AND overdue))::int AS open_findings
      FROM judged GROUP BY row_kind, row_code, row_name
    )
    SELECT *, round(100.0 * on_time / nullif(timeliness_judged, 0), 1)::text AS on_time_pct,
      round(100.0 * complete / due, 1)::text AS complete_pct,
      round(100.0 * first_time_right / nullif(submitted, 0), 1)::text AS first_time_right_pct
    FROM counted ORDER BY row_kind DESC, row_name`.execute(db);
  return result.rows;
}

export type DrillDown = 'due' | 'late' | 'missing' | 'returned' | 'revised' | 'findings';

export interface FigureItem {
  measure_id: string;
  code: string;
  title: string;
  period: string;
  breakdown: string;
  row_name: string;
  deadline: string;
  status: string | null;
  submitted_at: Date | null;
  on_time: boolean;
  complete: boolean;
  overdue: boolean;
  returned: boolean;
  revised: boolean;
  open_findings: number;
}

const drillFilters: Record<DrillDown, RawBuilder<unknown>> = {
  due: sql`true`,
  late: sql`(NOT on_time AND (overdue OR submitted_at IS NOT NULL))`,
  missing: sql`(NOT complete AND overdue)`,
  returned: sql`returned`,
  revised: sql`revised`,
  findings: sql`(open_findings > 0 OR (NOT complete AND overdue))`,
};

/** The figures behind one number of one row: e.g. a provider's late figures. */
export async function figuresBehind(
  db: Db,
  q: QualityQuery & { row: { kind: 'service' | 'provider'; code: string }; show: DrillDown },
): Promise<FigureItem[]> {
  if (q.due.length === 0) return [];
  const result = await sql<FigureItem>`
    WITH ${judgedFigures(q)}
    SELECT measure_id, code, title, period, breakdown, row_name, deadline::text, status, submitted_at, on_time,
      complete, overdue, returned, revised, open_findings
    FROM judged WHERE row_kind = ${q.row.kind} AND row_code = ${q.row.code} AND ${drillFilters[q.show]}
    ORDER BY code, deadline, period`.execute(db);
  return result.rows;
}
