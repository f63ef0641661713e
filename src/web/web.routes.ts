// The front door and health check: where "/" leads, and whether the app is ready to serve.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './server.ts';

export function webRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  // On the residents' own host name (PUBLIC_HOST) the front door is the residents' site.
  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply.redirect(
      config.publicHost && request.hostname.split(':')[0] === config.publicHost
        ? '/public'
        : request.user
          ? '/overview'
          : '/sign-in',
    ),
  );

  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(db);
      return reply.send({ status: 'ok', migrations: row.rows[0]?.n ?? 0 });
    } catch {
      return reply.status(503).send({ status: 'starting' });
    }
  });
}
