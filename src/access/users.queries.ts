// SQL for users, their scopes, sessions and API tokens.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Role, ScopeType } from '../db/schema.ts';
import type { CurrentUser, Scope } from './current-user.ts';

interface UserWithScopes {
  id: string;
  council_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  scopes: Scope[];
}

const userColumns = sql<UserWithScopes>`
  u.id, u.council_id, u.email, u.display_name, u.role, u.password_hash, u.disabled,
  COALESCE((SELECT json_agg(json_build_object('type', us.scope_type, 'id', us.scope_id::text))
            FROM user_scopes us WHERE us.user_id = u.id), '[]') AS scopes`;

export async function findUserByEmail(db: Db, email: string): Promise<UserWithScopes | undefined> {
  const result =
    await sql<UserWithScopes>`SELECT ${userColumns} FROM users u WHERE lower(u.email) = lower(${email})`.execute(
      db,
    );
  return result.rows[0];
}

export async function findUserBySession(
  db: Db,
  sessionId: string,
): Promise<(UserWithScopes & { csrf_token: string }) | undefined> {
  const result = await sql<UserWithScopes & { csrf_token: string }>`
    UPDATE sessions s SET last_seen_at = now()
    FROM users u
    WHERE s.id = ${sessionId} AND u.id = s.user_id AND NOT u.disabled
      AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes()})
    RETURNING ${userColumns}, s.csrf_token`.execute(db);
  return result.rows[0];
}

export async function findUserByToken(db: Db, tokenHash: string): Promise<UserWithScopes | undefined> {
  const result = await sql<UserWithScopes>`
    UPDATE api_tokens t SET last_used_at = now()
    FROM users u
    WHERE t.token_hash = ${tokenHash} AND u.id = t.user_id AND NOT u.disabled
      AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
    RETURNING ${userColumns}`.execute(db);
  return result.rows[0];
}

function idleMinutes(): number {
  return Number(process.env.SESSION_IDLE_MINUTES ?? 120);
}

export function toCurrentUser(row: UserWithScopes, csrfToken: string | null): CurrentUser {
  return {
    id: String(row.id),
    councilId: String(row.council_id),
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    scopes: row.scopes,
    csrfToken,
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
        .values(user.scopes.map((s) => ({ user_id: id, scope_type: s.type, scope_id: s.id })))
        .execute();
    }
    return id;
  });
}

export async function insertApiToken(
  db: Db,
  token: { userId: string; tokenHash: string; name: string; expiresAt: Date | null },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      token_hash: token.tokenHash,
      name: token.name,
      expires_at: token.expiresAt,
    })
    .execute();
}
