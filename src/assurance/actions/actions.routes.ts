// Improvement action pages: /actions (overdue first, filtered by owner, status and service), raising one from its
// origin (/actions/new?measure=…|recommendation=…|finding=…), and one action with its progress notes and update form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../access/current-user.ts';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { servicesInReach } from '../../access/scope.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import { dateParts, fieldOf, formErrors, sentValues } from '../assurance-form.ts';
import { ownersOfCouncil, servicesOfCouncil } from '../assurance.queries.ts';
import { inReach } from '../reach.ts';
import { actionList } from './actions.list.ts';
import { type ActionOrigin, actionOrigin } from './actions.origin.ts';
import { presentAction } from './actions.present.ts';
import {
  ACTION_STATUSES,
  actionDetail,
  actionStatusLabels,
  changeAction,
  raiseAction,
} from './actions.service.ts';

type Req = FastifyRequest<{
  Params: { id: string };
  Querystring: Record<string, unknown>;
  Body: Record<string, unknown> | undefined;
}>;
type Values = Record<string, string>;

const originQuery = (q: Record<string, unknown>) => ({
  measure: fieldOf(q, 'measure'),
  period: fieldOf(q, 'period'),
  recommendation: fieldOf(q, 'recommendation'),
  finding: fieldOf(q, 'finding'),
});

async function ownerItems(context: ServerContext, user: CurrentUser, chosen: string) {
  const owners = await ownersOfCouncil(context.db, user.councilId);
  return [
    { value: '', text: 'Choose an owner' },
    ...owners.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen })),
  ];
}

export function actionsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const read = { config: { access: 'assurance.read' as const } };
  const write = { config: { access: 'action.write' as const } };

  app.get('/actions', read, async (request: Req, reply) => {
    const user = signedInUser(request);
    const query = {
      owner: fieldOf(request.query, 'owner'),
      status: fieldOf(request.query, 'status'),
      service: fieldOf(request.query, 'service'),
    };
    const statusItems = [
      { value: '', text: 'Any status' },
      { value: 'open', text: 'Open (not started or in progress)' },
      { value: 'overdue', text: 'Overdue' },
      ...ACTION_STATUSES.map((s) => ({ value: s, text: actionStatusLabels[s] })),
    ].map((i) => ({ ...i, selected: i.value === query.status }));
    try {
      const list = await actionList(db, user, query);
      return reply.page('assurance/actions/views/list.njk', {
        pageTitle: 'Improvement actions',
        rows: list.rows.map(presentAction),
        overdue: list.rows.filter((r) => r.overdue).length,
        serviceItems: [
          { value: '', text: 'All services' },
          ...list.services.map((s) => ({ value: s.code, text: s.name, selected: s.code === query.service })),
        ],
        ownerItems: [
          { value: '', text: 'Anyone' },
          ...list.owners.map((o) => ({ value: o.id, text: o.name, selected: o.id === query.owner })),
        ],
        statusItems,
        canRaise: can(user, 'action.write'),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.status(400).page('assurance/actions/views/list.njk', {
        pageTitle: 'Improvement actions',
        rows: [],
        serviceItems: [{ value: '', text: 'All services' }],
        ownerItems: [{ value: '', text: 'Anyone' }],
        statusItems,
        ...formErrors(error.details),
      });
    }
  });

  const renderNew = async (
    request: Req,
    reply: FastifyReply,
    origin: ActionOrigin,
    values: Values,
    problems: FieldProblem[] = [],
  ) => {
    const user = signedInUser(request);
    const reach = servicesInReach(user, 'action.write');
    const services = (await servicesOfCouncil(db, user.councilId)).filter((s) => inReach(reach, s.id));
    return reply.status(problems.length ? 400 : 200).page('assurance/actions/views/new.njk', {
      pageTitle: 'Raise an improvement action',
      origin,
      action: `/actions/new?${new URLSearchParams(origin.query).toString()}`,
      values,
      ownerItems: await ownerItems(context, user, values.owner ?? ''),
      serviceItems: origin.serviceId
        ? []
        : [
            { value: '', text: 'Choose a service' },
            ...services.map((s) => ({ value: s.code, text: s.name, selected: s.code === values.service })),
          ],
      ...formErrors(problems, ['dueOn']),
    });
  };

  app.get('/actions/new', write, async (request: Req, reply) => {
    const origin = await actionOrigin(db, signedInUser(request), originQuery(request.query));
    return renderNew(request, reply, origin, {});
  });

  app.post('/actions/new', write, async (request: Req, reply) => {
    const user = signedInUser(request);
    const origin = await actionOrigin(db, user, originQuery(request.query));
    const body = request.body ?? {};
    try {
      const id = await raiseAction(db, user, origin, body);
      return reply.redirect(`/actions/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderNew(request, reply, origin, sentValues(body), error.details);
    }
  });

  const renderAction = async (
    request: Req,
    reply: FastifyReply,
    view: { values?: Values; problems?: FieldProblem[]; status?: number; stale?: boolean } = {},
  ) => {
    const user = signedInUser(request);
    const detail = await actionDetail(db, user, request.params.id);
    const a = detail.action;
    const saved: Values = {
      title: a.title,
      description: a.description,
      owner: a.owner_id,
      status: a.status,
      note: '',
      version: String(a.version),
      ...Object.fromEntries(Object.entries(dateParts(a.due_on)).map(([k, v]) => [`dueOn-${k}`, v])),
    };
    const values = view.values
      ? { ...view.values, ...(view.stale ? { version: saved.version ?? '' } : {}) }
      : saved;
    return reply.status(view.status ?? 200).page('assurance/actions/views/action.njk', {
      pageTitle: a.title,
      action: presentAction(a),
      notes: detail.notes.map((n) => ({ ...n, statusLabel: n.status ? actionStatusLabels[n.status] : '' })),
      canWrite: detail.canWrite,
      values,
      stale: view.stale,
      ownerItems: await ownerItems(context, user, values.owner ?? ''),
      statusItems: ACTION_STATUSES.map((s) => ({ value: s, text: actionStatusLabels[s] })),
      flash: fieldOf(request.query, 'saved') ? 'The action was saved' : undefined,
      ...formErrors(view.problems ?? [], ['dueOn']),
    });
  };

  app.get('/actions/:id', read, async (request: Req, reply) => renderAction(request, reply));

  app.post('/actions/:id', write, async (request: Req, reply) => {
    const user = signedInUser(request);
    const body = request.body ?? {};
    try {
      await changeAction(db, user, request.params.id, body);
      return reply.redirect(`/actions/${encodeURIComponent(request.params.id)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      const stale = error instanceof ConflictError;
      return renderAction(request, reply, {
        values: sentValues(body),
        problems: error.details,
        status: stale ? 409 : 400,
        stale,
      });
    }
  });
}
