// Collection's routes in one module for the server's list: the data entry pages, the values API and uploads.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../web/server.ts';
import { entryRoutes } from './entry.routes.ts';
import { uploadRoutes } from './upload/upload.routes.ts';
import { valuesApiRoutes } from './values.api.routes.ts';

export function collectionRoutes(app: FastifyInstance, context: AppContext): void {
  entryRoutes(app, context);
  valuesApiRoutes(app, context);
  uploadRoutes(app, context);
}
