// The targets page: targets by period, a form to set one period's target and a form to profile an annual target
// across the year. Both forms post here; a problem re-renders the page with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import { errorsForForm, first, type FormBody } from './measure-form.ts';
import { labels } from './measures.labels.ts';
import { describeProfile, setProfile } from './target-profiles.service.ts';
import { targetsPage } from './targets-page.service.ts';
import { labelOf, setTarget } from './targets.service.ts';
import { examplePeriodKey, type TargetInput } from './targets.validation.ts';

type TargetsRequest = FastifyRequest<{
  Params: { code: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;
type Values = Record<string, string>;

/** '' is no figure; anything else is a number or NaN, which the validator names. Commas are thousands. */
function numberField(text: string): number | null {
  const t = text.trim().replaceAll(',', '');
  return t === '' ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

function targetInput(v: Values): TargetInput {
  const kind = v.toleranceKind ?? '';
  return {
    value: numberField(v.value ?? ''),
    low: numberField(v.low ?? ''),
    high: numberField(v.high ?? ''),
    toleranceKind: kind === '' ? null : (kind as TargetInput['toleranceKind']),
    tolerance: numberField(v.tolerance ?? ''),
  };
}

const figureFields = [
  'period',
  'value',
  'low',
  'high',
  'toleranceKind',
  'tolerance',
  'version',
  'year',
  'profile',
];

function readValues(body: FormBody): Values {
  const values: Values = Object.fromEntries(figureFields.map((f) => [f, first(body, f)]));
  for (const key of Object.keys(body)) if (/^(share|version)-/.test(key)) values[key] = first(body, key);
  return values;
}

function figuresOf(
  t: {
    value: number | null;
    low: number | null;
    high: number | null;
    tolerance: { kind: string; amount: number } | null;
    version: number;
  } | null,
): Values {
  if (!t) return { value: '', low: '', high: '', toleranceKind: '', tolerance: '', version: '' };
  const text = (n: number | null) => (n == null ? '' : String(n));
  return {
    value: text(t.value),
    low: text(t.low),
    high: text(t.high),
    toleranceKind: t.tolerance?.kind ?? '',
    tolerance: t.tolerance ? String(t.tolerance.amount) : '',
    version: String(t.version),
  };
}

interface View {
  periodValues?: Values;
  profileValues?: Values;
  problems?: FieldProblem[];
  which?: 'period' | 'profile';
  conflict?: string;
  status?: number;
  flash?: string;
}

export function targetsRoutes(app: FastifyInstance, { db }: AppContext): void {
  const render = async (
    request: TargetsRequest,
    reply: FastifyReply,
    year: string | undefined,
    view: View,
  ) => {
    const user = signedInUser(request);
    const page = await targetsPage(db, user, request.params.code, year);
    const chosen = view.periodValues?.period ?? first(request.query, 'period');
    const slot = page.slots.find((s) => s.period === chosen);
    const periodValues = view.periodValues ?? { period: chosen, ...figuresOf(slot?.target ?? null) };
    const profile = page.profile;
    const firstProfiled = profile?.slots.find((s) => s.target)?.target ?? null;
    const profileValues: Values = view.profileValues ?? {
      ...figuresOf(firstProfiled),
      value: profile?.annual == null ? '' : String(profile.annual),
      year: profile?.year ?? '',
      profile: profile?.kinds[0] ?? '',
      ...Object.fromEntries((profile?.defaultShares ?? []).map((s, i) => [`share-${i + 1}`, String(s)])),
    };
    for (const s of profile?.slots ?? [])
      profileValues[`version-${s.period}`] ??= s.target ? String(s.target.version) : '';
    const prefix = view.which === 'profile' ? 'annual-' : '';
    const { errors, errorFor } = errorsForForm(
      (view.problems ?? []).map((p) => ({ ...p, field: prefix + p.field })),
    );
    if (view.conflict)
      errors.unshift({
        href: view.which === 'profile' ? '#annual-target' : '#set-target',
        text: view.conflict,
      });
    return reply.status(view.status ?? 200).page('measures/views/targets.njk', {
      pageTitle: `Targets for ${page.measure.code}`,
      ...page,
      labels,
      yearItems: (profile?.years ?? []).map((y) => ({
        value: y.key,
        text: y.label,
        selected: y.key === profile?.year,
      })),
      profileKindItems: (profile?.kinds ?? []).map((k) => ({
        value: k,
        text: describeProfile(k, page.measure.accumulation),
        checked: k === profileValues.profile,
      })),
      canWrite: can(user, 'target.write'),
      periodExample: {
        key: examplePeriodKey(page.measure.frequency),
        label: labelOf(examplePeriodKey(page.measure.frequency)),
      },
      periodValues,
      profileValues,
      conflict: view.conflict,
      which: view.which,
      errors,
      errorFor,
      flash: view.flash,
    });
  };

  app.get(
    '/measures/:code/targets',
    { config: { access: 'measure.read' } },
    async (request: TargetsRequest, reply) =>
      render(request, reply, first(request.query, 'year') || undefined, {
        flash: first(request.query, 'saved') === '1' ? 'The targets were saved' : undefined,
      }),
  );

  app.post(
    '/measures/:code/targets',
    { config: { access: 'target.write' } },
    async (request: TargetsRequest, reply) => {
      const user = signedInUser(request);
      const body = request.body ?? {};
      const which = first(body, 'form') === 'profile' ? 'profile' : 'period';
      const values = readValues(body);
      const code = request.params.code;
      try {
        if (which === 'period') {
          const version = values.version ? Number(values.version) : null;
          await setTarget(db, user, code, values.period ?? '', targetInput(values), version);
        } else {
          const shares = Object.keys(values)
            .filter((k) => /^share-\d+$/.test(k))
            .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
            .map((k) => numberField(values[k] ?? '') ?? Number.NaN);
          const versions = Object.fromEntries(
            Object.entries(values)
              .filter(([k]) => k.startsWith('version-'))
              .map(([k, v]) => [k.slice(8), v ? Number(v) : null]),
          );
          await setProfile(db, user, code, {
            year: values.year ?? '',
            kind: values.profile ?? '',
            shares,
            target: targetInput(values),
            versions,
          });
        }
        const year = which === 'profile' ? `&year=${encodeURIComponent(values.year ?? '')}` : '';
        return reply.redirect(`/measures/${encodeURIComponent(code)}/targets?saved=1${year}`, 303);
      } catch (error) {
        const kept = which === 'period' ? { periodValues: values } : { profileValues: values };
        const year = which === 'profile' ? values.year : undefined;
        if (error instanceof ValidationError)
          return render(request, reply, year, { ...kept, which, problems: error.details, status: 400 });
        if (error instanceof ConflictError)
          return render(request, reply, year, { ...kept, which, conflict: error.message, status: 409 });
        throw error;
      }
    },
  );
}
