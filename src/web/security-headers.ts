// Security headers on every response: a Content-Security-Policy that runs no inline script but GOV.UK Frontend's
// one line (allowed by its hash, so cached pages need no per-response nonce), no framing, no sniffing, no referrer
// sent to other sites, and HSTS when the app is served over TLS (SECURE_COOKIES=true says it is).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { govukDist } from './render.ts';

/** The CSP source for the inline script GOV.UK Frontend's page template carries (it marks the page js-enabled). */
export function govukInlineScriptSource(): string {
  const template = readFileSync(path.join(govukDist, 'govuk', 'template.njk'), 'utf8');
  const script = /<script[^>]*>([^<]*)<\/script>/.exec(template)?.[1];
  if (!script) throw new Error('GOV.UK Frontend’s template has no inline script any more: review the CSP');
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { tls: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukInlineScriptSource()],
        scriptSrcAttr: ["'none'"],
        // Charts are inline SVG whose elements carry style attributes; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: options.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Open data is fetched across origins (CORS) by design; the other cross-origin defaults stay.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
