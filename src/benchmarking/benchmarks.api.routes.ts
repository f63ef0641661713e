// The benchmarks JSON API: a metric compared across a peer group (or every authority) for one period.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { ErrorResponse } from '../reporting/scorecard.schema.ts';
import type { AppContext } from '../web/server.ts';
import { CompareQuery, ComparisonResponse } from './benchmarks.schema.ts';
import { compare } from './compare.service.ts';

export function benchmarksApiRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/benchmarks/compare',
    {
      config: { access: 'benchmark.read' },
      schema: {
        tags: ['benchmarks'],
        summary:
          "A metric's rank, quartile and percentile for each area of a peer group, with the group's median and mean",
        querystring: CompareQuery,
        response: { 200: ComparisonResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const { dataset, metric, period, group } = request.query;
      const [comparison] = await compare(db, user.councilId, { dataset, metric, periods: [period], group });
      return comparison;
    },
  );
}
