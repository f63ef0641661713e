// Server-side rendering with Nunjucks and govuk-frontend: templates are found by path from src/ (e.g.
// 'measures/views/list.njk'), and every page gets the signed-in user, CSRF token and navigation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { navigationFor } from './navigation.ts';
import { registerFilters } from './filters.ts';

export const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const govukDist = path.resolve(srcDir, '..', 'node_modules', 'govuk-frontend', 'dist');

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, data?: Record<string, unknown>): FastifyReply;
  }
}

export async function registerRendering(app: FastifyInstance): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [srcDir, govukDist],
    options: {
      onConfigure: (env: nunjucks.Environment) => registerFilters(env),
    },
  });

  app.decorateReply(
    'page',
    function page(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
      const request = this.request;
      const user = request.user;
      this.header('content-type', 'text/html; charset=utf-8');
      return this.view(template, {
        user,
        csrfToken: user?.csrfToken ?? '',
        navigation: navigationFor(user, request.url),
        currentUrl: request.url,
        requestId: request.id,
        ...data,
      });
    },
  );
}
