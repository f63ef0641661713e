// Single sign-on routes: off to the council's identity provider, and back. Always registered (so the access
// matrix sees them); without OIDC_ISSUER they answer "not found".
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../web/server.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { safeNext, setSessionCookie } from '../session-cookie.ts';
import { rememberPendingSignIn, takePendingSignIn, PENDING_MINUTES } from './pending-sign-ins.ts';
import { type SsoClient, ssoClient, SsoNotCompleted } from './sso-client.ts';
import { auditRefusal, signInWithSso } from './sso.service.ts';

const PENDING_COOKIE = 'scorecard_sso';
const PENDING_PATH = '/sign-in/sso';

export function ssoRoutes(app: FastifyInstance, { db, config }: ServerContext): void {
  const sso = config.sso;
  const client: SsoClient | undefined = sso && ssoClient(sso);
  const configured = () => {
    if (!sso || !client) throw new NotFoundError('Single sign-on is not set up here');
    return { sso, client };
  };

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in/sso',
    { config: { access: 'public' } },
    async (request, reply) => {
      const { client } = configured();
      let started: Awaited<ReturnType<SsoClient['start']>>;
      try {
        started = await client.start(safeNext(request.query.next));
      } catch (error) {
        request.log.error({ err: error }, 'the identity provider cannot be reached');
        throw new AppError(
          502,
          'sso_unavailable',
          `The council’s sign-in service cannot be reached at the moment: try again in a few minutes. Quote reference ${request.id} if you contact support.`,
        );
      }
      const key = await rememberPendingSignIn(db, started.pending);
      reply.setCookie(PENDING_COOKIE, key, {
        path: PENDING_PATH,
        httpOnly: true,
        // Lax, not strict: the provider brings the browser back with a top-level GET from its own site.
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: PENDING_MINUTES * 60,
      });
      return reply.redirect(started.url.href);
    },
  );

  app.get('/sign-in/sso/callback', { config: { access: 'public' } }, async (request, reply) => {
    const { sso, client } = configured();
    const key = request.cookies[PENDING_COOKIE];
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    const pending = key ? await takePendingSignIn(db, key) : undefined;
    if (!pending) {
      await auditRefusal(
        db,
        { councilId: null },
        'the sign-in was unknown to this browser, expired or already used',
      );
      startAgain('This sign-in has expired or was already used');
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let claims;
    try {
      claims = await client.finish(query, pending);
    } catch (error) {
      // Anything else (the database, a bug) is an internal error, answered and logged as such.
      if (!(error instanceof SsoNotCompleted)) throw error;
      request.log.warn({ err: error.cause ?? error }, 'single sign-on did not complete');
      await auditRefusal(db, { councilId: null }, `the provider's answer was refused: ${error.message}`);
      startAgain(`Signing in with your council account did not complete (${error.message})`);
    }
    const outcome = await signInWithSso(db, sso, claims, config.sessionAbsoluteHours);
    if ('refused' in outcome) throw new ForbiddenError(outcome.refused);
    await setSessionCookie(db, request, reply, outcome.signedIn.cookieToken, config);
    return reply.redirect(pending.next);
  });
}

function startAgain(what: string): never {
  throw new ValidationError(`${what}: go back to the sign-in page and start again.`);
}
