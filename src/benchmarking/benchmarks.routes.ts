// The /benchmarks pages: datasets and their versions, the import form, metrics' polarity, measure ↔ metric
// mappings and peer groups. Anyone signed in reads; the performance team changes. Multipart is registered in this
// scope only, and an uploaded file goes straight to a temporary file on disk, never whole into memory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCsrf, signedInUser } from '../access/guard.ts';
import { AppError, NotFoundError, ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import { benchmarksPage, metricEditPage, polarityWords } from './benchmarks.view.ts';
import { saveGroups } from './groups.service.ts';
import { importBenchmarkFile } from './import.service.ts';
import { editMetric, setMapping } from './metrics.service.ts';

const MAX_FILE_BYTES = 2 * 1024 ** 3;
type Form = Record<string, unknown>;
const text = (body: Form | undefined, name: string): string =>
  typeof body?.[name] === 'string' ? String(body[name]) : '';

export function benchmarksRoutes(app: FastifyInstance, context: AppContext): void {
  void app.register(async (scope) => routes(scope, context));
}

async function routes(app: FastifyInstance, { db }: AppContext): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } });
  // Only the import reads a multipart body (and checks its token as it streams); to the other forms of this scope
  // a multipart body brings no token the guard could read, so it is refused here unless the header carries one.
  app.addHook('preValidation', async (request) => {
    const multipart = request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data');
    if (multipart && request.routeOptions.url !== '/benchmarks/import') checkCsrf(request);
  });

  const page = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const query = request.query as { dataset?: string; done?: string };
    const view = await benchmarksPage(db, signedInUser(request), text(extra, 'dataset') || query.dataset);
    return reply.page('benchmarking/views/benchmarks.njk', { ...view, done: query.done, ...extra });
  };
  /** A refused change shown on the page, each problem linked to its field. */
  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    fieldIds: Record<string, string>,
  ) => {
    if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
    const details = error.details.length > 0 ? error.details : [{ field: 'file', message: error.message }];
    reply.status(error.statusCode);
    return page(request, reply, {
      errors: details.map((d) => ({
        href: `#${fieldIds[d.field] ?? Object.values(fieldIds)[0]}`,
        text: `${d.field}: ${d.message}`,
      })),
      problem: error.message,
    });
  };

  app.get('/benchmarks', { config: { access: 'benchmark.read' } }, (request, reply) => page(request, reply));

  app.post('/benchmarks/import', { config: { access: 'benchmark.manage' } }, async (request, reply) => {
    const user = signedInUser(request);
    const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-benchmark-upload-'));
    const fields: Record<string, string> = {};
    let fileName = '';
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          // The form sends its token before its file: a forged request is refused before a byte is written.
          request.body = fields;
          checkCsrf(request);
          fileName = path.basename(part.filename || 'upload.csv');
          await pipeline(part.file, createWriteStream(path.join(dir, 'upload')));
          if (part.file.truncated) throw ValidationError.field('file', 'The file is larger than 2 GB');
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      request.body = fields;
      checkCsrf(request);
      if (!fileName) throw ValidationError.field('file', 'Choose a CSV or XLSX file to import');
      const result = await importBenchmarkFile(db, {
        councilId: user.councilId,
        userId: user.id,
        file: path.join(dir, 'upload'),
        fileName,
        profile: fields.profile ?? '',
        dataset: fields.dataset?.trim() || path.basename(fileName, path.extname(fileName)),
      });
      return reply.redirect(`/benchmarks?dataset=${result.datasetId}&done=imported`, 303);
    } catch (error) {
      return refused(request, reply, error, { file: 'file', profile: 'profile', dataset: 'dataset' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get<{ Params: { id: string } }>(
    '/benchmarks/metrics/:id',
    { config: { access: 'benchmark.manage' } },
    async (request, reply) => {
      const metric = /^\d+$/.test(request.params.id)
        ? await metricEditPage(db, signedInUser(request), request.params.id)
        : undefined;
      if (!metric) throw new NotFoundError();
      return reply.page('benchmarking/views/metric.njk', {
        pageTitle: `Metric ${metric.code}`,
        metric,
        polarityWords,
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    '/benchmarks/metrics/:id',
    { config: { access: 'benchmark.manage' } },
    async (request, reply) => {
      const user = signedInUser(request);
      if (!/^\d+$/.test(request.params.id)) throw new NotFoundError();
      const body = request.body;
      const edit = {
        title: text(body, 'title'),
        unit: text(body, 'unit'),
        polarity: text(body, 'polarity'),
        midpoint: text(body, 'midpoint'),
        version: Number(text(body, 'version')),
      };
      try {
        await editMetric(db, user, request.params.id, edit);
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode >= 500 || error.statusCode === 404) throw error;
        const metric = await metricEditPage(db, user, request.params.id);
        return reply.status(error.statusCode).page('benchmarking/views/metric.njk', {
          pageTitle: `Metric ${metric?.code ?? ''}`,
          metric: { ...metric, ...edit, version: metric?.version },
          polarityWords,
          errors: error.details.map((d) => ({ href: `#${d.field}`, text: d.message })),
          fieldErrors: Object.fromEntries(error.details.map((d) => [d.field, d.message])),
        });
      }
      const metric = await metricEditPage(db, user, request.params.id);
      return reply.redirect(`/benchmarks?dataset=${metric?.datasetId ?? ''}&done=metric`, 303);
    },
  );

  app.post<{ Body: Form }>(
    '/benchmarks/mappings',
    { config: { access: 'benchmark.manage' } },
    async (request, reply) => {
      try {
        await setMapping(db, signedInUser(request), {
          measureCode: text(request.body, 'measure'),
          metricId: text(request.body, 'metric'),
          mapped: text(request.body, 'action') !== 'remove',
        });
      } catch (error) {
        return refused(request, reply, error, { measure: 'measure', metric: 'metric' });
      }
      return reply.redirect('/benchmarks?done=mapping', 303);
    },
  );

  app.post<{ Body: Form }>(
    '/benchmarks/groups',
    { config: { access: 'benchmark.manage' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const members = text(request.body, 'members')
        .split(/[\s,]+/)
        .map((code) => code.trim().toUpperCase())
        .filter((code) => code !== '');
      try {
        await saveGroups(db, { councilId: user.councilId, userId: user.id }, [
          { name: text(request.body, 'name'), kind: 'custom', source: 'form', members },
        ]);
      } catch (error) {
        return refused(request, reply, error, { name: 'group-name', members: 'members' });
      }
      return reply.redirect('/benchmarks?done=group', 303);
    },
  );
}
