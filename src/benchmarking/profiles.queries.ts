// The column-mapping profiles saved per council: the shipped ones are written on first use, so a council that
// never imports has none, and an officer's edits to a saved profile are not overwritten.
import type { Db } from '../db/connection.ts';
import { ValidationError } from '../web/errors.ts';
import { readProfileDefinition, shippedProfiles, type ProfileDefinition } from './profiles.ts';

export async function ensureShippedProfiles(db: Db, councilId: string): Promise<void> {
  await db
    .insertInto('benchmark_profiles')
    .values(
      Object.entries(shippedProfiles).map(([name, definition]) => ({
        council_id: councilId,
        name,
        definition: JSON.stringify(definition),
        shipped: true,
      })),
    )
    .onConflict((oc) => oc.columns(['council_id', 'name']).doNothing())
    .execute();
}

export async function listProfiles(db: Db, councilId: string) {
  await ensureShippedProfiles(db, councilId);
  return db
    .selectFrom('benchmark_profiles')
    .select(['name', 'definition', 'shipped'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

export async function findProfile(db: Db, councilId: string, name: string): Promise<ProfileDefinition> {
  await ensureShippedProfiles(db, councilId);
  const row = await db
    .selectFrom('benchmark_profiles')
    .select('definition')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) {
    const names = (await listProfiles(db, councilId)).map((p) => p.name).join(', ');
    throw ValidationError.field('profile', `There is no profile '${name}': choose one of ${names}`);
  }
  return readProfileDefinition(name, row.definition);
}
