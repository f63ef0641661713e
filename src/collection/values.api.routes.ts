// The values JSON API: a measure's history, saving one figure (the same use case as the entry form) and a
// figure's revisions. Errors come back as JSON naming the field.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { toNumber } from '../reporting/scorecard.service.ts';
import type { AppContext } from '../web/server.ts';
import type { RevisionRow, StoredValue } from './values.queries.ts';
import {
  errorResponses,
  FigureQuery,
  RevisionsResponse,
  ValueBody,
  ValuePathParams,
  ValueResponse,
  ValuesQuery,
  ValuesResponse,
} from './values.schema.ts';
import { saveValue } from './values.service.ts';
import { revisionsOfValue, valueHistory } from './values.read.ts';

function presentValue(code: string, v: StoredValue): ValueResponse {
  return {
    measure: code,
    period: v.period,
    value: toNumber(v.value),
    numerator: toNumber(v.numerator),
    denominator: toNumber(v.denominator),
    commentary: v.commentary,
    status: v.status,
    revision: v.revision,
    version: v.version,
    revised: v.revised_after_publication,
    source: v.source,
    qualityFlags: v.quality_flags,
    updatedAt: new Date(v.updated_at).toISOString(),
  };
}

function presentRevision(r: RevisionRow) {
  return {
    revision: r.revision,
    value: toNumber(r.value),
    numerator: toNumber(r.numerator),
    denominator: toNumber(r.denominator),
    commentary: r.commentary,
    status: r.status,
    source: r.source,
    changedBy: r.changed_by_name,
    changedAt: new Date(r.changed_at).toISOString(),
  };
}

export function valuesApiRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/values',
    {
      config: { access: 'value.read' },
      schema: {
        tags: ['values'],
        summary:
          "A measure's headline figures (or one provider's), oldest first, optionally from one period to another",
        querystring: ValuesQuery,
        response: { 200: ValuesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { measure, values } = await valueHistory(db, signedInUser(request), request.query);
      return { measure: measure.code, values: values.map((v) => presentValue(measure.code, v)) };
    },
  );

  app.put(
    '/api/v1/values/:code/:period',
    {
      config: { access: 'value.write' },
      schema: {
        tags: ['values'],
        summary: 'Enter or correct the figure for a measure and period',
        description:
          'Ratio measures take numerator and denominator and the value is worked out; others take value. A formula measure takes nothing (400): its figure is calculated when its inputs are saved. The measure’s validation rules run on every figure: a hard finding answers 400 naming the field and the rule; a soft one answers 400 on `explanation` until one is sent, and is then kept, with the explanation, in `qualityFlags`. To change an existing figure send the `version` you read: a missing or stale version answers 409 and nothing is overwritten.',
        params: ValuePathParams,
        querystring: FigureQuery,
        body: ValueBody,
        response: { 200: ValueResponse, 201: ValueResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await saveValue(db, {
        user: signedInUser(request),
        code: request.params.code,
        period: request.params.period,
        input: request.body,
        source: 'api',
        breakdown: request.query.breakdown ?? '',
      });
      return reply.status(saved.created ? 201 : 200).send(presentValue(saved.measure.code, saved.value));
    },
  );

  app.get(
    '/api/v1/values/:code/:period/revisions',
    {
      config: { access: 'value.read' },
      schema: {
        tags: ['values'],
        summary: "A figure's revisions, newest first",
        params: ValuePathParams,
        response: { 200: RevisionsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { measure, period, revisions } = await revisionsOfValue(
        db,
        signedInUser(request),
        request.params,
      );
      return { measure: measure.code, period, revisions: revisions.map(presentRevision) };
    },
  );
}
