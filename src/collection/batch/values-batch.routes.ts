// POST /api/v1/values:batch — figures pushed by another system, all or nothing, under an Idempotency-Key.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import type { AppContext } from '../../web/server.ts';
import { defaultLimits } from '../upload/limits.ts';
import {
  BatchBody,
  batchErrorResponses,
  BatchHeaders,
  BatchQuery,
  BatchResponse,
} from './values-batch.schema.ts';
import { receiveBatch } from './values-batch.service.ts';

export function valuesBatchRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // "::" is a literal colon to the router: the path is /api/v1/values:batch.
  app.post(
    '/api/v1/values::batch',
    {
      config: { access: 'value.write' },
      // A batch may be as large as an uploaded file.
      bodyLimit: defaultLimits.maxBytes,
      schema: {
        tags: ['values'],
        summary: 'Send a batch of figures from another system, all or nothing',
        description:
          'Each figure is checked exactly as a row of an uploaded file is (measure in your reach, period of its frequency, numbers such as "1,234" or "12.5%", the measure\'s validation rules, the same figure given twice). With `?dryRun=true` nothing is written and every row says what would happen. Otherwise the `Idempotency-Key` header is required: the batch is committed in one transaction — any row with an error and nothing is written (400, each problem named `values[3].value`) — and sending it again with the same key changes nothing (`already_committed`). Rows are numbered from 0, as in `values`.',
        headers: BatchHeaders,
        querystring: BatchQuery,
        body: BatchBody,
        response: { 200: BatchResponse, 201: BatchResponse, ...batchErrorResponses },
      },
    },
    async (request, reply) => {
      const answer = await receiveBatch(db, signedInUser(request), request.body, {
        dryRun: request.query.dryRun === true,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.status(answer.outcome === 'committed' ? 201 : 200).send(answer);
    },
  );
}
