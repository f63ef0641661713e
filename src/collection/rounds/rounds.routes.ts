// Collection rounds' pages: the rounds with a form to open one (performance officers), and a round's chase list
// (anyone who reads figures, for the measures in their reach).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { first, errorsForForm, type FormBody } from '../../measures/measure-form.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import { listRounds, openRound, roundPage } from './rounds.service.ts';
import { returnTemplate } from '../returns/my-returns.service.ts';
import { csvTemplate, STATE_WORDS, xlsxTemplate } from './round-template.ts';
import { remindersSent } from './rounds.queries.ts';

type RoundsRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

export function roundsRoutes(app: FastifyInstance, { db, jobs }: ServerContext): void {
  const renderList = async (
    request: RoundsRequest,
    reply: FastifyReply,
    view: { values?: Record<string, string>; problems?: FieldProblem[]; status?: number },
  ) => {
    const user = signedInUser(request);
    const rounds = await listRounds(db, user);
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    return reply.status(view.status ?? 200).page('collection/rounds/views/rounds.njk', {
      pageTitle: 'Collection rounds',
      rounds: rounds.map((r) => ({ ...r, label: labelOfPeriod(r.period) })),
      values: view.values ?? { period: '', deadline: '', reminderDays: '3' },
      canOpen: can(user, 'round.manage'),
      errors,
      errorFor,
    });
  };

  app.get('/rounds', { config: { access: 'round.manage' } }, async (request: RoundsRequest, reply) =>
    renderList(request, reply, {}),
  );

  app.post('/rounds', { config: { access: 'round.manage' } }, async (request: RoundsRequest, reply) => {
    const body = request.body ?? {};
    const values = {
      period: first(body, 'period'),
      deadline: first(body, 'deadline'),
      reminderDays: first(body, 'reminderDays'),
    };
    const days = values.reminderDays.trim();
    try {
      const round = await openRound(db, jobs, signedInUser(request), {
        period: values.period,
        deadline: values.deadline,
        reminderDays: /^\d+$/.test(days) ? Number(days) : Number.NaN,
      });
      return reply.redirect(`/rounds/${round.id}?opened=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError)
        return renderList(request, reply, { values, problems: error.details, status: error.statusCode });
      throw error;
    }
  });

  // The template holds the figures the user may enter: a performance officer's all of them (headlines); anyone
  // else's their return — their services' figures with the providers' own beside them, or a school's its own.
  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/rounds/:id/template.${format}`,
      { config: { access: 'value.write' } },
      async (request: RoundsRequest, reply) => {
        const user = signedInUser(request);
        const { round, items } = can(user, 'round.manage')
          ? await roundPage(db, user, request.params.id, 'value.write')
          : await returnTemplate(db, user, request.params.id);
        const name = `figures-${round.period}.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvTemplate(items));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await xlsxTemplate(items));
      },
    );

  app.get('/rounds/:id', { config: { access: 'value.read' } }, async (request: RoundsRequest, reply) => {
    const user = signedInUser(request);
    const page = await roundPage(db, user, request.params.id);
    const sent = can(user, 'round.manage') ? await remindersSent(db, page.round.id) : [];
    return reply.page('collection/rounds/views/round.njk', {
      pageTitle: `Collection round: ${labelOfPeriod(page.round.period)}`,
      ...page,
      label: labelOfPeriod(page.round.period),
      items: page.items.map((i) => ({
        ...i,
        periodLabel: labelOfPeriod(i.period),
        stateLabel: STATE_WORDS[i.state],
      })),
      stateLabels: STATE_WORDS,
      canEnter: can(user, 'value.write'),
      sent,
      flash:
        first(request.query, 'opened') === '1'
          ? 'The round is open: its data owners are being told'
          : undefined,
    });
  });
}
