// Every capability's routes, in one list so the server and the access-matrix test see the same set.
import type { FastifyInstance } from 'fastify';
import { accessRoutes } from '../access/access.routes.ts';
import { ssoRoutes } from '../access/sso/sso.routes.ts';
import { auditRoutes } from '../access/audit/audit.routes.ts';
import { benchmarkingRoutes } from '../benchmarking/benchmarking.routes.ts';
import { assuranceRoutes } from '../assurance/assurance.routes.ts';
import { collectionRoutes } from '../collection/collection.routes.ts';
import { measuresRoutes } from '../measures/measures.routes.ts';
import { openDataRoutes } from '../public/open-data.routes.ts';
import { publicSiteRoutes } from '../public/public-site.routes.ts';
import { reportingRoutes } from '../reporting/reporting.routes.ts';
import { reportsRoutes } from '../reporting/reports/reports.routes.ts';
import { reportSetsRoutes } from '../reporting/report-sets/report-sets.routes.ts';
import { spcRoutes } from '../reporting/spc.routes.ts';
import { structureRoutes } from '../structure/structure.routes.ts';
import type { ServerContext } from './server.ts';
import { webRoutes } from './web.routes.ts';

export type RouteModule = (app: FastifyInstance, context: ServerContext) => void | Promise<void>;

export const routeModules: RouteModule[] = [
  webRoutes,
  accessRoutes,
  ssoRoutes,
  auditRoutes,
  reportingRoutes,
  reportsRoutes,
  reportSetsRoutes,
  spcRoutes,
  structureRoutes,
  collectionRoutes,
  measuresRoutes,
  benchmarkingRoutes,
  assuranceRoutes,
  openDataRoutes,
  publicSiteRoutes,
];
