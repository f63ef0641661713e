// Benchmarking's routes in one module for the server's list: the comparison API and the /benchmarks pages.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { benchmarksApiRoutes } from './benchmarks.api.routes.ts';
import { benchmarksRoutes } from './benchmarks.routes.ts';

export function benchmarkingRoutes(app: FastifyInstance, context: ServerContext): void {
  benchmarksApiRoutes(app, context);
  benchmarksRoutes(app, context);
}
