// Peer groups: saved whole (a re-import replaces a group's members), audited, and the areas they name recorded.
import type { Db } from '../db/connection.ts';
import type { PeerGroupKind } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../web/errors.ts';

export interface PeerGroupInput {
  name: string;
  kind: PeerGroupKind;
  source: string;
  /** GSS codes in the source's order (a nearest-neighbours list puts the authority itself first). */
  members: string[];
}

export interface AreaInput {
  code: string;
  name: string;
  type?: string | null;
  region?: string | null;
}

const GSS_CODE = /^[EWSNK]\d{8}$/;

export async function saveGroups(
  db: Db,
  actor: { councilId: string; userId: string | null },
  groups: PeerGroupInput[],
  areas: AreaInput[] = [],
): Promise<number> {
  for (const g of groups) {
    if (g.name.trim() === '' || g.name.length > 200)
      throw ValidationError.field('name', 'A peer group needs a name of 1 to 200 characters');
    const bad = g.members.find((code) => !GSS_CODE.test(code));
    if (bad !== undefined)
      throw ValidationError.field('members', `'${bad}' in ${g.name} is not an ONS GSS code (e.g. E06000005)`);
    if (g.members.length === 0) throw ValidationError.field('members', `${g.name} has no members`);
  }
  // A file may name an area in several groups: one row per area, the last word on it kept.
  const uniqueAreas = [...new Map(areas.map((a) => [a.code, a])).values()];
  return db.transaction().execute(async (trx) => {
    if (uniqueAreas.length > 0)
      await trx
        .insertInto('benchmark_areas')
        .values(
          uniqueAreas.map((a) => ({
            council_id: actor.councilId,
            code: a.code,
            name: a.name,
            type: a.type ?? null,
            region: a.region ?? null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['council_id', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            type: eb.fn.coalesce('excluded.type', 'benchmark_areas.type'),
            region: eb.fn.coalesce('excluded.region', 'benchmark_areas.region'),
          })),
        )
        .execute();
    for (const g of groups) {
      const { id } = await trx
        .insertInto('benchmark_peer_groups')
        .values({ council_id: actor.councilId, name: g.name.trim(), kind: g.kind, source: g.source })
        .onConflict((oc) =>
          oc.columns(['council_id', 'name']).doUpdateSet({ kind: g.kind, source: g.source }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      const before = await trx
        .deleteFrom('benchmark_peer_group_members')
        .where('group_id', '=', id)
        .returning('area_code')
        .execute();
      const members = [...new Set(g.members)];
      await trx
        .insertInto('benchmark_peer_group_members')
        .values(
          members.map((code, position) => ({
            council_id: actor.councilId,
            group_id: id,
            area_code: code,
            position,
          })),
        )
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          council_id: actor.councilId,
          user_id: actor.userId,
          action: 'benchmark.group.save',
          entity: 'benchmark_peer_group',
          entity_id: id,
          before: before.length > 0 ? JSON.stringify({ members: before.map((m) => m.area_code) }) : null,
          after: JSON.stringify({ name: g.name, kind: g.kind, source: g.source, members }),
        })
        .execute();
    }
    return groups.length;
  });
}

export async function listGroups(db: Db, councilId: string) {
  return db
    .selectFrom('benchmark_peer_groups as g')
    .leftJoin('benchmark_peer_group_members as m', 'm.group_id', 'g.id')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.kind',
      'g.source',
      eb.fn.count<string>('m.area_code').as('members'),
    ])
    .where('g.council_id', '=', councilId)
    .groupBy('g.id')
    .orderBy('g.kind')
    .orderBy('g.name')
    .execute();
}

export async function findGroupId(db: Db, councilId: string, name: string): Promise<string> {
  const row = await db
    .selectFrom('benchmark_peer_groups')
    .select('id')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`There is no peer group named '${name}'`);
  return row.id;
}
