// The report-set pages: the list with what awaits the reader, one set with the sign-off buttons of whoever may act,
// and the forms that propose, sign off or return a set and request or decide a mid-year change. Thin: read the
// form, call one use case, redirect — or show the page again with what was wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { AppError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import { decideReportSetChange, requestReportSetChange, setForChangeRequest } from './changes.service.ts';
import { measureChoices } from './report-set-choices.queries.ts';
import { reportSetPage, reportSetsPage } from './report-set-pages.service.ts';
import { transitionReportSet } from './sign-off.service.ts';
import { SIGN_OFF_ACTIONS } from './sign-off.rules.ts';

type SetRequest = FastifyRequest<{
  Params: { name: string; id: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

const GROUPING_WORDS = {
  outcome: 'Priority and outcome',
  service: 'Service',
  portfolio: 'Cabinet portfolio',
};

const FLASH: Record<string, string> = {
  propose: 'The measures were proposed for sign-off. The Cabinet Member has been asked to sign them off.',
  sign_off: 'You signed off the measures. They are locked for the year.',
  return: 'The set was returned to the director with your comments.',
  requested: 'The change was requested. The Cabinet Member has been asked to sign it off.',
  change_sign_off: 'You signed off the change. The measures of the set have changed.',
  change_return: 'The change was returned with your comments.',
  saved: 'The report set was saved.',
};

const isAction = (value: string) => SIGN_OFF_ACTIONS.find((a) => a === value);

/** An error worth showing on the page (a bad form, a stale or wrong-state set); anything else goes to the handler. */
const shown = (error: unknown): error is AppError =>
  error instanceof AppError && (error.statusCode === 400 || error.statusCode === 409);

export function reportSetPageRoutes(app: FastifyInstance, { db }: AppContext): void {
  const read = { config: { access: 'report.read' as const } };

  app.get('/report-sets', read, async (request: SetRequest, reply) => {
    const user = signedInUser(request);
    return reply.page('reporting/report-sets/views/list.njk', {
      pageTitle: 'Report sets',
      ...(await reportSetsPage(db, user)),
      canManage: can(user, 'report.manage'),
    });
  });

  const renderSet = async (
    request: SetRequest,
    reply: FastifyReply,
    view: {
      problems?: FieldProblem[];
      status?: number;
      comment?: string;
      changeComments?: Record<string, string>;
    },
  ) => {
    const page = await reportSetPage(db, signedInUser(request), request.params.name);
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    const flash = Object.keys(FLASH).find((k) => first(request.query, 'done') === k);
    return reply.status(view.status ?? 200).page('reporting/report-sets/views/set.njk', {
      pageTitle: page.set.title,
      ...page,
      groupingLabel: GROUPING_WORDS[page.set.grouping],
      comment: view.comment ?? '',
      changeComments: view.changeComments ?? {},
      errors: errors.map((e) =>
        e.href.startsWith('#comment') || e.href.startsWith('#change-') ? e : { ...e, href: '#sign-off' },
      ),
      errorFor,
      flash: flash ? FLASH[flash] : undefined,
    });
  };

  app.get('/report-sets/:name', read, async (request: SetRequest, reply) => renderSet(request, reply, {}));

  app.post('/report-sets/:name/transitions', read, async (request: SetRequest, reply) => {
    const body = request.body ?? {};
    const comment = first(body, 'comment');
    const action = isAction(first(body, 'action'));
    try {
      if (!action)
        throw ValidationError.field('action', 'Choose whether to propose, sign off or return the set');
      const version = first(body, 'version');
      await transitionReportSet(db, signedInUser(request), request.params.name, action, {
        version: /^\d+$/.test(version) ? Number(version) : 0,
        comment,
      });
      return reply.redirect(`/report-sets/${encodeURIComponent(request.params.name)}?done=${action}`, 303);
    } catch (error) {
      if (shown(error))
        return renderSet(request, reply, { problems: error.details, status: error.statusCode, comment });
      throw error;
    }
  });

  const renderChangeForm = async (
    request: SetRequest,
    reply: FastifyReply,
    view: {
      values: { change: string; reason: string; measure: string };
      problems?: FieldProblem[];
      status?: number;
    },
  ) => {
    const user = signedInUser(request);
    const set = await setForChangeRequest(db, user, request.params.name);
    const library = await measureChoices(db, user.councilId, set.measureIds);
    const inSet = new Set(set.measureIds);
    const { values } = view;
    const items = (ms: typeof library, prompt: string, chosen: string) => [
      { value: '', text: prompt },
      ...[...ms]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((m) => ({ value: m.code, text: `${m.code} ${m.title}`, selected: m.code === chosen })),
    ];
    // A problem with the measure belongs to the list it was chosen from.
    const problems = (view.problems ?? []).map((p) =>
      p.field === 'measure'
        ? { ...p, field: values.change === 'remove' ? 'removeMeasure' : 'addMeasure' }
        : p,
    );
    const { errors, errorFor } = errorsForForm(problems);
    return reply.status(view.status ?? 200).page('reporting/report-sets/views/change-form.njk', {
      pageTitle: `Request a change to ${set.title}`,
      set,
      values,
      addItems: items(
        library.filter((m) => m.status === 'active' && !inSet.has(m.id)),
        'Choose a measure to add',
        values.change === 'add' ? values.measure : '',
      ),
      removeItems: items(
        library.filter((m) => inSet.has(m.id)),
        'Choose a measure to remove',
        values.change === 'remove' ? values.measure : '',
      ),
      errors,
      errorFor,
    });
  };

  app.get('/report-sets/:name/changes/new', read, async (request: SetRequest, reply) =>
    renderChangeForm(request, reply, { values: { change: '', reason: '', measure: '' } }),
  );

  app.post('/report-sets/:name/changes', read, async (request: SetRequest, reply) => {
    const body = request.body ?? {};
    const change = first(body, 'change');
    const values = {
      change,
      reason: first(body, 'reason'),
      measure: first(body, change === 'remove' ? 'removeMeasure' : 'addMeasure'),
    };
    try {
      await requestReportSetChange(db, signedInUser(request), request.params.name, values);
      return reply.redirect(
        `/report-sets/${encodeURIComponent(request.params.name)}?done=requested#changes`,
        303,
      );
    } catch (error) {
      if (error instanceof ValidationError)
        return renderChangeForm(request, reply, { values, problems: error.details, status: 400 });
      if (
        error instanceof AppError &&
        error.statusCode === 409 &&
        error.details.some((d) => d.field === 'measure')
      )
        return renderChangeForm(request, reply, { values, problems: error.details, status: 409 });
      throw error;
    }
  });

  app.post(
    '/report-sets/:name/changes/:id/decision',
    { config: { access: 'reportset.signoff' } },
    async (request: SetRequest, reply) => {
      const body = request.body ?? {};
      const comment = first(body, 'comment');
      const decision = first(body, 'decision');
      const { id } = request.params;
      try {
        if (decision !== 'sign_off' && decision !== 'return')
          throw ValidationError.field('change', 'Choose whether to sign off or return the change');
        await decideReportSetChange(db, signedInUser(request), request.params.name, id, decision, comment);
        return reply.redirect(
          `/report-sets/${encodeURIComponent(request.params.name)}?done=change_${decision}#changes`,
          303,
        );
      } catch (error) {
        if (!shown(error)) throw error;
        // Each change has its own comment box: the problem is shown on the one the decision was about.
        const problems = error.details.map((p) => ({
          ...p,
          field: p.field === 'comment' ? `comment-${id}` : `change-${id}`,
        }));
        return renderSet(request, reply, {
          problems,
          status: error.statusCode,
          changeComments: { [id]: comment },
        });
      }
    },
  );
}
