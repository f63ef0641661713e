// Composes the web app: plugins, the access guard, rendering, error handling and every capability's routes.
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerGuard } from '../access/guard.ts';
import type { Config } from '../config.ts';
import { createJobs, type Jobs } from '../jobs/jobs.ts';
import type { Db } from '../db/connection.ts';
import { registerApiDocs } from './openapi.ts';
import { govukDist, registerRendering, srcDir } from './render.ts';
import { registerErrorHandling } from './error-handler.ts';
import { PublicCache } from '../public/public-cache.ts';
import { routeModules } from './routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app serves with its access rule: the access-matrix test walks this list. */
    routeCatalogue: RouteInfo[];
  }
}

export interface AppContext {
  db: Db;
  config: Config;
  /** The job queue; made for the server when not given, and stopped with it. */
  jobs?: Jobs;
}

/** `publicSite`: the residents' site's one cache (src/public/public-cache.ts), shared by its pages, data and API. */
export type ServerContext = AppContext & { jobs: Jobs; publicSite: PublicCache };

export async function buildServer(
  context: AppContext,
  options: { logger?: boolean | object } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: context.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    genReqId: () => crypto.randomUUID(),
    // TypeBox writes "number or null" as a type union; allow it rather than rewrite every schema as anyOf.
    ajv: { customOptions: { allowUnionTypes: true } },
  });
  const routeCatalogue: RouteInfo[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  app.addHook('onRoute', (route) => {
    // Static files declare no access rule of their own; they are public by nature.
    if (route.url.startsWith('/assets/') || route.url.startsWith('/static/')) {
      route.config = { ...route.config, access: 'public' };
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeCatalogue.push({ method, url: route.url, access: route.config?.access });
    }
  });
  await registerSecurityHeaders(app, { tls: context.config.secureCookies });
  await app.register(fastifyCookie, { secret: context.config.sessionSecret });
  await app.register(fastifyFormbody);
  await registerApiDocs(app);
  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: [path.join(srcDir, 'web', 'static'), path.join(govukDist, 'govuk')],
    prefix: '/static/',
    decorateReply: false,
    allowedPath: (pathName) => !pathName.endsWith('.scss') && !pathName.endsWith('.njk'),
    maxAge: '1h',
  });
  registerGuard(app, context.db);
  await registerRendering(app);
  registerErrorHandling(app);
  const jobs = context.jobs ?? createJobs(context.db, app.log);
  app.addHook('onClose', async () => jobs.stop());
  const publicSite = new PublicCache(context.db, {
    councilSlug: context.config.publicCouncil,
    checkEveryMs: context.config.publicCheckMs,
  });
  const withJobs: ServerContext = { ...context, jobs, publicSite };
  for (const register of routeModules) {
    await app.register(async (scope) => register(scope, withJobs));
  }
  return app;
}
