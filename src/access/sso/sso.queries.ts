// SQL for single sign-on: which council SSO people belong to, binding a user to their provider identity, and
// bringing a user's role and scopes in line with their claims.
import type { Db } from '../../db/connection.ts';
import type { Role, ScopeType } from '../../db/schema.ts';

/** The council by slug, or the only council when none is named; a message for the administrator otherwise. */
export async function ssoCouncil(
  db: Db,
  slug: string | undefined,
): Promise<{ id: string } | { problem: string }> {
  const councils = await db.selectFrom('councils').select(['id', 'slug']).orderBy('id').execute();
  if (slug) {
    const council = councils.find((c) => c.slug === slug);
    return council
      ? { id: String(council.id) }
      : { problem: `OIDC_COUNCIL names '${slug}', but no council has that slug` };
  }
  const only = councils.length === 1 ? councils[0] : undefined;
  return only
    ? { id: String(only.id) }
    : {
        problem: `OIDC_COUNCIL is not set and there are ${councils.length} councils: say which one SSO serves`,
      };
}

/** Binds the user to the identity; false when they are already bound to another one (no change made). */
export async function bindOidcIdentity(
  db: Db,
  userId: string,
  identity: { issuer: string; subject: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
    .where('id', '=', userId)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRole(db: Db, userId: string, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', userId).execute();
}

export async function replaceScopes(
  db: Db,
  user: { id: string; councilId: string },
  scopes: { type: ScopeType; id: string }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_scopes').where('user_id', '=', user.id).execute();
    if (scopes.length > 0)
      await trx
        .insertInto('user_scopes')
        .values(
          scopes.map((s) => ({
            council_id: user.councilId,
            user_id: user.id,
            scope_type: s.type,
            scope_id: s.id,
          })),
        )
        .execute();
  });
}
