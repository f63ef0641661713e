// The /actions list: actions of the services in reach, filtered by owner, status and service, overdue first.
import type { CurrentUser } from '../../access/current-user.ts';
import { can } from '../../access/permissions.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ActionStatus } from '../../db/schema.ts';
import { ValidationError } from '../../web/errors.ts';
import { ownersOfCouncil, servicesOfCouncil } from '../assurance.queries.ts';
import { inReach } from '../reach.ts';
import { ukDate } from '../today.ts';
import { type ActionRow, listActions } from './actions.queries.ts';
import { ACTION_STATUSES } from './actions.service.ts';

export interface ActionListQuery {
  owner: string;
  status: string;
  service: string;
}

const LIST_STATUSES = [...ACTION_STATUSES, 'open', 'overdue'] as const;
type ListStatus = ActionStatus | 'open' | 'overdue';

export async function actionList(db: Db, user: CurrentUser, query: ActionListQuery) {
  const reach = servicesInReach(user, 'assurance.read');
  const services = (await servicesOfCouncil(db, user.councilId)).filter((s) => inReach(reach, s.id));
  const owners = await ownersOfCouncil(db, user.councilId);
  const problems: { field: string; message: string }[] = [];
  const service = query.service ? services.find((s) => s.code === query.service) : undefined;
  if (query.service && !service)
    problems.push({ field: 'service', message: 'Choose a service from the list' });
  const owner = query.owner ? owners.find((o) => o.id === query.owner) : undefined;
  if (query.owner && !owner) problems.push({ field: 'owner', message: 'Choose an owner from the list' });
  const status = LIST_STATUSES.find((s) => s === query.status);
  if (query.status && !status) problems.push({ field: 'status', message: 'Choose a status from the list' });
  if (problems.length > 0) throw new ValidationError('The filter was not applied', problems);
  const rows = await listActions(db, user.councilId, reach, ukDate(), {
    serviceId: service?.id,
    ownerId: owner?.id,
    status: status as ListStatus | undefined,
  });
  return { rows, services, owners };
}

/** The actions on a measure, for its page (the reader's reach). */
export async function actionsOfMeasure(db: Db, user: CurrentUser, measureId: string): Promise<ActionRow[]> {
  // An external provider reads some measures but no assurance records.
  if (!can(user, 'assurance.read')) return [];
  const reach = servicesInReach(user, 'assurance.read');
  return listActions(db, user.councilId, reach, ukDate(), { measureId });
}

/** The actions raised on a data-quality finding, for its page (the reader's reach). */
export async function actionsOfFinding(db: Db, user: CurrentUser, findingId: string): Promise<ActionRow[]> {
  if (!can(user, 'assurance.read')) return [];
  const reach = servicesInReach(user, 'assurance.read');
  return listActions(db, user.councilId, reach, ukDate(), { findingId });
}

/** The actions on an inspection's recommendations, by recommendation id. */
export async function actionsOfInspection(
  db: Db,
  user: CurrentUser,
  inspectionId: string,
): Promise<Map<string, ActionRow[]>> {
  const reach = servicesInReach(user, 'assurance.read');
  const rows = await listActions(db, user.councilId, reach, ukDate(), { inspectionId });
  const byRecommendation = new Map<string, ActionRow[]>();
  for (const row of rows)
    if (row.recommendation_id)
      byRecommendation.set(row.recommendation_id, [
        ...(byRecommendation.get(row.recommendation_id) ?? []),
        row,
      ]);
  return byRecommendation;
}
