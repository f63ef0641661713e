// The session cookie, set the same way whichever way the person signed in, and where a sign-in may land.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { SESSION_COOKIE } from './guard.ts';
import { signOut } from './users.service.ts';

/**
 * Gives the browser its new session's cookie. The session it held before (another person's, or one planted on it)
 * ends here: a sign-in always starts a session of its own.
 */
export async function setSessionCookie(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  cookieToken: string,
  config: Pick<Config, 'secureCookies' | 'sessionAbsoluteHours'>,
): Promise<void> {
  const before = request.cookies[SESSION_COOKIE];
  if (before) await signOut(db, before);
  reply.setCookie(SESSION_COOKIE, cookieToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** Only same-site paths, so a sign-in cannot be used to bounce people to another site. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/overview';
}
