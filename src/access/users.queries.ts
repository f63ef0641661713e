// SQL for users, their scopes, sessions and API tokens.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Role, ScopeType } from '../db/schema.ts';
import type { CurrentUser, Scope } from './current-user.ts';
import type { Action } from './permissions.ts';

export interface UserWithScopes {
  id: string;
  council_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  scopes: Scope[];
  services_in_scope: string[];
}

// The services a user's scopes cover are resolved with the user, once per request, because most pages ask for them
// several times (every scoped check is made against them).
const userColumns = sql<UserWithScopes>`
  u.id, u.council_id, u.email, u.display_name, u.role, u.password_hash, u.disabled,
  COALESCE((SELECT json_agg(json_build_object('type', us.scope_type, 'id', us.scope_id::text))
            FROM user_scopes us WHERE us.user_id = u.id), '[]') AS scopes,
  ARRAY(
    SELECT s.id::text FROM user_scopes us JOIN services s ON s.id = us.scope_id
      WHERE us.user_id = u.id AND us.scope_type = 'service'
    UNION SELECT s.id::text FROM user_scopes us JOIN services s ON s.directorate_id = us.scope_id
      WHERE us.user_id = u.id AND us.scope_type = 'directorate'
    UNION SELECT ps.service_id::text FROM user_scopes us JOIN portfolio_services ps ON ps.portfolio_id = us.scope_id
      WHERE us.user_id = u.id AND us.scope_type = 'portfolio'
    UNION SELECT cs.service_id::text FROM user_scopes us JOIN committee_services cs ON cs.committee_id = us.scope_id
      WHERE us.user_id = u.id AND us.scope_type = 'committee') AS services_in_scope`;

export async function findUserByEmail(db: Db, email: string): Promise<UserWithScopes | undefined> {
  const result =
    await sql<UserWithScopes>`SELECT ${userColumns} FROM users u WHERE lower(u.email) = lower(${email})`.execute(
      db,
    );
  return result.rows[0];
}

/** The user bound to this OpenID Connect identity at an earlier single sign-on. */
export async function findUserByOidcIdentity(
  db: Db,
  issuer: string,
  subject: string,
): Promise<(UserWithScopes & { oidc_subject: string | null }) | undefined> {
  const result = await sql<UserWithScopes & { oidc_subject: string | null }>`
    SELECT ${userColumns}, u.oidc_subject FROM users u
    WHERE u.oidc_issuer = ${issuer} AND u.oidc_subject = ${subject}`.execute(db);
  return result.rows[0];
}

// Last-seen and last-used times are refreshed at most once a minute: writing them on every request would make
// each read wait for a disk flush, and a minute is finer than any timeout they serve.
export async function findUserBySession(
  db: Db,
  sessionId: string,
): Promise<(UserWithScopes & { csrf_token: string }) | undefined> {
  const result = await sql<UserWithScopes & { csrf_token: string; touch: boolean }>`
    SELECT ${userColumns}, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS touch
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${sessionId} AND NOT u.disabled
      AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes()})`.execute(
    db,
  );
  const row = result.rows[0];
  if (row?.touch) await sql`UPDATE sessions SET last_seen_at = now() WHERE id = ${sessionId}`.execute(db);
  return row;
}

export async function findUserByToken(
  db: Db,
  tokenHash: string,
): Promise<(UserWithScopes & { actions: Action[] }) | undefined> {
  const result = await sql<UserWithScopes & { actions: Action[]; touch: boolean }>`
    SELECT ${userColumns}, t.actions, (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS touch
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${tokenHash} AND NOT u.disabled
      AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`.execute(db);
  const row = result.rows[0];
  if (row?.touch)
    await sql`UPDATE api_tokens SET last_used_at = now() WHERE token_hash = ${tokenHash}`.execute(db);
  return row;
}

function idleMinutes(): number {
  return Number(process.env.SESSION_IDLE_MINUTES ?? 120);
}

export function toCurrentUser(
  row: UserWithScopes,
  csrfToken: string | null,
  tokenActions: readonly Action[] | null = null,
): CurrentUser {
  return {
    id: String(row.id),
    councilId: String(row.council_id),
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    scopes: row.scopes,
    servicesInScope: row.services_in_scope,
    csrfToken,
    tokenActions,
  };
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; csrfToken: string; absoluteHours: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      last_seen_at: new Date(),
      expires_at: new Date(Date.now() + session.absoluteHours * 3600_000),
    })
    .execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Every session of the user: signed out on every device. Returns how many there were. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertUser(
  db: Db,
  user: {
    councilId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string | null;
    scopes: { type: ScopeType; id: string }[];
  },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        council_id: user.councilId,
        email: user.email,
        display_name: user.displayName,
        role: user.role,
        password_hash: user.passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (user.scopes.length > 0) {
      await trx
        .insertInto('user_scopes')
        .values(
          user.scopes.map((s) => ({
            council_id: user.councilId,
            user_id: id,
            scope_type: s.type,
            scope_id: s.id,
          })),
        )
        .execute();
    }
    return id;
  });
}
