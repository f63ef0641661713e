// Use cases for accounts: creating users (the CLI), signing in and out (the web app).
import type { Db } from '../db/connection.ts';
import type { Role, ScopeType } from '../db/schema.ts';
import { recordSignInAttempt, signInLock } from './sign-in-throttle.ts';
import { ValidationError } from '../web/errors.ts';
import type { CurrentUser } from './current-user.ts';
import { roleLabels } from './current-user.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { digest, newSecret } from './tokens.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
  insertSession,
  insertUser,
  toCurrentUser,
  type UserWithScopes,
} from './users.queries.ts';

const scopeTables: Record<
  ScopeType,
  'directorates' | 'services' | 'portfolios' | 'committees' | 'providers'
> = {
  directorate: 'directorates',
  service: 'services',
  portfolio: 'portfolios',
  committee: 'committees',
  provider: 'providers',
};

export function isRole(value: string): value is Role {
  return value in roleLabels;
}

/** Resolves "service:HOU-RM" style references to scope rows, naming the one that does not exist. */
export async function resolveScopes(
  db: Db,
  councilId: string,
  references: string[],
): Promise<{ type: ScopeType; id: string }[]> {
  const scopes: { type: ScopeType; id: string }[] = [];
  for (const reference of references) {
    const [type, code] = reference.split(':', 2);
    if (!type || !code || !(type in scopeTables)) {
      throw ValidationError.field(
        'scope',
        `'${reference}' is not a scope: write type:CODE, e.g. service:HOU-RM (types: ${Object.keys(scopeTables).join(', ')})`,
      );
    }
    const scopeType = type as ScopeType;
    const row = await db
      .selectFrom(scopeTables[scopeType])
      .select('id')
      .where('council_id', '=', councilId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw ValidationError.field('scope', `No ${scopeType} with code '${code}'`);
    scopes.push({ type: scopeType, id: String(row.id) });
  }
  return scopes;
}

export async function createUser(
  db: Db,
  input: {
    councilId: string;
    email: string;
    displayName?: string;
    role: string;
    password?: string;
    scopes: string[];
  },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw ValidationError.field('email', `'${input.email}' is not an e-mail address`);
  if (!isRole(input.role)) {
    throw ValidationError.field(
      'role',
      `'${input.role}' is not a role: choose one of ${Object.keys(roleLabels).join(', ')}`,
    );
  }
  if (await findUserByEmail(db, email))
    throw ValidationError.field('email', `A user with e-mail ${email} already exists`);
  const problem = input.password == null ? null : passwordProblem(input.password, { email });
  if (problem) throw ValidationError.field('password', problem);
  const scopes = await resolveScopes(db, input.councilId, input.scopes);
  if (input.role !== 'administrator' && input.role !== 'performance_officer' && scopes.length === 0) {
    throw ValidationError.field(
      'scope',
      `A ${roleLabels[input.role]} needs at least one --scope, or they could see nothing`,
    );
  }
  return insertUser(db, {
    councilId: input.councilId,
    email,
    displayName: input.displayName ?? email.split('@')[0] ?? email,
    role: input.role,
    passwordHash: input.password == null ? null : await hashPassword(input.password),
    scopes,
  });
}

export interface SignedIn {
  user: CurrentUser;
  cookieToken: string;
}

export type SignInOutcome =
  { signedIn: SignedIn } | { refused: 'not-right' } | { refused: 'locked'; until: Date };

/** `address`: the client's IP address, for throttling guesses (src/access/sign-in-throttle.ts). */
export async function signIn(
  db: Db,
  attempt: { email: string; password: string; address: string },
  absoluteHours: number,
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const lock = await signInLock(db, email, attempt.address);
  if (lock.locked) {
    await recordSignInAttempt(db, { email, address: attempt.address, outcome: 'refused' }, null);
    return { refused: 'locked', until: lock.until };
  }
  const user = await findUserByEmail(db, attempt.email.trim());
  // Verify even when the user is unknown so response time does not reveal which e-mails exist.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, attempt.password);
  if (!user || !ok || user.disabled) {
    const account = user ? { id: user.id, councilId: user.council_id } : null;
    await recordSignInAttempt(db, { email, address: attempt.address, outcome: 'failed' }, account);
    return { refused: 'not-right' };
  }
  await recordSignInAttempt(db, { email, address: attempt.address, outcome: 'succeeded' }, null);
  return { signedIn: await startSession(db, user, absoluteHours, 'password') };
}

/**
 * A new session for a person who has proved who they are (by password or single sign-on), audited. A new one at
 * every sign-in, never one carried over, so a session key planted before sign-in is worth nothing after it.
 */
export async function startSession(
  db: Db,
  user: UserWithScopes,
  absoluteHours: number,
  method: 'password' | 'sso',
): Promise<SignedIn> {
  const cookieToken = newSecret();
  const csrfToken = newSecret();
  await insertSession(db, { id: digest(cookieToken), userId: user.id, csrfToken, absoluteHours });
  await db
    .insertInto('audit_log')
    .values({
      council_id: user.council_id,
      user_id: user.id,
      action: 'sign_in',
      entity: 'user',
      entity_id: user.id,
      after: JSON.stringify({ method }),
    })
    .execute();
  return { user: toCurrentUser(user, csrfToken), cookieToken };
}

export async function signOut(db: Db, cookieToken: string): Promise<void> {
  await deleteSession(db, digest(cookieToken));
}

/** Ends every session the user has (a lost laptop, a shared computer), audited. */
export async function signOutEverywhere(db: Db, user: { id: string; councilId: string }): Promise<number> {
  const ended = await deleteSessionsOfUser(db, user.id);
  await db
    .insertInto('audit_log')
    .values({
      council_id: user.councilId,
      user_id: user.id,
      action: 'sign_out.everywhere',
      entity: 'user',
      entity_id: user.id,
      after: JSON.stringify({ sessionsEnded: ended }),
    })
    .execute();
  return ended;
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$BhPgN2HBf2yij/CPxfOdVA$zzQWLbqP7YDjpwTgojAd+7ktmM1KarfCf4/izKasG+E';
