// The measure library's JSON API under /api/v1: measures, their targets and periods. Schemas on each route
// validate the request and write the OpenAPI document; handlers call one use case and present its result.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { ErrorResponse, errorResponses } from '../reporting/scorecard.schema.ts';
import type { AppContext } from '../web/server.ts';
import {
  CreateMeasureBody,
  MeasureCodeParams,
  MeasureList,
  MeasureListQuery,
  MeasureOut,
  UpdateMeasureBody,
} from './measures.schema.ts';
import { findMeasures } from './library.service.ts';
import { getMeasure, saveMeasure } from './measures.service.ts';
import { describePeriod, listPeriods } from './periods.service.ts';
import { listTargets, setTarget } from './targets.service.ts';
import {
  PeriodDetail,
  PeriodList,
  PeriodListQuery,
  PeriodParams,
  TargetBody,
  TargetList,
  TargetOut,
  TargetParams,
} from './targets.schema.ts';

const errors = errorResponses;

export function measuresApiRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/measures',
    {
      config: { access: 'measure.read' },
      schema: {
        tags: ['measures'],
        summary: 'Measures in your reach, searched by words or code and filtered by tag and status',
        querystring: MeasureListQuery,
        response: { 200: MeasureList, ...errors },
      },
    },
    async (request) => {
      const { q, tag, status } = request.query;
      const measures = await findMeasures(db, signedInUser(request), { q, tag, status });
      return { count: measures.length, measures };
    },
  );

  app.get(
    '/api/v1/measures/:code',
    {
      config: { access: 'measure.read' },
      schema: {
        tags: ['measures'],
        summary: 'One measure with everything it links to',
        params: MeasureCodeParams,
        response: { 200: MeasureOut, ...errors },
      },
    },
    async (request) => {
      const { id: _id, ...measure } = await getMeasure(db, signedInUser(request), request.params.code);
      return measure;
    },
  );

  app.post(
    '/api/v1/measures',
    {
      config: { access: 'measure.write' },
      schema: {
        tags: ['measures'],
        summary: 'Add a measure to the library (version 1)',
        body: CreateMeasureBody,
        response: { 201: MeasureOut, ...errors },
      },
    },
    async (request, reply) => {
      const { note, ...input } = request.body;
      const saved = await saveMeasure(db, signedInUser(request), { input, note });
      return reply
        .status(201)
        .header('location', `/api/v1/measures/${encodeURIComponent(saved.code)}`)
        .send(saved);
    },
  );

  app.put(
    '/api/v1/measures/:code',
    {
      config: { access: 'measure.write' },
      schema: {
        tags: ['measures'],
        summary: 'Change a measure; fields left out keep their values. A stale version answers 409',
        params: MeasureCodeParams,
        body: UpdateMeasureBody,
        response: { 200: MeasureOut, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { note, version, ...input } = request.body;
      return saveMeasure(db, signedInUser(request), { code: request.params.code, input, version, note });
    },
  );

  app.get(
    '/api/v1/measures/:code/targets',
    {
      config: { access: 'measure.read' },
      schema: {
        tags: ['targets'],
        summary: "A measure's targets, by period",
        params: MeasureCodeParams,
        response: { 200: TargetList, ...errors },
      },
    },
    async (request) => {
      const { measure, targets } = await listTargets(db, signedInUser(request), request.params.code);
      return { measure: measure.code, targets };
    },
  );

  app.put(
    '/api/v1/measures/:code/targets/:period',
    {
      config: { access: 'target.write' },
      schema: {
        tags: ['targets'],
        summary: "Set one period's target; send the version you read when changing an existing one",
        params: TargetParams,
        body: TargetBody,
        response: { 200: TargetOut, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { value, low, high, tolerance, version } = request.body;
      const input = {
        value,
        low,
        high,
        toleranceKind: tolerance?.kind ?? null,
        tolerance: tolerance?.amount ?? null,
      };
      return setTarget(
        db,
        signedInUser(request),
        request.params.code,
        request.params.period,
        input,
        version ?? null,
      );
    },
  );

  app.get(
    '/api/v1/periods',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['periods'],
        summary: 'The periods from one key to another, e.g. the months of 2025/26: from=2025-04&to=2026-03',
        querystring: PeriodListQuery,
        response: { 200: PeriodList, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => ({ periods: listPeriods(request.query) }),
  );

  app.get(
    '/api/v1/periods/:key',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['periods'],
        summary: 'One period: its label, dates and neighbours',
        params: PeriodParams,
        response: { 200: PeriodDetail, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => describePeriod(request.params.key),
  );
}
