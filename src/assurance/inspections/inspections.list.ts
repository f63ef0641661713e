// The register's list: inspections of the services in reach, filtered by service and inspectorate; with a service
// chosen, its timeline too (oldest first, ending with the next inspection expected).
import type { CurrentUser } from '../../access/current-user.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError } from '../../web/errors.ts';
import { servicesOfCouncil } from '../assurance.queries.ts';
import { inReach } from '../reach.ts';
import { inspectorates, loadFrameworks } from './frameworks.ts';
import { type InspectionRow, listInspections } from './inspections.queries.ts';

export interface InspectionListQuery {
  service: string;
  inspectorate: string;
}

export async function inspectionList(db: Db, user: CurrentUser, query: InspectionListQuery) {
  const reach = servicesInReach(user, 'assurance.read');
  const services = (await servicesOfCouncil(db, user.councilId)).filter((s) => inReach(reach, s.id));
  const names = inspectorates(await loadFrameworks(db));
  const service = query.service ? services.find((s) => s.code === query.service) : undefined;
  if (query.service && !service) throw ValidationError.field('service', 'Choose a service from the list');
  if (query.inspectorate && !names.includes(query.inspectorate))
    throw ValidationError.field('inspectorate', 'Choose an inspectorate from the list');
  const rows = await listInspections(db, user.councilId, reach, {
    serviceId: service?.id,
    inspectorate: query.inspectorate || undefined,
  });
  return {
    rows,
    services,
    inspectorates: names,
    service: service ?? null,
    timeline: service ? timelineOf(rows) : [],
  };
}

export interface TimelineEntry {
  date: string;
  kind: 'inspection' | 'expected';
  row: InspectionRow;
}

/** Oldest first; the latest inspection's next expected inspection closes the line, when it is known. */
export function timelineOf(rows: InspectionRow[]): TimelineEntry[] {
  const past = [...rows]
    .sort((a, b) => a.ended_on.localeCompare(b.ended_on))
    .map((row): TimelineEntry => ({ date: row.ended_on, kind: 'inspection', row }));
  const expected = rows
    .filter((r) => r.next_expected_on)
    .map((row): TimelineEntry => ({ date: row.next_expected_on ?? '', kind: 'expected', row }));
  // Only each framework's latest expectation stands; an older one was overtaken by the inspection that followed.
  const latest = new Map<string, TimelineEntry>();
  for (const e of expected) {
    const seen = latest.get(e.row.framework_code);
    if (!seen || e.row.ended_on > seen.row.ended_on) latest.set(e.row.framework_code, e);
  }
  return [...past, ...[...latest.values()].sort((a, b) => a.date.localeCompare(b.date))];
}
