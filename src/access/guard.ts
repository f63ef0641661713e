// Deny by default: every route declares its access rule, and this hook enforces it before any handler runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { AuthenticationError, ForbiddenError } from '../web/errors.ts';
import type { CurrentUser } from './current-user.ts';
import { type Action, can } from './permissions.ts';
import { digest } from './tokens.ts';
import { findUserBySession, findUserByToken, toCurrentUser } from './users.queries.ts';

/** 'public' needs no sign-in; 'signed_in' any account; an Action needs a role that grants it. */
export type AccessRule = 'public' | 'signed_in' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}

export const SESSION_COOKIE = 'scorecard_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in user of a request; the guard has already refused anonymous callers on every non-public route. */
export function signedInUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new AuthenticationError();
  return request.user;
}

export function registerGuard(app: FastifyInstance, db: Db): void {
  app.decorateRequest('user', null);

  // Identity and the access rule are settled before the body is parsed or validated, so an anonymous or
  // unauthorised caller learns nothing from validation messages.
  app.addHook('onRequest', async (request) => {
    request.user = await identify(db, request);
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    // A route without a rule is a programming error; refusing it keeps a forgotten route from shipping open.
    if (!rule) throw new ForbiddenError(`Route ${request.routeOptions.url} declares no access rule`);
    if (rule === 'public') return;
    if (!request.user) throw new AuthenticationError();
    if (rule !== 'signed_in' && !can(request.user, rule)) throw new ForbiddenError();
  });

  // The CSRF token travels in the form body, so it is checked once the body is parsed. A multipart body is
  // parsed later, by the uploads' own plugin (elsewhere it is refused with 415), which checks it then.
  app.addHook('preValidation', async (request) => {
    if (request.is404 || request.routeOptions.config.access === 'public') return;
    if (request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) return;
    checkCsrf(request);
  });
}

async function identify(db: Db, request: FastifyRequest): Promise<CurrentUser | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const row = await findUserByToken(db, digest(header.slice(7).trim()));
    if (!row) throw new AuthenticationError('The API token is not valid, has expired or was revoked');
    return toCurrentUser(row, null, row.actions);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const row = await findUserBySession(db, digest(cookie));
  return row ? toCurrentUser(row, row.csrf_token) : null;
}

export function checkCsrf(request: FastifyRequest): void {
  if (!unsafeMethods.has(request.method) || !request.user?.csrfToken) return;
  const body = request.body as Record<string, unknown> | undefined;
  const sent =
    (body && typeof body._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
  if (sent !== request.user.csrfToken) {
    throw new ForbiddenError(
      'The form has expired or did not come from this site. Go back, reload the page and try again.',
    );
  }
}
