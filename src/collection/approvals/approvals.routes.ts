// The approvals pages — "Figures awaiting you" (/approvals: a stage's figures with checkboxes, moved on together)
// and the return form (/approvals/:id/return) — and the transitions API. Each calls transitionFigures.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { all, errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { AppError, ValidationError, type FieldProblem } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import { ValuePathParams } from '../values.schema.ts';
import { TransitionBody, TransitionResponse, transitionErrors } from './approvals.schema.ts';
import { queuePage, type QueueFilter } from './approvals.queue.ts';
import { figureToReturn, transitionByCode, transitionFigures } from './approvals.service.ts';
import { STATUS_WORDS, STEP_RULES, STEPS, type Step } from './workflow.ts';

type PageRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

const STAGE_NAMES: Record<Step, string> = {
  submit: 'Awaiting submission (drafts)',
  validate: 'Awaiting validation',
  approve: 'Awaiting approval',
  publish: 'Awaiting publication',
};

/** Where the queue was, so a redirect or a re-rendered page keeps the filters. */
function queueQuery(filter: QueueFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Checkbox values are "id:version", so a figure changed since the page was read is caught. */
function selectedFigures(body: FormBody): { id: string; version: number }[] {
  return all(body, 'figure').map((v) => {
    const [id = '', version = ''] = v.split(':');
    return { id, version: /^\d+$/.test(version) ? Number(version) : 0 };
  });
}

export function approvalsRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const renderQueue = async (
    request: PageRequest,
    reply: FastifyReply,
    filter: QueueFilter,
    view: { problems?: FieldProblem[]; status?: number; flash?: string },
  ) => {
    const user = signedInUser(request);
    const page = await queuePage(db, user, filter);
    // Every problem here is about the figures chosen, so each links to the table of them.
    const errors = (view.problems ?? []).map((p) => ({ href: '#figures', text: p.message }));
    const rule = STEP_RULES[page.stage];
    return reply.status(view.status ?? 200).page('collection/approvals/views/approvals.njk', {
      pageTitle: 'Figures awaiting you',
      ...page,
      stageName: STAGE_NAMES[page.stage],
      stages: page.steps.map((s) => ({ value: s, text: STAGE_NAMES[s], selected: s === page.stage })),
      verb: rule.verb,
      canReturn: page.stage !== 'submit',
      rows: page.rows.map((r) => ({
        ...r,
        periodLabel: labelOfPeriod(r.period),
        statusWords: STATUS_WORDS[r.status],
      })),
      periodOptions: page.periods.map((p) => ({
        value: p,
        text: labelOfPeriod(p),
        selected: p === page.period,
      })),
      query: queueQuery({ stage: page.stage, service: page.service, period: page.period }),
      errors,
      flash: view.flash,
    });
  };

  const filterOf = (body: FormBody): QueueFilter => ({
    stage: first(body, 'stage'),
    service: first(body, 'service'),
    period: first(body, 'period'),
  });

  fastify.get(
    '/approvals',
    { config: { access: 'value.transition' } },
    async (request: PageRequest, reply) => {
      const moved = first(request.query, 'moved');
      const returned = first(request.query, 'returned');
      const flash = moved
        ? `${moved} ${moved === '1' ? 'figure' : 'figures'} moved on`
        : returned
          ? `${returned} was returned to its owner with your comment`
          : undefined;
      return renderQueue(request, reply, filterOf(request.query), { flash });
    },
  );

  fastify.post(
    '/approvals',
    { config: { access: 'value.transition' } },
    async (request: PageRequest, reply) => {
      const body = request.body ?? {};
      const filter = filterOf(body);
      const action = STEPS.find((s) => s === filter.stage);
      try {
        if (!action)
          throw ValidationError.field('stage', 'Choose which figures to move on: a stage of the workflow');
        const result = await transitionFigures(db, signedInUser(request), {
          action,
          figures: selectedFigures(body),
        });
        const heads = result.moved.filter((m) => m.breakdown === '').length;
        return reply.redirect(`/approvals${queueQuery(filter, { moved: String(heads) })}`, 303);
      } catch (error) {
        if (error instanceof AppError && error.statusCode !== 500)
          return renderQueue(request, reply, filter, {
            problems: error.details.length ? error.details : [{ field: 'figures', message: error.message }],
            status: error.statusCode,
          });
        throw error;
      }
    },
  );

  const renderReturn = async (
    request: PageRequest,
    reply: FastifyReply,
    view: { comment?: string; problems?: FieldProblem[]; status?: number },
  ) => {
    const figure = await figureToReturn(db, signedInUser(request), request.params.id);
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    return reply.status(view.status ?? 200).page('collection/approvals/views/return.njk', {
      pageTitle: `Return ${figure.measure_code} ${labelOfPeriod(figure.period)}`,
      figure,
      periodLabel: labelOfPeriod(figure.period),
      statusWords: STATUS_WORDS[figure.status],
      comment: view.comment ?? '',
      back: `/approvals${queueQuery(filterOf(request.query))}`,
      errors,
      errorFor,
    });
  };

  fastify.get(
    '/approvals/:id/return',
    { config: { access: 'value.transition' } },
    (request: PageRequest, reply) => renderReturn(request, reply, {}),
  );

  fastify.post(
    '/approvals/:id/return',
    { config: { access: 'value.transition' } },
    async (request: PageRequest, reply) => {
      const body = request.body ?? {};
      const comment = first(body, 'comment');
      const version = first(body, 'version');
      try {
        const figure = await figureToReturn(db, signedInUser(request), request.params.id);
        await transitionFigures(db, signedInUser(request), {
          action: 'return',
          comment,
          figures: [{ id: request.params.id, version: /^\d+$/.test(version) ? Number(version) : 0 }],
        });
        const back = queueQuery(filterOf(request.query), {
          returned: `${figure.measure_code} ${labelOfPeriod(figure.period)}`,
        });
        return reply.redirect(`/approvals${back}`, 303);
      } catch (error) {
        if (error instanceof AppError && (error.statusCode === 400 || error.statusCode === 409))
          return renderReturn(request, reply, { comment, problems: error.details, status: error.statusCode });
        throw error;
      }
    },
  );

  const api = fastify.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/values/:code/:period/transitions',
    {
      config: { access: 'value.transition' },
      schema: {
        tags: ['values'],
        summary: 'Move a headline figure through the approval workflow, or return it to draft with a comment',
        description:
          'draft → submitted (data owner or performance officer) → validated (performance officer) → approved (the director for the service) → published (performance officer). Return sends a submitted, validated or approved figure back to draft; it needs a comment and may be done by whoever may take the step the figure waits at. The figure’s breakdowns at the same status move with it, and formula measures reading it take their new status. Refusals: 403 a role that may not take the step, 404 a figure outside your reach, 409 a figure at another stage (the message names its status now) or a stale `version`, 400 a return without `comment`.',
        params: ValuePathParams,
        body: TransitionBody,
        response: { 200: TransitionResponse, ...transitionErrors },
      },
    },
    async (request): Promise<TransitionResponse> => {
      const { figure, result } = await transitionByCode(
        db,
        signedInUser(request),
        request.params,
        request.body,
      );
      const head = result.moved.find((m) => m.breakdown === '');
      return {
        measure: figure.measure_code,
        period: figure.period,
        action: result.action,
        status: head?.status ?? figure.status,
        version: head?.version ?? figure.version,
        revision: head?.revision ?? figure.revision,
        publishedAt: head?.published_at ? new Date(head.published_at).toISOString() : null,
        breakdownsMoved: result.moved.length - (head ? 1 : 0),
      };
    },
  );
}
