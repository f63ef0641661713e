// The open data: the page listing the downloads, the CSV and JSON downloads (all public measures and each one) and
// the Data Package; also sets up, for them, the public API and the feed, the shared rate limit and CORS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../web/server.ts';
import { NotFoundError } from '../web/errors.ts';
import { feedRoutes } from './feed.routes.ts';
import { notModified } from './http-cache.ts';
import { OpenData } from './open-data.service.ts';
import {
  ALL_MEASURES_CSV,
  ALL_MEASURES_JSON,
  DATA_PACKAGE,
  measureDownload,
  OPEN_DATA_PAGE,
  publicMeasures,
} from './open-data.ts';
import { answerPreflight, registerOpenAccess } from './public-api.limits.ts';
import { publicApiRoutes } from './public-api.routes.ts';

const csvType = 'text/csv; charset=utf-8';
const jsonType = 'application/json; charset=utf-8';

export async function openDataRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const openData = new OpenData(
    context.db,
    context.publicSite,
    context.config.openDataLicence,
    context.config.publicUrl,
  );
  await registerOpenAccess(app, context.config.publicRateLimit);
  answerPreflight(app, '/public/data');
  answerPreflight(app, '/api/public');
  const download = { config: { access: 'public' as const, crossOrigin: true } };

  app.get(OPEN_DATA_PAGE, { config: { access: 'public', rateLimit: false } }, async (request, reply) => {
    const snapshot = await context.publicSite.current();
    if (!snapshot) throw new NotFoundError('Page not found');
    if (notModified(request, reply, snapshot)) return reply.send();
    const html = await context.publicSite.made('page:open-data', (s) =>
      app.view('public/views/open-data.njk', {
        council: s.council,
        pageTitle: 'Open data',
        section: 'data',
        licence: openData.licence,
        measures: publicMeasures(s).map((m) => ({
          ...m,
          csv: measureDownload(m.code, 'csv'),
          json: measureDownload(m.code, 'json'),
        })),
        updated: s.since,
      }),
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(ALL_MEASURES_CSV, download, (request, reply) =>
    send(request, reply, context, csvType, 'measures.csv', () => openData.csv()),
  );
  app.get(ALL_MEASURES_JSON, download, (request, reply) =>
    send(request, reply, context, jsonType, 'measures.json', () => openData.json()),
  );
  app.get(DATA_PACKAGE, download, (request, reply) =>
    send(request, reply, context, 'application/json; charset=utf-8', null, () => openData.dataPackage()),
  );
  // One route for both formats: the code is everything before the last dot.
  app.get<{ Params: { file: string } }>('/public/data/measures/:file', download, (request, reply) => {
    const match = /^(.+)\.(csv|json)$/.exec(request.params.file);
    if (!match?.[1])
      throw new NotFoundError('No such download: ask for a measure code followed by .csv or .json');
    const [, code, format] = match;
    return format === 'csv'
      ? send(request, reply, context, csvType, `${code}.csv`, () => openData.csv(code))
      : send(request, reply, context, jsonType, `${code}.json`, () => openData.json(code));
  });

  publicApiRoutes(app, context, openData);
  feedRoutes(app, context, openData);
}

/** Answers a download: 304 when the client's copy is current, 404 when there is no such public data. */
async function send(
  request: FastifyRequest,
  reply: FastifyReply,
  context: ServerContext,
  type: string,
  filename: string | null,
  make: () => Promise<string | null>,
): Promise<FastifyReply> {
  const snapshot = await context.publicSite.current();
  const body = snapshot ? await make() : null;
  // A code that is not a public measure's looks the same as one that does not exist.
  if (!snapshot || body === null) throw new NotFoundError('No such public measure');
  if (notModified(request, reply, snapshot)) return reply.send();
  reply.type(type);
  if (filename)
    reply.header('content-disposition', `inline; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return reply.send(body);
}
