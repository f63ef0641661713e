// Who reaches which assurance record: one of the services in a user's reach, or nothing. A record outside it is
// answered exactly as a record that does not exist.
import type { CurrentUser } from '../access/current-user.ts';
import type { Action } from '../access/permissions.ts';
import { servicesInReach, type ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { formatDateTime } from '../web/filters.ts';
import { ConflictError, NotFoundError } from '../web/errors.ts';
import { lastChange } from './assurance.queries.ts';

export const inReach = (reach: ServiceReach, serviceId: string): boolean =>
  reach === null || reach.has(String(serviceId));

/** The record's numeric id from a path, or the same 404 as an unknown record. */
export function recordId(raw: string, what: string): string {
  if (!/^\d{1,15}$/.test(raw)) throw new NotFoundError(`No ${what} ${raw}`);
  return raw;
}

export async function requireInReach(
  db: Db,
  user: CurrentUser,
  action: Action,
  serviceId: string,
  what: string,
): Promise<void> {
  if (!inReach(servicesInReach(user, action), serviceId)) throw new NotFoundError(`No such ${what}`);
}

/** The 409 of a stale edit, naming who changed the record and when. */
export async function staleEdit(
  db: Db,
  entity: string,
  id: string,
  what: string,
  version: number,
): Promise<ConflictError> {
  const last = await lastChange(db, entity, id);
  const who = last ? ` by ${last.user_name ?? 'an unknown user'} at ${formatDateTime(last.at)}` : '';
  const message = `Someone else changed ${what} since you opened it (now version ${version}${who}); your changes were not saved`;
  return new ConflictError(message, [{ field: 'version', message }]);
}
