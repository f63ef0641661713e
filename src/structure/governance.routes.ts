// Governance pages: a portfolio and a committee (or CMT), each with its services and their measures (a committee
// with the history of its terms of reference), and the add and edit forms with their directorates and services.
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import type { AppContext } from '../web/server.ts';
import { committeeTermsRoutes } from './committee-terms.routes.ts';
import { termsHistory } from './committee-terms.service.ts';
import { registerFormPage, savedFlash } from './form-pages.ts';
import {
  committeeForEdit,
  portfolioForEdit,
  saveCommittee,
  savePortfolio,
  serviceChoices,
} from './governance.service.ts';
import { directorateChoices } from './organisation.service.ts';
import { committeeDetail, portfolioDetail } from './structure.service.ts';

type ByCode = { Params: { code: string } };

export function governanceRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const read = { config: { access: 'structure.read' as const } };

  app.get<ByCode>('/structure/portfolios/:code', read, async (request, reply) => {
    const user = signedInUser(request);
    return reply.page('structure/views/portfolio.njk', {
      ...(await portfolioDetail(db, user, request.params.code)),
      canEdit: can(user, 'structure.write'),
      flash: savedFlash(request.query),
    });
  });

  app.get<ByCode>('/structure/committees/:code', read, async (request, reply) => {
    const user = signedInUser(request);
    const detail = await committeeDetail(db, user, request.params.code);
    return reply.page('structure/views/committee.njk', {
      ...detail,
      history: await termsHistory(db, user, detail.committee.code),
      canEdit: can(user, 'structure.write'),
      canEditTerms: can(user, 'committee.write'),
      canCreateReportSet: can(user, 'report.manage') && detail.committee.kind === 'select',
      flash: savedFlash(request.query),
    });
  });

  committeeTermsRoutes(app, { db, config });

  registerFormPage(app, db, {
    path: '/structure/portfolios',
    noun: 'portfolio',
    template: 'structure/views/portfolio-form.njk',
    labels: {
      code: 'Code',
      title: 'Title',
      cabinetMemberName: 'Cabinet Member',
      directorates: 'Directorates',
      services: 'Services',
    },
    listFields: ['directorates', 'services'],
    blank: async () => ({ directorates: [], services: [] }),
    load: portfolioForEdit,
    options: async (db, user) => ({
      directorateItems: await directorateChoices(db, user),
      serviceItems: await serviceChoices(db, user),
    }),
    save: savePortfolio,
    pageOf: (code) => `/structure/portfolios/${encodeURIComponent(code)}`,
    backFromNew: '/structure#portfolios',
  });

  registerFormPage(app, db, {
    path: '/structure/committees',
    noun: 'committee',
    template: 'structure/views/committee-form.njk',
    labels: {
      code: 'Code',
      title: 'Title',
      kind: 'Kind',
      chairName: 'Chair',
      termsOfReference: 'Terms of reference',
      themes: 'Themes',
      services: 'Services scrutinised',
    },
    valueLabels: { kind: { select: 'Select committee', cmt: 'Corporate Management Team' } },
    listFields: ['services'],
    blank: async () => ({ kind: 'select', services: [] }),
    load: committeeForEdit,
    toForm: (saved) => ({ ...saved, themes: [saved.themes].flat().join('\n') }),
    options: async (db, user) => ({ serviceItems: await serviceChoices(db, user) }),
    save: saveCommittee,
    pageOf: (code) => `/structure/committees/${encodeURIComponent(code)}`,
    backFromNew: '/structure#committees',
  });
}
