// SQL shared by the assurance registers: a service or a person of the council by code or id, the people who may own
// an action or a return, and who last changed a record (for the 409 of a stale edit).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface ServiceChoice {
  id: string;
  code: string;
  name: string;
}

export async function servicesOfCouncil(db: Db, councilId: string): Promise<ServiceChoice[]> {
  return db
    .selectFrom('services')
    .select(['id', 'code', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

export interface PersonChoice {
  id: string;
  name: string;
  email: string;
}

/** Staff who can own an action or a return: every enabled account but external providers'. */
export async function ownersOfCouncil(db: Db, councilId: string): Promise<PersonChoice[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'email'])
    .where('council_id', '=', councilId)
    .where('disabled', '=', false)
    .where('role', '!=', 'provider')
    .orderBy('display_name')
    .execute();
}

export interface LastChange {
  user_name: string | null;
  at: Date;
}

export async function lastChange(db: Db, entity: string, entityId: string): Promise<LastChange | undefined> {
  const result = await sql<LastChange>`
    SELECT u.display_name AS user_name, a.at
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.entity = ${entity} AND a.entity_id = ${entityId}
    ORDER BY a.at DESC, a.id DESC LIMIT 1`.execute(db);
  return result.rows[0];
}
