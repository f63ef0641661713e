// The structure capability's routes in one module: the index page, the JSON read API, and the strategy,
// organisation and governance pages.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import type { AppContext } from '../web/server.ts';
import { governanceRoutes } from './governance.routes.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { strategyRoutes } from './strategy.routes.ts';
import { presentStructure } from './structure.present.ts';
import { StructureError, StructureResponse } from './structure.schema.ts';
import { structureOverview } from './structure.service.ts';

export function structureRoutes(fastify: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/structure', { config: { access: 'structure.read' } }, async (request, reply) => {
    const user = signedInUser(request);
    const overview = await structureOverview(db, user);
    return reply.page('structure/views/index.njk', {
      ...overview,
      selectCommittees: overview.committees.filter((c) => c.kind === 'select'),
      cmt: overview.committees.find((c) => c.kind === 'cmt'),
      canEdit: can(user, 'structure.write'),
    });
  });

  app.get(
    '/api/v1/structure',
    {
      config: { access: 'structure.read' },
      schema: {
        tags: ['structure'],
        summary:
          'The current Council Strategy, the organisation and governance: priorities, outcomes, directorates, services, portfolios and committees',
        response: { 200: StructureResponse, 401: StructureError, 403: StructureError },
      },
    },
    async (request) => presentStructure(await structureOverview(db, signedInUser(request))),
  );

  strategyRoutes(fastify, context);
  organisationRoutes(fastify, context);
  governanceRoutes(fastify, context);
}
