// The assurance capability's pages: the inspection register, improvement actions and the statutory returns calendar.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { actionsRoutes } from './actions/actions.routes.ts';
import { returnsRoutes } from './returns/returns.routes.ts';
import { inspectionsRoutes } from './inspections/inspections.routes.ts';

export function assuranceRoutes(app: FastifyInstance, context: ServerContext): void {
  inspectionsRoutes(app, context);
  actionsRoutes(app, context);
  returnsRoutes(app, context);
}
