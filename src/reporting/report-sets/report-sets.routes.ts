// Report sets' routes in one module for the server's list: the pages (list, set, sign-off and change requests), the
// add and edit forms, and the JSON API.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../web/server.ts';
import { reportSetFormRoutes } from './report-set-form.routes.ts';
import { reportSetPageRoutes } from './report-set-pages.routes.ts';
import { reportSetsApiRoutes } from './report-sets.api.routes.ts';

export function reportSetsRoutes(app: FastifyInstance, context: AppContext): void {
  reportSetFormRoutes(app, context);
  reportSetPageRoutes(app, context);
  reportSetsApiRoutes(app, context);
}
