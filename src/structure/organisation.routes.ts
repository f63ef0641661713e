// The organisation's pages: a directorate and a service, each with who covers it and its measures, and the
// add and edit forms for both.
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import type { AppContext } from '../web/server.ts';
import { registerFormPage, savedFlash } from './form-pages.ts';
import {
  directorateChoices,
  directorateForEdit,
  saveDirectorate,
  saveService,
  serviceForEdit,
} from './organisation.service.ts';
import { directorateDetail, serviceDetail } from './structure.service.ts';

type ByCode = { Params: { code: string } };

export function organisationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const read = { config: { access: 'structure.read' as const } };

  app.get<ByCode>('/structure/directorates/:code', read, async (request, reply) => {
    const user = signedInUser(request);
    return reply.page('structure/views/directorate.njk', {
      ...(await directorateDetail(db, user, request.params.code)),
      canEdit: can(user, 'structure.write'),
      flash: savedFlash(request.query),
    });
  });

  app.get<ByCode>('/structure/services/:code', read, async (request, reply) => {
    const user = signedInUser(request);
    return reply.page('structure/views/service.njk', {
      ...(await serviceDetail(db, user, request.params.code)),
      canEdit: can(user, 'structure.write'),
      flash: savedFlash(request.query),
    });
  });

  registerFormPage(app, db, {
    path: '/structure/directorates',
    noun: 'directorate',
    template: 'structure/views/directorate-form.njk',
    labels: { code: 'Code', name: 'Name', directorName: 'Director' },
    blank: async () => ({}),
    load: directorateForEdit,
    options: async () => ({}),
    save: saveDirectorate,
    pageOf: (code) => `/structure/directorates/${encodeURIComponent(code)}`,
    backFromNew: '/structure#directorates',
  });

  registerFormPage(app, db, {
    path: '/structure/services',
    noun: 'service',
    template: 'structure/views/service-form.njk',
    labels: { code: 'Code', name: 'Name', headOfService: 'Head of service', directorate: 'Directorate' },
    blank: async (_db, _user, query) => ({ directorate: query.directorate }),
    load: serviceForEdit,
    options: async (db, user) => ({ directorates: await directorateChoices(db, user) }),
    save: saveService,
    pageOf: (code) => `/structure/services/${encodeURIComponent(code)}`,
    backFromNew: '/structure#directorates',
  });
}
