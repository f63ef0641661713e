// The assurance sections of reports: for CMT, inspections of the last two years and those expected in the next, statutory returns due in the next
// quarter with overdue ones first, and overdue improvement actions; for a committee, the inspections of the services
// it scrutinises. Judgements are always given with their framework, never compared across frameworks.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ReportAssuranceSection } from '../reporting/reports/report-model.ts';
import { outcomeOf } from './inspections/inspections.present.ts';
import type { InspectionRow } from './inspections/inspections.queries.ts';
import { addDays, ukDate } from './today.ts';
import { actionStatusLabels } from './actions/actions.service.ts';
import type { ActionStatus, ReturnStatus } from '../db/schema.ts';
import { isOverdue, returnStatusLabels } from './returns/workflow.ts';

type Item = ReportAssuranceSection['items'][number];

interface ReportInspection extends Pick<
  InspectionRow,
  'overall_judgement' | 'overall_scale' | 'published_on'
> {
  title: string;
  service_name: string;
  inspectorate: string;
  framework_name: string;
  ended_on: string;
  next_expected_on: string | null;
}

async function inspectionsOf(
  db: Db,
  councilId: string,
  filter: { since?: string; committeeSetId?: string },
): Promise<ReportInspection[]> {
  const result = await sql<ReportInspection>`
    SELECT i.title, s.name AS service_name, f.inspectorate, f.name AS framework_name, i.ended_on::text AS ended_on,
      i.published_on::text AS published_on, i.overall_scale, i.overall_judgement, i.next_expected_on::text AS next_expected_on
    FROM inspections i JOIN services s ON s.id = i.service_id JOIN inspection_frameworks f ON f.code = i.framework_code
    WHERE i.council_id = ${councilId}
      AND (${filter.since ?? null}::date IS NULL OR i.ended_on >= ${filter.since ?? null}::date
        OR i.next_expected_on >= ${filter.since ?? null}::date)
      AND (${filter.committeeSetId ?? null}::bigint IS NULL OR i.service_id IN (
        SELECT cs.service_id FROM report_sets rs JOIN committee_services cs ON cs.committee_id = rs.committee_id
        WHERE rs.id = ${filter.committeeSetId ?? null}::bigint))
    ORDER BY i.ended_on DESC`.execute(db);
  return result.rows;
}

const inspectionItem = (i: ReportInspection): Item => ({
  title: `${i.service_name}: ${i.title} (${i.inspectorate}, ${i.framework_name})`,
  due: i.ended_on,
  status: outcomeOf(i),
});

function inspectionsSection(
  rows: ReportInspection[],
  today: string,
  upcomingTo: string | null,
): ReportAssuranceSection {
  // The next inspection expected of each service and framework, from its latest inspection.
  const expected = upcomingTo
    ? rows
        .filter((i) => i.next_expected_on && i.next_expected_on >= today && i.next_expected_on <= upcomingTo)
        .map((i): Item => ({
          title: `${i.service_name}: next ${i.inspectorate} inspection expected (${i.framework_name})`,
          due: i.next_expected_on,
          status: 'Expected',
        }))
    : [];
  const past = rows
    .filter((i) => upcomingTo === null || i.ended_on >= addDays(today, -730))
    .map(inspectionItem);
  return {
    title: 'Inspections',
    dateHeading: 'Date',
    items: [...past, ...expected],
    emptyNote: upcomingTo
      ? 'No inspection ended in the last two years and none is expected in the coming year.'
      : 'No inspection of the services this committee scrutinises is recorded.',
  };
}

async function returnsSection(db: Db, councilId: string, today: string): Promise<ReportAssuranceSection> {
  const quarterEnd = addDays(today, 91);
  const rows = await sql<{
    title: string;
    reference_period: string;
    recipient: string;
    due_on: string;
    status: ReturnStatus;
  }>`
    SELECT title, reference_period, recipient, due_on::text AS due_on, status FROM statutory_returns
    WHERE council_id = ${councilId}
      AND (due_on BETWEEN ${today}::date AND ${quarterEnd}::date
        OR (due_on < ${today}::date AND status IN ('not_started', 'in_preparation', 'quality_checked', 'resubmission_required')))
    ORDER BY due_on`.execute(db);
  const items = rows.rows.map((r) => {
    const overdue = isOverdue(r.status, r.due_on, today);
    return {
      overdue,
      item: {
        title: `${r.title}, ${r.reference_period}, to ${r.recipient}`,
        due: r.due_on,
        status: `${overdue ? 'OVERDUE: ' : ''}${returnStatusLabels[r.status]}`,
      },
    };
  });
  return {
    title: 'Statutory returns due',
    items: [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)].map((i) => i.item),
    emptyNote: 'No statutory return is overdue or due in the next three months.',
  };
}

async function overdueActionsSection(
  db: Db,
  councilId: string,
  today: string,
): Promise<ReportAssuranceSection> {
  const rows = await sql<{
    title: string;
    service_name: string;
    owner_name: string;
    due_on: string;
    status: ActionStatus;
  }>`
    SELECT a.title, s.name AS service_name, u.display_name AS owner_name, a.due_on::text AS due_on, a.status
    FROM improvement_actions a JOIN services s ON s.id = a.service_id JOIN users u ON u.id = a.owner_id
    WHERE a.council_id = ${councilId} AND a.status IN ('not_started', 'in_progress') AND a.due_on < ${today}::date
    ORDER BY a.due_on, a.id`.execute(db);
  return {
    title: 'Overdue improvement actions',
    items: rows.rows.map((r) => ({
      title: `${r.service_name}: ${r.title} (owner ${r.owner_name})`,
      due: r.due_on,
      status: `OVERDUE: ${actionStatusLabels[r.status]}`,
    })),
    emptyNote: 'No improvement action is overdue.',
  };
}

export async function cmtAssurance(
  db: Db,
  councilId: string,
  asOf?: string,
): Promise<ReportAssuranceSection[]> {
  const today = asOf ?? ukDate();
  const [inspections, returns, actions] = await Promise.all([
    inspectionsOf(db, councilId, { since: addDays(today, -730) }),
    returnsSection(db, councilId, today),
    overdueActionsSection(db, councilId, today),
  ]);
  return [inspectionsSection(inspections, today, addDays(today, 365)), returns, actions];
}

export async function committeeAssurance(
  db: Db,
  councilId: string,
  setId: string,
  asOf?: string,
): Promise<ReportAssuranceSection[]> {
  const rows = await inspectionsOf(db, councilId, { committeeSetId: setId });
  return [inspectionsSection(rows, asOf ?? ukDate(), null)];
}
