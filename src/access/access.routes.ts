// Sign in and sign out with a local account; the session lives in PostgreSQL, the cookie holds only its key.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../web/server.ts';
import { ForbiddenError } from '../web/errors.ts';
import { SESSION_COOKIE } from './guard.ts';
import { safeNext, setSessionCookie } from './session-cookie.ts';
import { signIn, signOut, signOutEverywhere } from './users.service.ts';

interface SignInForm {
  email?: string;
  password?: string;
  next?: string;
}

export function accessRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  // Which ways in the sign-in page offers: the password form, the council's single sign-on, or both.
  const ways = { localSignIn: config.localSignIn, sso: config.sso !== undefined };
  app.get<{ Querystring: { next?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) =>
      reply.page('access/views/sign-in.njk', { ...ways, next: safeNext(request.query.next), values: {} }),
  );

  // With LOCAL_SIGN_IN=false the council's identity provider is the only way in on the web (the CLI still works).
  app.addHook('preHandler', async (request) => {
    if (!config.localSignIn && request.method === 'POST' && request.routeOptions.url === '/sign-in')
      throw new ForbiddenError(
        'Signing in with a password is turned off here: use "Sign in with your council account" on the sign-in page',
      );
  });

  app.post<{ Body: SignInForm }>('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const { email = '', password = '' } = request.body ?? {};
    const next = safeNext(request.body?.next);
    const errors = [
      ...(email.trim() ? [] : [{ href: '#email', text: 'Enter your e-mail address' }]),
      ...(password ? [] : [{ href: '#password', text: 'Enter your password' }]),
    ];
    if (errors.length > 0)
      return reply.status(400).page('access/views/sign-in.njk', { ...ways, errors, next, values: { email } });
    const outcome = await signIn(db, { email, password, address: request.ip }, config.sessionAbsoluteHours);
    if ('refused' in outcome) {
      const locked = outcome.refused === 'locked';
      if (locked)
        reply.header(
          'retry-after',
          String(Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 1000))),
        );
      const text = locked
        ? `Too many sign-in attempts. Try again after ${ukTime(outcome.until)}.`
        : 'The e-mail address or password is not right';
      return reply.status(locked ? 429 : 400).page('access/views/sign-in.njk', {
        ...ways,
        errors: [{ href: '#email', text }],
        next,
        values: { email },
      });
    }
    await setSessionCookie(db, request, reply, outcome.signedIn.cookieToken, config);
    return reply.redirect(next);
  });

  app.post('/sign-out-everywhere', { config: { access: 'signed_in' } }, async (request, reply) => {
    const user = request.user;
    if (user) await signOutEverywhere(db, { id: user.id, councilId: user.councilId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in');
  });

  app.post('/sign-out', { config: { access: 'signed_in' } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await signOut(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in');
  });
}

/** "14:32" in UK time: when a locked sign-in may be tried again. */
function ukTime(at: Date): string {
  return at.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
}
