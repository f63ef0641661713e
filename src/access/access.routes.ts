// Sign in and sign out with a local account; the session lives in PostgreSQL, the cookie holds only its key.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../web/server.ts';
import { SESSION_COOKIE } from './guard.ts';
import { signIn, signOut } from './users.service.ts';

interface SignInForm {
  email?: string;
  password?: string;
  next?: string;
}

export function accessRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  app.get<{ Querystring: { next?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) =>
      reply.page('access/views/sign-in.njk', { next: safeNext(request.query.next), values: {} }),
  );

  app.post<{ Body: SignInForm }>('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const { email = '', password = '' } = request.body ?? {};
    const next = safeNext(request.body?.next);
    const errors = [
      ...(email.trim() ? [] : [{ href: '#email', text: 'Enter your e-mail address' }]),
      ...(password ? [] : [{ href: '#password', text: 'Enter your password' }]),
    ];
    const signedIn =
      errors.length === 0 ? await signIn(db, email, password, config.sessionAbsoluteHours) : null;
    if (!signedIn) {
      if (errors.length === 0)
        errors.push({ href: '#email', text: 'The e-mail address or password is not right' });
      return reply.status(400).page('access/views/sign-in.njk', { errors, next, values: { email } });
    }
    reply.setCookie(SESSION_COOKIE, signedIn.cookieToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionAbsoluteHours * 3600,
    });
    return reply.redirect(next);
  });

  app.post('/sign-out', { config: { access: 'signed_in' } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await signOut(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in');
  });
}

/** Only same-site paths, so the sign-in form cannot be used to bounce people to another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/overview';
}
