// Whose public site this is: the council named by PUBLIC_COUNCIL (its slug), or else the first council set up. A
// deployment serves one council's residents; the staff app may hold more.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface PublicCouncil {
  id: string;
  slug: string;
  name: string;
}

export async function publicCouncil(db: Db, slug: string | undefined): Promise<PublicCouncil | null> {
  const result = await sql<PublicCouncil>`
    SELECT id::text, slug, name FROM councils
     WHERE (${slug ?? null}::text IS NULL OR slug = ${slug ?? null})
     ORDER BY id LIMIT 1`.execute(db);
  return result.rows[0] ?? null;
}
