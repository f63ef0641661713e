// Data-quality pages: the dashboard per service and provider, the figures behind each of its numbers, one figure's
// findings (where an officer raises one), and one finding (where its owner responds and an officer resolves it).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import { measureForFigure, periodForMeasure } from '../values.service.ts';
import { periodKey } from '../../assessment/index.ts';
import { actionsOfFinding } from '../../assurance/actions/actions.list.ts';
import { presentAction } from '../../assurance/actions/actions.present.ts';
import { DRILL_DOWNS, qualityDashboard, qualityDrillDown } from './dashboard.service.ts';
import { figurePage, figureLink, presentFinding } from './quality.present.ts';
import {
  findingForUser,
  findingsForFigure,
  raiseFinding,
  resolveFinding,
  respondToFinding,
} from './findings.service.ts';

type QualityRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

const SHOW_WORDS: Record<string, string> = {
  due: 'Figures due',
  late: 'Figures not submitted by the deadline',
  missing: 'Figures still missing',
  returned: 'Figures returned for correction',
  revised: 'Figures revised after publication',
  findings: 'Figures with open findings',
};

const filterOf = (q: FormBody) => ({ round: first(q, 'round'), from: first(q, 'from'), to: first(q, 'to') });

export function qualityRoutes(app: FastifyInstance, { db }: ServerContext): void {
  app.get('/data-quality', { config: { access: 'quality.read' } }, async (request: QualityRequest, reply) => {
    const user = signedInUser(request);
    try {
      const page = await qualityDashboard(db, user, filterOf(request.query));
      const query = new URLSearchParams(page.filter).toString();
      return reply.page('collection/quality/views/dashboard.njk', {
        pageTitle: 'Data quality',
        ...page,
        query,
        roundLabel: page.rounds.map((r) => labelOfPeriod(r.period)).join(', '),
        roundChoices: page.all.map((r) => ({
          value: r.id,
          text: labelOfPeriod(r.period),
          selected: r.id === page.filter.round,
        })),
        services: page.rows.filter((r) => r.row_kind === 'service'),
        providers: page.rows.filter((r) => r.row_kind === 'provider'),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { errors, errorFor } = errorsForForm(error.details);
      return reply.status(400).page('collection/quality/views/dashboard.njk', {
        pageTitle: 'Data quality',
        filter: filterOf(request.query),
        roundChoices: [],
        services: [],
        providers: [],
        rounds: [],
        errors,
        errorFor,
      });
    }
  });

  app.get(
    '/data-quality/figures',
    { config: { access: 'quality.read' } },
    async (request: QualityRequest, reply) => {
      const user = signedInUser(request);
      const page = await qualityDrillDown(db, user, {
        ...filterOf(request.query),
        row: first(request.query, 'row'),
        show: first(request.query, 'show'),
      });
      const name = page.items[0]?.row_name ?? page.row.code;
      return reply.page('collection/quality/views/figures.njk', {
        pageTitle: `${SHOW_WORDS[page.show]}: ${name}`,
        heading: SHOW_WORDS[page.show],
        name,
        roundLabel: page.rounds.map((r) => labelOfPeriod(r.period)).join(', '),
        back: `/data-quality?${new URLSearchParams(page.filter).toString()}`,
        others: DRILL_DOWNS.map((d) => ({
          text: SHOW_WORDS[d],
          href: `/data-quality/figures?${new URLSearchParams({ ...page.filter, row: `${page.row.kind}:${page.row.code}`, show: d }).toString()}`,
          current: d === page.show,
        })),
        items: page.items.map((i) => ({ ...i, periodLabel: labelOfPeriod(i.period), href: figureLink(i) })),
      });
    },
  );

  const renderFigure = async (
    request: QualityRequest,
    reply: FastifyReply,
    view: { message?: string; problems?: FieldProblem[]; status?: number } = {},
  ) => {
    const user = signedInUser(request);
    const source = request.method === 'GET' ? request.query : (request.body ?? {});
    const breakdown = first(source, 'breakdown');
    const measure = await measureForFigure(db, user, first(source, 'measure'), breakdown, 'value.read');
    const period = periodKey(periodForMeasure(measure, first(source, 'period')));
    const findings = await findingsForFigure(db, measure.id, period, breakdown);
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    return reply.status(view.status ?? 200).page('collection/quality/views/figure.njk', {
      ...(await figurePage(db, user, measure, period, breakdown)),
      findings: findings.map(presentFinding),
      canRaise: can(user, 'finding.raise'),
      message: view.message ?? '',
      errors,
      errorFor,
    });
  };

  app.get(
    '/data-quality/figure',
    { config: { access: 'quality.read' } },
    async (request: QualityRequest, reply) => renderFigure(request, reply),
  );

  app.post(
    '/data-quality/findings',
    { config: { access: 'finding.raise' } },
    async (request: QualityRequest, reply) => {
      const body = request.body ?? {};
      try {
        const finding = await raiseFinding(db, signedInUser(request), {
          code: first(body, 'measure'),
          period: first(body, 'period'),
          breakdown: first(body, 'breakdown'),
          message: first(body, 'message'),
        });
        return reply.redirect(`/data-quality/findings/${finding.id}?raised=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError && error.details.every((d) => d.field === 'message'))
          return renderFigure(request, reply, {
            message: first(body, 'message'),
            problems: error.details,
            status: 400,
          });
        throw error;
      }
    },
  );

  const renderFinding = async (
    request: QualityRequest,
    reply: FastifyReply,
    view: { values?: Record<string, string>; problems?: FieldProblem[]; status?: number } = {},
  ) => {
    const user = signedInUser(request);
    const finding = await findingForUser(db, user, request.params.id);
    const canRespond =
      finding.status === 'open' &&
      can(user, 'finding.respond') &&
      (await findingForUser(db, user, finding.id, 'value.write').then(
        () => true,
        () => false,
      ));
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    const flash = {
      raised: 'The finding is raised: its owner sees it',
      responded: 'Your response is saved',
      resolved: 'The finding is resolved',
    };
    const done = Object.keys(flash).find((k) => first(request.query, k) === '1') as
      keyof typeof flash | undefined;
    return reply.status(view.status ?? 200).page('collection/quality/views/finding.njk', {
      pageTitle: `Data-quality finding ${finding.id}`,
      finding: presentFinding(finding),
      figureHref: figureLink(finding),
      canRespond,
      canResolve: finding.status === 'open' && can(user, 'finding.resolve'),
      improvementActions: (await actionsOfFinding(db, user, finding.id)).map(presentAction),
      canRaiseAction: can(user, 'action.write'),
      values: view.values ?? { response: '', note: '' },
      flash: done ? flash[done] : undefined,
      errors,
      errorFor,
    });
  };

  app.get(
    '/data-quality/findings/:id',
    { config: { access: 'quality.read' } },
    async (request: QualityRequest, reply) => renderFinding(request, reply),
  );

  for (const step of ['respond', 'resolve'] as const)
    app.post(
      `/data-quality/findings/:id/${step}`,
      { config: { access: step === 'respond' ? 'finding.respond' : 'finding.resolve' } },
      async (request: QualityRequest, reply) => {
        const user = signedInUser(request);
        const body = request.body ?? {};
        const version = Number(first(body, 'version'));
        const values = { response: first(body, 'response'), note: first(body, 'note') };
        try {
          if (step === 'respond')
            await respondToFinding(db, user, request.params.id, { response: values.response, version });
          else await resolveFinding(db, user, request.params.id, { note: values.note, version });
          const done = step === 'respond' ? 'responded' : 'resolved';
          return reply.redirect(`/data-quality/findings/${request.params.id}?${done}=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError || error instanceof ConflictError) {
            // A stale version is shown on the text box the person was writing in.
            const field = step === 'respond' ? 'response' : 'note';
            const problems = error.details.map((d) => (d.field === 'version' ? { ...d, field } : d));
            return renderFinding(request, reply, { values, problems, status: error.statusCode });
          }
          throw error;
        }
      },
    );
}
