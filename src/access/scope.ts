// Turns a user's scopes into the services they reach (resolved with the user): the set every scoped check is made
// against.
// A provider login reaches no service: only its own breakdown figures of the measures asked of it (figureInReach).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CurrentUser } from './current-user.ts';
import { type Action, authorize, can } from './permissions.ts';

/** null means every service of the council. */
export type ServiceReach = Set<string> | null;

export function servicesInReach(user: CurrentUser, action: Action): ServiceReach {
  if (authorize(user, action) === 'all') return null;
  return new Set(user.servicesInScope);
}

/** Whether a measure whose lead and other services are these is in reach: measureInReach without the query. */
export function servicesWithinReach(reach: ServiceReach, serviceIds: readonly string[]): boolean {
  return reach === null || serviceIds.some((id) => reach.has(id));
}

/** A measure is in reach when its lead service or any of its services is. */
export async function measureInReach(db: Db, reach: ServiceReach, measureId: string): Promise<boolean> {
  if (reach === null) return true;
  if (reach.size === 0) return false;
  const ids = [...reach];
  const found = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM measures m
    WHERE m.id = ${measureId}
      AND (m.lead_service_id = ANY(${ids}::bigint[])
        OR EXISTS (SELECT 1 FROM measure_services ms WHERE ms.measure_id = m.id AND ms.service_id = ANY(${ids}::bigint[])))`.execute(
    db,
  );
  return found.rows.length > 0;
}

/** The breakdown key of a provider's own figures. */
export function providerBreakdown(code: string): string {
  return `provider:${code}`;
}

export interface OwnProvider {
  id: string;
  code: string;
  name: string;
}

/** The providers a provider login speaks for; none for anyone else (they reach providers through services). */
export async function providersOfUser(db: Db, user: CurrentUser): Promise<OwnProvider[]> {
  if (user.role !== 'provider') return [];
  return db
    .selectFrom('user_scopes as us')
    .innerJoin('providers as p', 'p.id', 'us.scope_id')
    .select(['p.id', 'p.code', 'p.name'])
    .where('us.user_id', '=', user.id)
    .where('us.scope_type', '=', 'provider')
    .where('p.council_id', '=', user.councilId)
    .orderBy('p.code')
    .execute();
}

/** A measure by its id, with its lead and other services' ids when the caller has them (no query is needed then). */
export interface MeasureOfFigure {
  id: string;
  serviceIds?: readonly string[];
}

/**
 * One figure (measure × breakdown) is in reach when its measure is — the headline and every breakdown — or, for a
 * provider login, when it is that provider's own breakdown of a measure asked of it.
 */
export async function figureInReach(
  db: Db,
  user: CurrentUser,
  action: Action,
  measure: MeasureOfFigure,
  breakdown: string,
): Promise<boolean> {
  if (!can(user, action)) return false;
  const reach = servicesInReach(user, action);
  const measureReached = measure.serviceIds
    ? servicesWithinReach(reach, measure.serviceIds)
    : await measureInReach(db, reach, measure.id);
  if (measureReached) return true;
  if (!breakdown.startsWith('provider:')) return false;
  const own = await providersOfUser(db, user);
  const provider = own.find((p) => providerBreakdown(p.code) === breakdown);
  if (!provider) return false;
  const asked = await db
    .selectFrom('provider_measures')
    .select('measure_id')
    .where('provider_id', '=', provider.id)
    .where('measure_id', '=', measure.id)
    .executeTakeFirst();
  return asked !== undefined;
}
