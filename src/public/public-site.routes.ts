// The residents' site's pages about the Council Strategy: home (priorities and their progress), a priority, an
// outcome, a measure, search and the accessibility statement. No sign-in; every page made once per data snapshot.
import { type Static, Type } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { PublicPages } from './public-pages.ts';
import {
  measuresByCode,
  placesOf,
  presentHome,
  presentMeasure,
  presentMeasureRow,
  presentOutcome,
  presentPriority,
} from './public-present.ts';
import { publicMeasureWords, publicStrategy, searchPublicMeasures } from './public-site.queries.ts';
import { publicRecordsRoutes } from './public-records.routes.ts';
import type { PublicSnapshot } from './public-cache.ts';

const open = { config: { access: 'public' as const } };

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
type CodeRequest = FastifyRequest<{ Params: Static<typeof CodeParams> }>;

export const SEARCH_MAX = 200;
const SearchQuery = Type.Object({ q: Type.Optional(Type.String()) });
type SearchRequest = FastifyRequest<{ Querystring: Static<typeof SearchQuery> }>;

export function publicSiteRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, publicSite } = context;
  const pages = new PublicPages(app, publicSite);
  /** The Strategy's shape, read once per snapshot and shared by every page made from it. */
  const strategyOf = (snapshot: PublicSnapshot) =>
    publicSite
      .made('strategy', () => publicStrategy(db, snapshot.council.id))
      .then((s) => {
        if (!s) throw new Error('the public site has no council');
        return s;
      });

  app.get('/public', open, (request, reply) =>
    pages.serve(request, reply, '/public', async (snapshot) => ({
      template: 'public/views/home.njk',
      data: {
        pageTitle: 'Progress on the Council Strategy',
        section: 'home',
        ...presentHome(await strategyOf(snapshot), measuresByCode(snapshot)),
        periodLabel: snapshot.model.period.label,
      },
    })),
  );

  app.get(
    '/public/priorities/:code',
    { ...open, schema: { params: CodeParams } },
    (request: CodeRequest, reply) =>
      pages.serve(request, reply, `/public/priorities/${request.params.code}`, async (snapshot) => {
        const priority = (await strategyOf(snapshot)).priorities.find((p) => p.code === request.params.code);
        if (!priority) return null;
        return {
          template: 'public/views/priority.njk',
          data: {
            pageTitle: priority.title,
            section: 'home',
            priority: presentPriority(priority, measuresByCode(snapshot)),
          },
        };
      }),
  );

  app.get(
    '/public/outcomes/:code',
    { ...open, schema: { params: CodeParams } },
    (request: CodeRequest, reply) =>
      pages.serve(request, reply, `/public/outcomes/${request.params.code}`, async (snapshot) => {
        const strategy = await strategyOf(snapshot);
        const priority = strategy.priorities.find((p) =>
          p.outcomes.some((o) => o.code === request.params.code),
        );
        const outcome = priority?.outcomes.find((o) => o.code === request.params.code);
        if (!priority || !outcome) return null;
        return {
          template: 'public/views/outcome.njk',
          data: {
            pageTitle: outcome.title,
            section: 'home',
            priority: presentPriority(priority, measuresByCode(snapshot)),
            outcome: presentOutcome(outcome, measuresByCode(snapshot)),
          },
        };
      }),
  );

  app.get(
    '/public/measures/:code',
    { ...open, schema: { params: CodeParams } },
    (request: CodeRequest, reply) =>
      pages.serve(request, reply, `/public/measures/${request.params.code}`, async (snapshot) => {
        const measure = measuresByCode(snapshot).get(request.params.code);
        // The model holds the public measures only: anything else is not there, whether it exists or not.
        if (!measure) return null;
        const words = await publicMeasureWords(db, snapshot.council.id, measure.code);
        if (!words) return null;
        return {
          template: 'public/views/measure.njk',
          data: {
            pageTitle: `${measure.title}`,
            section: 'home',
            measure: presentMeasure(measure),
            words,
            places: placesOf(await strategyOf(snapshot), measure.code),
          },
        };
      }),
  );

  app.get(
    '/public/search',
    { ...open, schema: { querystring: SearchQuery } },
    (request: SearchRequest, reply) => {
      const q = (request.query.q ?? '').trim();
      if (q === '')
        return pages.serve(request, reply, '/public/search', async () => searchPage('', [], null));
      return pages.serveFresh(reply, async (snapshot) => {
        if (q.length > SEARCH_MAX) return searchPage(q, [], `Enter ${SEARCH_MAX} characters or fewer`);
        const byCode = measuresByCode(snapshot);
        // Searched among the public measures only; the model is the final word on what is public.
        const codes = await searchPublicMeasures(db, snapshot.council.id, q);
        return searchPage(
          q,
          codes.flatMap((c) => {
            const m = byCode.get(c);
            return m ? [presentMeasureRow(m)] : [];
          }),
          null,
        );
      });
    },
  );

  app.get('/public/accessibility', open, (request, reply) =>
    pages.serve(request, reply, '/public/accessibility', async () => ({
      template: 'public/views/accessibility.njk',
      data: { pageTitle: 'Accessibility statement', section: '' },
    })),
  );

  publicRecordsRoutes(app, context, pages);

  // Any other address under /public is answered in the residents' frame, not the staff one.
  app.register(
    async (scope) => {
      scope.setNotFoundHandler(async (request, reply) => pages.notFound(reply, await publicSite.current()));
    },
    { prefix: '/public' },
  );
}

function searchPage(q: string, results: ReturnType<typeof presentMeasureRow>[], error: string | null) {
  return {
    template: 'public/views/search.njk',
    data: {
      pageTitle: q ? `Search results for “${q.slice(0, SEARCH_MAX)}”` : 'Search measures',
      section: 'search',
      q,
      searched: q !== '',
      results,
      error,
    },
  };
}
