// The audit-log search page (/audit, administrators and performance officers): who did what to which record,
// when, and what changed. Read only: the log is append-only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { ValidationError } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import { signedInUser } from '../guard.ts';
import { auditChoices } from './audit.queries.ts';
import { auditPage, type AuditFilter } from './audit.service.ts';

type Field = keyof AuditFilter;

export function auditRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(
    '/audit',
    { config: { access: 'audit.read' } },
    async (request: FastifyRequest<{ Querystring: FormBody }>, reply) => {
      const user = signedInUser(request);
      const read = (f: Field) => first(request.query, f).trim();
      const filter: AuditFilter = {
        user: read('user'),
        action: read('action'),
        entity: read('entity'),
        measure: read('measure'),
        from: read('from'),
        to: read('to'),
      };
      const filtered = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
      const common = {
        pageTitle: 'Audit log',
        filter,
        fromStart: Boolean(first(request.query, 'after')),
        newest: `/audit${filtered ? `?${filtered}` : ''}`,
      };
      try {
        const page = await auditPage(db, user, filter, first(request.query, 'after'));
        return reply.page('access/audit/views/audit.njk', { ...common, ...page, errors: [], errorFor: {} });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { errors, errorFor } = errorsForForm(error.details);
        return reply.status(400).page('access/audit/views/audit.njk', {
          ...common,
          choices: await auditChoices(db, user.councilId),
          entries: [],
          older: null,
          errors,
          errorFor,
        });
      }
    },
  );
}
