// Slows password guessing: an account (by the e-mail typed, known or not) is locked after 5 failed sign-ins in 15
// minutes, and an address after 20, each until the oldest of those failures is 15 minutes old. A locked attempt
// is refused without checking the password, recorded, and does not lengthen the lock. A lock is audited once.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export const WINDOW_MINUTES = 15;
export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;

export type Lock = { locked: false } | { locked: true; until: Date; by: 'account' | 'address' };

/** Whether a sign-in for this e-mail from this address may be tried now. */
export async function signInLock(db: Db, email: string, address: string): Promise<Lock> {
  const result = await sql<{ account_until: Date | null; address_until: Date | null }>`
    SELECT
      (SELECT at FROM sign_in_attempts
        WHERE email = ${email} AND outcome = 'failed' AND at > now() - make_interval(mins => ${WINDOW_MINUTES})
          AND at > coalesce((SELECT max(at) FROM sign_in_attempts WHERE email = ${email} AND outcome = 'succeeded'),
                            '-infinity')
        ORDER BY at DESC OFFSET ${ACCOUNT_FAILURES - 1} LIMIT 1) + make_interval(mins => ${WINDOW_MINUTES}) AS account_until,
      (SELECT at FROM sign_in_attempts
        WHERE address = ${address} AND outcome = 'failed' AND at > now() - make_interval(mins => ${WINDOW_MINUTES})
        ORDER BY at DESC OFFSET ${ADDRESS_FAILURES - 1} LIMIT 1) + make_interval(mins => ${WINDOW_MINUTES}) AS address_until`.execute(
    db,
  );
  const row = result.rows[0];
  if (row?.account_until) return { locked: true, until: row.account_until, by: 'account' };
  if (row?.address_until) return { locked: true, until: row.address_until, by: 'address' };
  return { locked: false };
}

/** Records the attempt; a failure that brings a lock on is audited (against the account's council when known). */
export async function recordSignInAttempt(
  db: Db,
  attempt: { email: string; address: string; outcome: 'succeeded' | 'failed' | 'refused' },
  account: { id: string; councilId: string } | null,
): Promise<void> {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
  if (attempt.outcome !== 'failed') return;
  const lock = await signInLock(db, attempt.email, attempt.address);
  if (!lock.locked) return;
  const kept = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in.locked'
       AND entity = ${lock.by === 'account' ? 'account' : 'address'}
       AND entity_id = ${lock.by === 'account' ? attempt.email : attempt.address}
       AND at > now() - make_interval(mins => ${WINDOW_MINUTES})`.execute(db);
  if ((kept.rows[0]?.n ?? 0) > 0) return;
  await db
    .insertInto('audit_log')
    .values({
      council_id: account?.councilId ?? null,
      user_id: account?.id ?? null,
      action: 'sign_in.locked',
      entity: lock.by === 'account' ? 'account' : 'address',
      entity_id: lock.by === 'account' ? attempt.email : attempt.address,
      after: JSON.stringify({ until: lock.until.toISOString(), address: attempt.address }),
    })
    .execute();
}
