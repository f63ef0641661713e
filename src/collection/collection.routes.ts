// Collection's routes in one module for the server's list: data entry, collection rounds, uploads, the values API,
// the validation rules and data quality.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { entryRoutes } from './entry.routes.ts';
import { roundsRoutes } from './rounds/rounds.routes.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { qualityRoutes } from './quality/quality.routes.ts';
import { uploadRoutes } from './upload/upload.routes.ts';
import { valuesApiRoutes } from './values.api.routes.ts';

export function collectionRoutes(app: FastifyInstance, context: ServerContext): void {
  entryRoutes(app, context);
  roundsRoutes(app, context);
  valuesApiRoutes(app, context);
  rulesRoutes(app, context);
  uploadRoutes(app, context);
  qualityRoutes(app, context);
}
