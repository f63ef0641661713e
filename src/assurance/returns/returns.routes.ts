// Statutory returns pages (/statutory-returns, named apart from the collection rounds' "My returns"): the list and
// the month calendar, one return with its checklist and status, and the forms that add and edit a return.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import { dateParts, fieldOf, formErrors, sentValues } from '../assurance-form.ts';
import { ownersOfCouncil, servicesOfCouncil } from '../assurance.queries.ts';
import { ukDate } from '../today.ts';
import { presentReturn, returnsCalendar } from './returns.list.ts';
import { moveReturn, returnInReach, tickReturnCheck } from './returns.progress.ts';
import { checksOf, measuresOf } from './returns.queries.ts';
import { addReturn, editReturn, FREQUENCIES, RECIPIENTS, recipientLabels } from './returns.service.ts';
import { checksOpen, nextStatuses, RETURN_STATUSES, returnStatusLabels } from './workflow.ts';

type Req = FastifyRequest<{
  Params: { id: string; check: string };
  Querystring: Record<string, unknown>;
  Body: Record<string, unknown> | undefined;
}>;
type Values = Record<string, string>;

const humanise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function returnsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, jobs } = context;
  const read = { config: { access: 'assurance.read' as const } };
  const manage = { config: { access: 'return.manage' as const } };
  const update = { config: { access: 'return.update' as const } };

  app.get('/statutory-returns', read, async (request: Req, reply) => {
    const user = signedInUser(request);
    const query = {
      view: fieldOf(request.query, 'view'),
      month: fieldOf(request.query, 'month'),
      recipient: fieldOf(request.query, 'recipient'),
      status: fieldOf(request.query, 'status'),
    };
    const filters = {
      recipientItems: [
        { value: '', text: 'Any recipient' },
        ...RECIPIENTS.map((r) => ({ value: r, text: recipientLabels[r] })),
      ].map((i) => ({ ...i, selected: i.value === query.recipient })),
      statusItems: [
        { value: '', text: 'Any status' },
        { value: 'overdue', text: 'Overdue' },
        ...RETURN_STATUSES.map((s) => ({ value: s, text: returnStatusLabels[s] })),
      ].map((i) => ({ ...i, selected: i.value === query.status })),
    };
    try {
      const page = await returnsCalendar(db, user, query);
      const base = new URLSearchParams({
        ...(query.recipient ? { recipient: query.recipient } : {}),
        ...(query.status ? { status: query.status } : {}),
      });
      const link = (extra: Record<string, string>) =>
        `/statutory-returns?${new URLSearchParams({ ...Object.fromEntries(base), ...extra }).toString()}`;
      return reply.page('assurance/returns/views/list.njk', {
        pageTitle:
          page.view === 'calendar' ? `Statutory returns: ${page.calendar?.title ?? ''}` : 'Statutory returns',
        ...page,
        ...filters,
        query,
        links: {
          list: link({}),
          calendar: link({ view: 'calendar', month: page.month }),
          previous: link({ view: 'calendar', month: page.previousMonth }),
          next: link({ view: 'calendar', month: page.nextMonth }),
        },
        canManage: can(user, 'return.manage'),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.status(400).page('assurance/returns/views/list.njk', {
        pageTitle: 'Statutory returns',
        view: 'list',
        rows: [],
        query,
        ...filters,
        links: { list: '/statutory-returns', calendar: '/statutory-returns?view=calendar' },
        ...formErrors(error.details),
      });
    }
  });

  const renderForm = async (
    request: Req,
    reply: FastifyReply,
    view: { values: Values; id?: string; problems?: FieldProblem[]; status?: number },
  ) => {
    const user = signedInUser(request);
    const [services, owners] = await Promise.all([
      servicesOfCouncil(db, user.councilId),
      ownersOfCouncil(db, user.councilId),
    ]);
    const v = view.values;
    return reply.status(view.status ?? 200).page('assurance/returns/views/form.njk', {
      pageTitle: view.id ? 'Edit the statutory return' : 'Add a statutory return',
      id: view.id,
      values: v,
      action: view.id ? `/statutory-returns/${view.id}/edit` : '/statutory-returns/new',
      recipientItems: RECIPIENTS.map((r) => ({
        value: r,
        text: recipientLabels[r],
        checked: r === v.recipient,
      })),
      frequencyItems: FREQUENCIES.map((f) => ({ value: f, text: humanise(f), checked: f === v.frequency })),
      serviceItems: [
        { value: '', text: 'Choose a service' },
        ...services.map((s) => ({ value: s.code, text: s.name, selected: s.code === v.service })),
      ],
      ownerItems: [
        { value: '', text: 'Choose an owner' },
        ...owners.map((o) => ({ value: o.id, text: o.name, selected: o.id === v.owner })),
      ],
      ...formErrors(view.problems ?? [], ['dueOn']),
    });
  };

  app.get('/statutory-returns/new', manage, async (request: Req, reply) =>
    renderForm(request, reply, { values: { reminderDays: '14' } }),
  );

  app.post('/statutory-returns/new', manage, async (request: Req, reply) => {
    const body = request.body ?? {};
    try {
      const id = await addReturn(db, jobs, signedInUser(request), body);
      return reply.redirect(`/statutory-returns/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(request, reply, { values: sentValues(body), problems: error.details, status: 400 });
    }
  });

  const savedValues = async (request: Req): Promise<Values> => {
    const row = await returnInReach(db, signedInUser(request), request.params.id, 'assurance.read');
    const [measures, checks] = await Promise.all([measuresOf(db, row.id), checksOf(db, row.id)]);
    return {
      code: row.code,
      title: row.title,
      recipient: row.recipient,
      frequency: row.frequency,
      referencePeriod: row.reference_period,
      service: row.service_code,
      owner: row.owner_id,
      reminderDays: String(row.reminder_days),
      notes: row.notes,
      measures: measures.map((m) => m.code).join(', '),
      checks: checks.map((c) => c.text).join('\n'),
      version: String(row.version),
      ...Object.fromEntries(Object.entries(dateParts(row.due_on)).map(([k, val]) => [`dueOn-${k}`, val])),
    };
  };

  app.get('/statutory-returns/:id/edit', manage, async (request: Req, reply) =>
    renderForm(request, reply, { values: await savedValues(request), id: request.params.id }),
  );

  app.post('/statutory-returns/:id/edit', manage, async (request: Req, reply) => {
    const body = request.body ?? {};
    try {
      await editReturn(db, jobs, signedInUser(request), request.params.id, body);
      return reply.redirect(`/statutory-returns/${encodeURIComponent(request.params.id)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      const stale = error instanceof ConflictError;
      const values = {
        ...sentValues(body),
        ...(stale ? { version: (await savedValues(request)).version ?? '' } : {}),
      };
      return renderForm(request, reply, {
        values,
        id: request.params.id,
        problems: error.details,
        status: stale ? 409 : 400,
      });
    }
  });

  const renderReturn = async (
    request: Req,
    reply: FastifyReply,
    view: { problems?: FieldProblem[]; status?: number } = {},
  ) => {
    const user = signedInUser(request);
    const row = await returnInReach(db, user, request.params.id, 'assurance.read');
    const [measures, checks] = await Promise.all([measuresOf(db, row.id), checksOf(db, row.id)]);
    const mayUpdate =
      can(user, 'return.update') &&
      (await returnInReach(db, user, row.id, 'return.update').then(
        () => true,
        () => false,
      ));
    return reply.status(view.status ?? 200).page('assurance/returns/views/return.njk', {
      pageTitle: `${row.title} (${row.reference_period})`,
      ret: presentReturn(row, ukDate()),
      recipientLabel: recipientLabels[row.recipient],
      measures,
      checks,
      checksOpen: checksOpen(row.status),
      moves: nextStatuses[row.status].map((s) => ({ value: s, text: returnStatusLabels[s] })),
      mayUpdate,
      canManage: can(user, 'return.manage'),
      flash: fieldOf(request.query, 'saved') ? 'The return was saved' : undefined,
      ...formErrors(view.problems ?? []),
    });
  };

  app.get('/statutory-returns/:id', read, async (request: Req, reply) => renderReturn(request, reply));

  const progress = (act: (request: Req) => Promise<void>) => async (request: Req, reply: FastifyReply) => {
    try {
      await act(request);
      return reply.redirect(`/statutory-returns/${encodeURIComponent(request.params.id)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      return renderReturn(request, reply, { problems: error.details, status: error.statusCode });
    }
  };

  app.post(
    '/statutory-returns/:id/status',
    update,
    progress((request) => moveReturn(db, signedInUser(request), request.params.id, request.body ?? {})),
  );
  app.post(
    '/statutory-returns/:id/checks/:check',
    update,
    progress((request) =>
      tickReturnCheck(db, signedInUser(request), request.params.id, request.params.check, request.body ?? {}),
    ),
  );
}
