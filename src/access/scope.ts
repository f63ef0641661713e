// Turns a user's scopes into the services they reach, in one query: the set every scoped check is made against.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CurrentUser } from './current-user.ts';
import { type Action, authorize } from './permissions.ts';

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
      WHERE us.user_id = ${user.id} AND us.scope_type = 'committee'
    UNION SELECT p.service_id FROM user_scopes us JOIN providers p ON p.id = us.scope_id
      WHERE us.user_id = ${user.id} AND us.scope_type = 'provider'`.execute(db);
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
