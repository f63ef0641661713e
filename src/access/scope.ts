// Turns a user's scopes into the services they reach, in one query: the set every scoped check is made against.
// A provider login reaches no service: only its own breakdown figures of the measures asked of it (figureInReach).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CurrentUser } from './current-user.ts';
import { type Action, authorize, can } from './permissions.ts';

/** null means every service of the council. */
export type ServiceReach = Set<string> | null;

export async function servicesInReach(db: Db, user: CurrentUser, action: Action): Promise<ServiceReach> {
  if (authorize(user, action) === 'all') return null;
  const rows = await sql<{ service_id: string }>`
    SELECT s.id AS service_id FROM user_scopes us JOIN services s ON s.id = us.scope_id
      WHERE us.user_id = ${user.id} AND us.scope_type = 'service'
    UNION SELECT s.id FROM user_scopes us JOIN services s ON s.directorate_id = us.scope_id
      WHERE us.user_id = ${user.id} AND us.scope_type = 'directorate'
    UNION SELECT ps.service_id FROM user_scopes us JOIN portfolio_services ps ON ps.portfolio_id = us.scope_id
      WHERE us.user_id = ${user.id} AND us.scope_type = 'portfolio'
    UNION SELECT cs.service_id FROM user_scopes us JOIN committee_services cs ON cs.committee_id = us.scope_id
      WHERE us.user_id = ${user.id} AND us.scope_type = 'committee'`.execute(db);
  return new Set(rows.rows.map((r) => String(r.service_id)));
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

/**
 * One figure (measure × breakdown) is in reach when its measure is — the headline and every breakdown — or, for a
 * provider login, when it is that provider's own breakdown of a measure asked of it.
 */
export async function figureInReach(
  db: Db,
  user: CurrentUser,
  action: Action,
  measureId: string,
  breakdown: string,
): Promise<boolean> {
  if (!can(user, action)) return false;
  if (await measureInReach(db, await servicesInReach(db, user, action), measureId)) return true;
  if (!breakdown.startsWith('provider:')) return false;
  const own = await providersOfUser(db, user);
  const provider = own.find((p) => providerBreakdown(p.code) === breakdown);
  if (!provider) return false;
  const asked = await db
    .selectFrom('provider_measures')
    .select('measure_id')
    .where('provider_id', '=', provider.id)
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
  return asked !== undefined;
}
