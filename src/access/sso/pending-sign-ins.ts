// A single sign-on between leaving for the provider and coming back: kept in PostgreSQL (any of several servers
// may take the callback) under the digest of a key the starting browser holds in an HttpOnly cookie, for ten
// minutes, and taken once, so a callback replayed or run in another browser finds nothing.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { digest, newSecret } from '../tokens.ts';

export const PENDING_MINUTES = 10;

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

/** Stores the sign-in and returns the browser's key to it. */
export async function rememberPendingSignIn(db: Db, pending: PendingSignIn): Promise<string> {
  const key = newSecret();
  // Sign-ins abandoned at the provider are cleared as new ones start; there are few, and the index finds them.
  await db.deleteFrom('sso_sign_ins').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('sso_sign_ins')
    .values({
      id: digest(key),
      state: pending.state,
      nonce: pending.nonce,
      code_verifier: pending.codeVerifier,
      next: pending.next,
      expires_at: sql<Date>`now() + make_interval(mins => ${PENDING_MINUTES})`,
    })
    .execute();
  return key;
}

/** The sign-in the key names, removed as it is read; undefined when unknown, already used or expired. */
export async function takePendingSignIn(db: Db, key: string): Promise<PendingSignIn | undefined> {
  const row = await db
    .deleteFrom('sso_sign_ins')
    .where('id', '=', digest(key))
    .returning(['state', 'nonce', 'code_verifier', 'next', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() < Date.now()) return undefined;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, next: row.next };
}
