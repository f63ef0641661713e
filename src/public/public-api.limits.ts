// What the open data, the public API and the feed share beyond being public: a per-address rate limit (over it, 429
// with Retry-After and a JSON error whatever was asked for) and CORS open for GET, so any site or script may read them.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance } from 'fastify';
import { TooManyRequestsError } from '../web/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Any origin may read the response (Access-Control-Allow-Origin: *). */
    crossOrigin?: boolean;
  }
}

/** Registers, in the caller's scope only, the rate limit on every route (unless it says `rateLimit: false`) and CORS. */
export async function registerOpenAccess(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(
        `Too many requests from your address: at most ${context.max} a minute. Try again in ${context.after}.`,
      ),
  });

  // The app's handler would answer a download or the feed with an HTML page; a client of data wants JSON. Any
  // other error goes on to the app's handler.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return reply.code(429).send({ error: { code: error.code, message: error.message, details: [] } });
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.crossOrigin) reply.header('access-control-allow-origin', '*');
  });
}

/** Answers a browser's CORS preflight for GET on every URL under `prefix`. */
export function answerPreflight(app: FastifyInstance, prefix: string): void {
  app.options(
    `${prefix}/*`,
    { config: { access: 'public', rateLimit: false, crossOrigin: true } },
    (request, reply) => {
      const asked = request.headers['access-control-request-headers'];
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
        .header('access-control-max-age', '86400');
      if (asked)
        reply.header('access-control-allow-headers', asked).header('vary', 'Access-Control-Request-Headers');
      return reply.send();
    },
  );
}
