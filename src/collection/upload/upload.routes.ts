// The uploads page: choose a file, read its preview row by row, commit it. Multipart is registered here only,
// with the size limit, so no other page accepts a file; the commit posts the kept copy's id and hash.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkCsrf, signedInUser } from '../../access/guard.ts';
import { ValidationError } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import { defaultLimits, megabytes } from './limits.ts';
import { previewPage, uploadsPage, type UploadsView } from './upload.view.ts';
import { commitPreviewed, previewFile } from './upload.service.ts';

interface SentFile {
  filename: string;
  bytes: Buffer | null;
}

type Form = Record<string, unknown>;

export function uploadRoutes(app: FastifyInstance, context: AppContext): void {
  // Encapsulated: the multipart parser and its CSRF check apply to these routes and no others.
  void app.register(async (scope) => routes(scope, context));
}

async function routes(app: FastifyInstance, { db }: AppContext): Promise<void> {
  const limits = defaultLimits;
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: limits.maxBytes, files: 1, fields: 10, parts: 11 },
    // Keeps the file's name beside its bytes.
    onFile: async (part: MultipartFile) => {
      const bytes = await part.toBuffer();
      const value: SentFile = { filename: part.filename, bytes: part.file.truncated ? null : bytes };
      (part as MultipartFile & { value: SentFile }).value = value;
    },
    // A file over the limit arrives cut short and marked truncated; the page then says so beside the field.
    throwFileSizeLimit: false,
  });
  // The guard leaves a multipart body's CSRF token to this scope: the body is only parsed by now.
  app.addHook('preValidation', async (request) => checkCsrf(request));

  app.get<{ Querystring: { committed?: string; already?: string } }>(
    '/uploads',
    { config: { access: 'value.write' } },
    async (request, reply) => {
      const view = await uploadsPage(db, signedInUser(request), request.query);
      return render(reply, view);
    },
  );

  app.post<{ Body: Form }>('/uploads', { config: { access: 'value.write' } }, async (request, reply) => {
    const user = signedInUser(request);
    const file = request.body?.file as SentFile | undefined;
    if (!file || typeof file !== 'object' || !file.filename) {
      return render(reply.status(400), { problem: 'Choose a CSV or XLSX file of figures to upload' });
    }
    if (!file.bytes) {
      return render(reply.status(413), {
        problem: `The file is larger than ${megabytes(limits.maxBytes)}, the largest upload accepted; split it into smaller files`,
      });
    }
    try {
      const previewed = await previewFile(db, user, { fileName: file.filename, bytes: file.bytes }, limits, {
        keep: true,
      });
      return render(reply.status(previewed.preview.counts.error > 0 ? 400 : 200), previewPage(previewed));
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.status(400), { problem: error.message });
      throw error;
    }
  });

  app.post<{ Body: Form }>(
    '/uploads/commit',
    { config: { access: 'value.write' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const field = (name: string) =>
        typeof request.body?.[name] === 'string' ? String(request.body[name]) : '';
      try {
        const result = await commitPreviewed(db, user, field('upload'), field('sha256'), limits);
        const query =
          result.outcome === 'committed'
            ? `committed=${result.uploadId}`
            : `already=${encodeURIComponent(result.upload.id)}`;
        return reply.redirect(`/uploads?${query}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.status(400), { problem: error.message });
        throw error;
      }
    },
  );
}

function render(reply: FastifyReply, view: UploadsView) {
  return reply.page('collection/upload/views/uploads.njk', {
    pageTitle: view.preview ? `Preview of ${view.preview.fileName}` : 'Upload figures',
    ...view,
    errors: view.problem ? [{ href: '#file', text: view.problem }] : (view.preview?.errorLinks ?? []),
  });
}
