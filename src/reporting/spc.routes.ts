// Statistical process control on a series the caller sends: no data is read, so any reader of values may ask.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { assessSpc, SpcInputError, validateSpcRequest } from '../assessment/index.ts';
import { ValidationError } from '../web/errors.ts';
import { ErrorResponse } from './scorecard.schema.ts';
import { SpcRequestBody, SpcResponse } from './spc.schema.ts';

export function spcRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/analysis/spc',
    {
      config: { access: 'value.read' },
      schema: {
        tags: ['analysis'],
        summary: 'Making Data Count XmR chart of a series: limits, special-cause signals and the icons',
        body: SpcRequestBody,
        response: { 200: SpcResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      try {
        return assessSpc(validateSpcRequest(request.body));
      } catch (error) {
        if (error instanceof SpcInputError) throw ValidationError.field(error.field, error.message);
        throw error;
      }
    },
  );
}
