// The OpenAPI document for /api/v1, generated from the same TypeBox schemas that validate requests.
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civic Scorecard API',
        version: '1',
        description:
          'Measures, periods, targets, values and the scorecard of a council. Authenticate with `Authorization: Bearer <token>` (create one with `scorecard tokens create --email E --scope read`; a token may do only what its scopes and its owner’s role both allow).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Only the JSON APIs belong in the document, not the HTML pages: the staff API and the public one.
    transform: ({ schema, url }) => ({
      schema: {
        ...schema,
        hide: !url.startsWith('/api/v1') && !url.startsWith('/api/public/v1'),
      } as typeof schema,
      url,
    }),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
