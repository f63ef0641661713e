// One place turns every error into the right answer: JSON for the API, a GOV.UK page for people,
// a sign-in redirect for an anonymous browser, and a logged request id (never a stack trace) for the rest.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  DatabaseUnavailableError,
  type FieldProblem,
  NotFoundError,
  ValidationError,
} from './errors.ts';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return answer(
        request,
        reply,
        new AppError(
          500,
          'internal_error',
          `Something went wrong. Quote reference ${request.id} if you contact support.`,
        ),
      );
    }
    return answer(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => answer(request, reply, new NotFoundError('Page not found')));
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function answer(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error instanceof DatabaseUnavailableError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (isApiRequest(request)) {
    return reply
      .status(error.statusCode)
      .send({ error: { code: error.code, message: error.message, details: error.details } });
  }
  if (error.statusCode === 401) {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
  }
  return reply.status(error.statusCode).page('web/views/error.njk', { error });
}

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const details: FieldProblem[] = error.validation.map((issue) => ({
      field: fieldName(error.validationContext, issue.instancePath, issue.params),
      message: issue.message ?? 'is not valid',
    }));
    const first = details[0];
    return new ValidationError(
      first ? `${first.field}: ${first.message}` : 'The request is not valid',
      details,
    );
  }
  if (databaseUnavailable(error)) return new DatabaseUnavailableError();
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new AppError(status, codeFor(status), error.message);
  return null;
}

// PostgreSQL restarting or out of reach: the pool reconnects by itself once it is back, so the answer is "not
// now" (503), not a fault of ours (500). Codes: class 08 (connection), 57P01–57P03 (shutdown, cannot connect now).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);
function databaseUnavailable(error: FastifyError): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message)
  );
}

function fieldName(
  context: string | undefined,
  instancePath: string,
  params: Record<string, unknown>,
): string {
  const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const name = [path, missing].filter(Boolean).join('.');
  return name || context || 'request';
}

function codeFor(status: number): string {
  return (
    { 400: 'bad_request', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' }[
      status
    ] ?? 'bad_request'
  );
}
