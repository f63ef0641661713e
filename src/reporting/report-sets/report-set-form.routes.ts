// The performance team's add and edit pages for a report set (/report-sets/new, /report-sets/:name/edit). A new
// committee set opened from a committee (?committee=SC-PH), or an edit with ?propose=1, has its measures ticked from
// the committee's terms of reference. On a problem the form comes back with what was typed and what was wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { AppError, type FieldProblem } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import {
  committeeChoices,
  measureChoices,
  portfolioChoices,
  proposeCommitteeMeasures,
} from './report-set-choices.queries.ts';
import {
  blankSetForm,
  formValuesOfSet,
  inputFromForm,
  measureGroups,
  proposalReason,
  readSetForm,
  type SetFormValues,
} from './report-set-form.ts';
import { codesOfMeasures, selectCommitteeId } from './report-set-writes.queries.ts';
import type { ReportSet } from './report-sets.queries.ts';
import { saveReportSet } from './report-sets.service.ts';
import { setOrNotFound } from './sign-off.service.ts';

type FormRequest = FastifyRequest<{
  Params: { name: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

interface Proposal {
  committee: string;
  count: number;
  hints: Map<string, string>;
}

const choose = (items: { code: string; title: string }[], selected: string, prompt: string) => [
  { value: '', text: prompt },
  ...items.map((i) => ({ value: i.code, text: i.title, selected: i.code === selected })),
];

/** Ticks the measures the committee's terms of reference propose; null when the code is not a select committee. */
async function proposalFor(
  db: AppContext['db'],
  user: CurrentUser,
  code: string,
): Promise<(Proposal & { codes: string[] }) | null> {
  const id = await selectCommitteeId(db, user.councilId, code);
  if (!id) return null;
  const proposed = await proposeCommitteeMeasures(db, user.councilId, id);
  const committee = (await committeeChoices(db, user.councilId)).find((c) => c.code === code)?.title ?? code;
  return {
    committee,
    count: proposed.length,
    codes: proposed.map((p) => p.code),
    hints: new Map(proposed.map((p) => [p.code, proposalReason(p)])),
  };
}

export function reportSetFormRoutes(app: FastifyInstance, { db }: AppContext): void {
  const manage = { config: { access: 'report.manage' as const } };

  const render = async (
    request: FormRequest,
    reply: FastifyReply,
    view: {
      set?: ReportSet;
      values: SetFormValues;
      problems?: FieldProblem[];
      conflict?: string;
      proposal?: Proposal;
      status?: number;
    },
  ) => {
    const user = signedInUser(request);
    const { set } = view;
    const locked = set?.signOff === 'proposed' || set?.signOff === 'signed_off';
    const [measures, portfolios, committees, lockedCodes] = await Promise.all([
      measureChoices(db, user.councilId, set?.measureIds ?? []),
      portfolioChoices(db, user.councilId),
      committeeChoices(db, user.councilId),
      locked && set ? codesOfMeasures(db, set.measureIds) : Promise.resolve([]),
    ]);
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    if (view.conflict) errors.unshift({ href: '#conflict', text: view.conflict });
    const hasMeasureError = Boolean(errorFor.measures);
    return reply.status(view.status ?? 200).page('reporting/report-sets/views/form.njk', {
      pageTitle: set ? `Edit report set ${set.title}` : 'Add a report set',
      set,
      isNew: !set,
      action: set ? `/report-sets/${encodeURIComponent(set.name)}/edit` : '/report-sets/new',
      back: set ? `/report-sets/${encodeURIComponent(set.name)}` : '/report-sets',
      values: view.values,
      portfolioItems: choose(portfolios, view.values.portfolio, 'Choose a portfolio'),
      committeeItems: choose(committees, view.values.committee, 'Choose a committee'),
      groups: measureGroups(measures, view.values.measures, view.proposal?.hints ?? new Map()).map((g) => ({
        ...g,
        open: g.ticked > 0 || hasMeasureError,
      })),
      locked,
      lockedMeasures: lockedCodes.map((code) => measures.find((m) => m.code === code) ?? { code, title: '' }),
      proposal: view.proposal,
      conflict: view.conflict,
      errors,
      errorFor,
    });
  };

  const submit = async (request: FormRequest, reply: FastifyReply, set?: ReportSet) => {
    const body = request.body ?? {};
    const values = readSetForm(body);
    try {
      const saved = await saveReportSet(db, signedInUser(request), {
        input: inputFromForm(values, body),
        existing: set ? { name: set.name, version: Number(values.version) || 0 } : undefined,
      });
      return reply.redirect(`/report-sets/${encodeURIComponent(saved.name)}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.statusCode !== 400 && error.statusCode !== 409)) throw error;
      // A stale set is shown as it is now, with the person's changes still in the form at the current version, so
      // saving again is a decision taken knowing what changed; a locked selection says why and what to do instead.
      const current = set ? await setOrNotFound(db, signedInUser(request).councilId, set.name) : undefined;
      const stale = error.details.some((p) => p.field === 'version');
      return render(request, reply, {
        set: current,
        values: stale && current ? { ...values, version: String(current.version) } : values,
        problems: stale ? [] : error.details,
        conflict: stale ? error.message : undefined,
        status: error.statusCode,
      });
    }
  };

  app.get('/report-sets/new', manage, async (request: FormRequest, reply) => {
    const user = signedInUser(request);
    const values = blankSetForm(new Date());
    const code = first(request.query, 'committee');
    const proposal = code ? await proposalFor(db, user, code) : null;
    if (code && !proposal) {
      const problem = {
        field: 'committee',
        message: `There is no select committee ${code}: choose one from the list`,
      };
      return render(request, reply, { values, problems: [problem], status: 400 });
    }
    if (proposal) {
      values.audience = 'committee';
      values.committee = code;
      values.grouping = 'service';
      values.name = `committee-${code.toLowerCase()}`;
      values.title = `${proposal.committee}: performance report`;
      values.measures = proposal.codes;
    }
    return render(request, reply, { values, proposal: proposal ?? undefined });
  });

  app.post('/report-sets/new', manage, async (request: FormRequest, reply) => submit(request, reply));

  app.get('/report-sets/:name/edit', manage, async (request: FormRequest, reply) => {
    const user = signedInUser(request);
    authorize(user, 'report.manage');
    const set = await setOrNotFound(db, user.councilId, request.params.name);
    const values = formValuesOfSet(set, await codesOfMeasures(db, set.measureIds));
    const proposal =
      first(request.query, 'propose') === '1' && set.committeeCode
        ? await proposalFor(db, user, set.committeeCode)
        : null;
    if (proposal) values.measures = proposal.codes;
    return render(request, reply, { set, values, proposal: proposal ?? undefined });
  });

  app.post('/report-sets/:name/edit', manage, async (request: FormRequest, reply) => {
    const user = signedInUser(request);
    return submit(request, reply, await setOrNotFound(db, user.councilId, request.params.name));
  });
}
