// The Atom feed's one URL.
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../web/errors.ts';
import type { ServerContext } from '../web/server.ts';
import { notModified } from './http-cache.ts';
import type { OpenData } from './open-data.service.ts';
import { FEED } from './open-data.ts';

export function feedRoutes(app: FastifyInstance, context: ServerContext, openData: OpenData): void {
  app.get(FEED, { config: { access: 'public', crossOrigin: true } }, async (request, reply) => {
    const snapshot = await context.publicSite.current();
    const xml = snapshot ? await openData.feed() : null;
    if (!snapshot || xml === null) throw new NotFoundError('Page not found');
    if (notModified(request, reply, snapshot)) return reply.send();
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}
