// The session cookie, set the same way whichever way the person signed in, and where a sign-in may land.
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_COOKIE } from './guard.ts';

export function setSessionCookie(
  reply: FastifyReply,
  cookieToken: string,
  config: Pick<Config, 'secureCookies' | 'sessionAbsoluteHours'>,
): void {
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
