// Collection's routes in one module for the server's list: the data entry pages, the values API and
// the validation rules.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../web/server.ts';
import { entryRoutes } from './entry.routes.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { valuesApiRoutes } from './values.api.routes.ts';

export function collectionRoutes(app: FastifyInstance, context: AppContext): void {
  entryRoutes(app, context);
  valuesApiRoutes(app, context);
  rulesRoutes(app, context);
}
