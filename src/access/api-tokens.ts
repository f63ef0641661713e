// API bearer tokens: each does only what its scopes name, never more than its owner's role allows; shown once,
// stored as a SHA-256, expiring, revocable, and every creation and revocation audited.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { NotFoundError, ValidationError } from '../web/errors.ts';
import { roleLabels } from './current-user.ts';
import { type Action, actions, permissions } from './permissions.ts';
import { digest, newSecret } from './tokens.ts';
import { findUserByEmail } from './users.queries.ts';

/** Words a token's scope may use besides single actions: every read its owner has, or all its owner may do. */
export const TOKEN_SCOPE_WORDS = ['read', 'all'] as const;
const readActions = actions.filter((action) => action.endsWith('.read'));

export const DEFAULT_TOKEN_DAYS = 90;
export const MOST_TOKEN_DAYS = 366;

export interface NewApiToken {
  email: string;
  scopes: string[];
  name?: string;
  expiresInDays?: number;
}

export async function createApiToken(db: Db, input: NewApiToken): Promise<string> {
  const user = await findUserByEmail(db, input.email);
  if (!user) throw ValidationError.field('email', `No user with e-mail ${input.email}`);
  const granted = tokenActions(user.role, input.scopes);
  const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MOST_TOKEN_DAYS)
    throw ValidationError.field(
      'expires-in-days',
      `A token lasts from 1 to ${MOST_TOKEN_DAYS} days (whole days); ${String(input.expiresInDays)} was given`,
    );
  const token = newSecret('csk_');
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('api_tokens')
      .values({
        user_id: user.id,
        token_hash: digest(token),
        name: input.name ?? '',
        actions: granted,
        expires_at: sql<Date>`now() + make_interval(days => ${days})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_log')
      .values({
        council_id: user.council_id,
        user_id: user.id,
        action: 'api_token.create',
        entity: 'api_token',
        entity_id: String(id),
        after: JSON.stringify({ name: input.name ?? '', actions: granted, days }),
      })
      .execute();
  });
  return token;
}

/** The actions a token with these scopes may take: each must be one its owner's role grants. */
export function tokenActions(role: keyof typeof roleLabels, scopes: string[]): Action[] {
  const roleActions = actions.filter((action) => permissions[action][role] != null);
  if (scopes.length === 0)
    throw ValidationError.field(
      'scope',
      `Give the token at least one scope: "read", "all" or actions such as value.write (${roleLabels[role]}s may use ${roleActions.join(', ')})`,
    );
  const wanted = new Set<Action>();
  for (const scope of scopes) {
    if (scope === 'all') roleActions.forEach((action) => wanted.add(action));
    else if (scope === 'read')
      readActions.filter((a) => roleActions.includes(a)).forEach((a) => wanted.add(a));
    else if (!(actions as readonly string[]).includes(scope))
      throw ValidationError.field(
        'scope',
        `"${scope}" is not a scope: use "read", "all" or one of ${actions.join(', ')}`,
      );
    else if (!roleActions.includes(scope as Action))
      throw ValidationError.field(
        'scope',
        `A token cannot do more than its owner: ${roleLabels[role]}s may not ${scope}`,
      );
    else wanted.add(scope as Action);
  }
  return actions.filter((action) => wanted.has(action));
}

export interface ApiTokenListing {
  id: string;
  email: string;
  name: string;
  actions: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function listApiTokens(
  db: Db,
  only: { email?: string; id?: string } = {},
): Promise<ApiTokenListing[]> {
  let query = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      'u.email',
      't.name',
      't.actions',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
    ])
    .orderBy('t.id');
  if (only.email) query = query.where(sql<boolean>`lower(u.email) = lower(${only.email})`);
  if (only.id) query = query.where('t.id', '=', only.id);
  return (await query.execute()).map((row) => ({ ...row, id: String(row.id) }));
}

/** Revokes a token at once (its next request is refused); revoking one already revoked is an error, not a no-op. */
export async function revokeApiToken(db: Db, tokenId: string): Promise<ApiTokenListing> {
  if (!/^\d{1,18}$/.test(tokenId)) throw ValidationError.field('id', `"${tokenId}" is not a token number`);
  return db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.revoked_at', 't.name', 'u.id as user_id', 'u.council_id'])
      .where('t.id', '=', tokenId)
      .forUpdate()
      .executeTakeFirst();
    if (!token) throw new NotFoundError(`There is no API token ${tokenId}`);
    if (token.revoked_at)
      throw ValidationError.field(
        'id',
        `API token ${tokenId} was already revoked on ${token.revoked_at.toISOString()}`,
      );
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', tokenId)
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        council_id: token.council_id,
        user_id: token.user_id,
        action: 'api_token.revoke',
        entity: 'api_token',
        entity_id: tokenId,
        after: JSON.stringify({ name: token.name }),
      })
      .execute();
    const [revoked] = await listApiTokens(trx, { id: tokenId });
    if (!revoked) throw new NotFoundError(`There is no API token ${tokenId}`);
    return revoked;
  });
}
