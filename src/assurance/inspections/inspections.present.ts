// How an inspection reads on the pages and in reports: its overall judgement always with its framework (a report
// card's areas are never shown as if they were a single grade, nor beside the old grades as if comparable).
import type { CurrentUser } from '../../access/current-user.ts';
import type { Db } from '../../db/connection.ts';
import { formatDate } from '../../web/filters.ts';
import { actionsOfInspection } from '../actions/actions.list.ts';
import { presentAction } from '../actions/actions.present.ts';
import type { InspectionRow } from './inspections.queries.ts';
import type { InspectionDetail } from './inspections.service.ts';

/** "Good (Ofsted ILACS)"; a framework without an overall grade says so. */
export function outcomeOf(
  row: Pick<InspectionRow, 'overall_judgement' | 'overall_scale' | 'published_on'>,
): string {
  if (row.overall_judgement) return row.overall_judgement;
  if (!row.overall_scale) return 'No overall grade under this framework: see the area judgements';
  return row.published_on ? 'Not recorded' : 'Awaiting the report';
}

export function presentRow(row: InspectionRow) {
  return {
    ...row,
    href: `/inspections/${row.id}`,
    outcome: outcomeOf(row),
    dates:
      row.started_on === row.ended_on
        ? formatDate(row.started_on)
        : `${formatDate(row.started_on)} to ${formatDate(row.ended_on)}`,
    frameworkLabel: `${row.inspectorate}: ${row.framework_name}`,
  };
}

export async function presentInspectionPage(db: Db, user: CurrentUser, detail: InspectionDetail) {
  const i = presentRow(detail.inspection);
  const actions = await actionsOfInspection(db, user, detail.inspection.id);
  return {
    pageTitle: i.title,
    inspection: i,
    framework: detail.framework,
    judgements: detail.judgements.map((j) => ({
      ...j,
      outOf: (detail.framework.scales.get(j.scale) ?? []).length,
    })),
    recommendations: detail.recommendations.map((r) => ({
      ...r,
      actions: (actions.get(r.id) ?? []).map(presentAction),
    })),
  };
}
