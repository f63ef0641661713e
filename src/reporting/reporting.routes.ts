// Reporting's routes: the scorecard API and the performance overview page. Thin: read the request, find the
// caller's reach, call one use case, present.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { servicesInReach } from '../access/scope.ts';
import { ragSymbol, type Rag } from '../assessment/index.ts';
import { ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import { overview, spcFilters, type Overview, type OverviewFilters } from './overview.service.ts';
import { ErrorResponse, ScorecardQuery, ScorecardResponse } from './scorecard.schema.ts';
import { fromScorecard, type Scorecard } from './scorecard.service.ts';

export function presentScorecard(card: Scorecard): ScorecardResponse {
  return {
    period: card.period,
    measures: card.measures.map((m) => ({
      code: m.code,
      title: m.title,
      period: m.period,
      value: m.value,
      target: m.target,
      rag: m.rag,
      direction: { previous: m.direction.previous, lastYear: m.direction.lastYear },
    })),
  };
}

const filterKeys = ['period', 'directorate', 'portfolio', 'committee', 'spc'] as const;
const rags: Rag[] = ['green', 'amber', 'red', 'not_rated', 'no_data'];

export function reportingRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/scorecard',
    {
      config: { access: 'value.read' },
      schema: {
        tags: ['scorecard'],
        summary:
          'Every measure you can see, judged at a period: latest figure, target, RAG and direction of travel',
        querystring: ScorecardQuery,
        response: { 200: ScorecardResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const reach = servicesInReach(user, 'value.read');
      const options = { councilId: user.councilId, reach, period: request.query.period };
      // Serialised by the response schema once per change to the figures, not once per request.
      const body = await fromScorecard(db, options, 'api-v1-json', (card) =>
        String(reply.serializeInput(presentScorecard(card), '200')),
      );
      // Already JSON: sent as it is (the typed reply would only accept the object).
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/overview',
    { config: { access: 'value.read' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const reach = servicesInReach(user, 'value.read');
      const filters: OverviewFilters = {};
      for (const key of filterKeys) {
        const raw = request.query[key];
        const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
        if (value) filters[key] = value;
      }
      try {
        const data = await overview(db, user.councilId, reach, filters);
        return reply.page('reporting/views/overview.njk', overviewView(data, filters, {}));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // Show the page for the filters that made sense, with the others named in the error summary.
        const errorFor: Record<string, string> = {};
        for (const d of error.details) errorFor[d.field] = d.message;
        const usable: OverviewFilters = {};
        for (const key of filterKeys) if (filters[key] && !errorFor[key]) usable[key] = filters[key];
        const data = await overview(db, user.councilId, reach, usable);
        return reply.status(400).page('reporting/views/overview.njk', {
          ...overviewView(data, filters, errorFor),
          errors: error.details.map((d) => ({ href: `#${d.field}`, text: d.message })),
        });
      }
    },
  );
}

function overviewView(
  data: Overview,
  filters: OverviewFilters,
  errorFor: Record<string, string>,
): Record<string, unknown> {
  const choose = (options: { code: string; title: string }[]) => [
    { value: '', text: 'All' },
    ...options.map((o) => ({ value: o.code, text: o.title })),
  ];
  // The SPC summary's links keep the other filters and replace only the SPC one.
  const kept = filterKeys.filter((k) => k !== 'spc' && filters[k]);
  const spcQuery = kept.map((k) => `${k}=${encodeURIComponent(filters[k] ?? '')}&`).join('');
  return {
    overview: data,
    filters,
    spcQuery,
    errorFor,
    symbols: Object.fromEntries(rags.map((r) => [r, ragSymbol(r)])),
    items: {
      period: [{ value: '', text: 'Latest' }, ...data.periods],
      directorate: choose(data.options.directorates),
      portfolio: choose(data.options.portfolios),
      committee: choose(data.options.committees),
      spc: [
        { value: '', text: 'All measures' },
        ...Object.entries(spcFilters).map(([value, text]) => ({ value, text })),
      ],
    },
  };
}
