// The read-only public JSON API, /api/public/v1: the Council Strategy's priorities and outcomes, the public measures
// with their latest published figures, every published figure of one (the download's rows) and the public reports.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../reporting/scorecard.schema.ts';
import { NotFoundError } from '../web/errors.ts';
import type { ServerContext } from '../web/server.ts';
import { notModified } from './http-cache.ts';
import type { OpenData } from './open-data.service.ts';
import { PUBLIC_API } from './open-data.ts';
import {
  CodeParams,
  MeasuresResponse,
  OutcomesResponse,
  PrioritiesResponse,
  PublicMeasure,
  PublicValuesResponse,
  ReportsResponse,
} from './public-api.schema.ts';

const errors = { 404: ErrorResponse, 429: ErrorResponse };
const open = { access: 'public' as const, crossOrigin: true };
const tags = ['public'];

export function publicApiRoutes(fastify: FastifyInstance, context: ServerContext, openData: OpenData): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const answer = async <T>(request: FastifyRequest, reply: FastifyReply, make: () => Promise<T | null>) => {
    const snapshot = await context.publicSite.current();
    const body = snapshot ? await make() : null;
    if (!snapshot || body === null) throw new NotFoundError('No such public measure');
    if (notModified(request, reply, snapshot)) return reply.send();
    return reply.send(body);
  };

  app.get(
    `${PUBLIC_API}/priorities`,
    {
      config: open,
      schema: {
        tags,
        summary: "The Council Strategy's priorities",
        security: [],
        response: { 200: PrioritiesResponse, ...errors },
      },
    },
    (request, reply) => answer(request, reply, () => openData.priorities()),
  );
  app.get(
    `${PUBLIC_API}/outcomes`,
    {
      config: open,
      schema: {
        tags,
        summary: 'The outcomes each priority promises, with the public measures that show progress on them',
        security: [],
        response: { 200: OutcomesResponse, ...errors },
      },
    },
    (request, reply) => answer(request, reply, () => openData.outcomes()),
  );
  app.get(
    `${PUBLIC_API}/measures`,
    {
      config: open,
      schema: {
        tags,
        summary: 'The public measures with their latest published figure and judgement',
        security: [],
        response: { 200: MeasuresResponse, ...errors },
      },
    },
    (request, reply) => answer(request, reply, () => openData.measures()),
  );
  app.get(
    `${PUBLIC_API}/measures/:code`,
    {
      config: open,
      schema: {
        tags,
        summary: 'One public measure',
        security: [],
        params: CodeParams,
        response: { 200: PublicMeasure, ...errors },
      },
    },
    (request, reply) => answer(request, reply, () => openData.measure(request.params.code)),
  );
  app.get(
    `${PUBLIC_API}/measures/:code/values`,
    {
      config: open,
      schema: {
        tags,
        summary: 'Every published figure of one public measure, oldest period first (as its download)',
        security: [],
        params: CodeParams,
        response: { 200: PublicValuesResponse, ...errors },
      },
    },
    (request, reply) =>
      answer(request, reply, async () => {
        const data = await openData.rowsOf(request.params.code);
        return data && { code: request.params.code, data };
      }),
  );
  app.get(
    `${PUBLIC_API}/reports`,
    {
      config: open,
      schema: {
        tags,
        summary: 'Published reports meant for the public, newest first',
        security: [],
        response: { 200: ReportsResponse, ...errors },
      },
    },
    (request, reply) => answer(request, reply, () => openData.reports()),
  );
}
