// The Council Strategy pages: priorities and outcomes with the measures under each, and their add and edit forms.
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import type { AppContext } from '../web/server.ts';
import { registerFormPage, savedFlash } from './form-pages.ts';
import {
  newOutcome,
  newPriority,
  outcomeForEdit,
  priorityChoices,
  priorityForEdit,
  saveOutcome,
  savePriority,
} from './strategy.service.ts';
import { strategyPlan } from './structure.service.ts';

export function strategyRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get('/structure/strategy', { config: { access: 'structure.read' } }, async (request, reply) => {
    const user = signedInUser(request);
    return reply.page('structure/views/strategy.njk', {
      ...(await strategyPlan(db, user)),
      canEdit: can(user, 'structure.write'),
      flash: savedFlash(request.query),
    });
  });

  const titled = { code: 'Code', title: 'Title', description: 'Description', position: 'Position' };

  registerFormPage(app, db, {
    path: '/structure/priorities',
    noun: 'priority',
    template: 'structure/views/priority-form.njk',
    labels: titled,
    blank: (db, user) => newPriority(db, user),
    load: priorityForEdit,
    options: async () => ({}),
    save: savePriority,
    pageOf: () => '/structure/strategy',
    anchorOf: (code) => `priority-${code}`,
    backFromNew: '/structure/strategy',
  });

  registerFormPage(app, db, {
    path: '/structure/outcomes',
    noun: 'outcome',
    template: 'structure/views/outcome-form.njk',
    labels: {
      code: 'Code',
      priority: 'Priority',
      title: 'Title',
      description: 'Description',
      position: 'Position',
    },
    blank: (db, user, query) => newOutcome(db, user, query.priority),
    load: outcomeForEdit,
    options: async (db, user) => ({ priorities: await priorityChoices(db, user) }),
    save: saveOutcome,
    pageOf: () => '/structure/strategy',
    anchorOf: (code) => `outcome-${code}`,
    backFromNew: '/structure/strategy',
  });
}
