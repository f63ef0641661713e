// Data entry pages: the list of measures a user owes figures for, and the form for one measure and period. The
// form posts to the same saveValue use case as the API; problems re-render the form with what was typed.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { providerBreakdown } from '../access/scope.ts';
import { formatValue } from '../assessment/index.ts';
import { ValidationError } from '../web/errors.ts';
import { ExplanationNeededError } from './rules/verdict.ts';
import type { AppContext } from '../web/server.ts';
import { entryPage, myMeasures, savedFlash, type EntryPage } from './entry.service.ts';
import { openFindingsFor } from './quality/findings.service.ts';
import { presentFinding } from './quality/quality.present.ts';
import type { StoredValue } from './values.queries.ts';
import { saveValue, StaleValueError } from './values.service.ts';
import type { ValueInput } from './values.validation.ts';

type Form = Record<string, string | string[] | undefined>;
type EntryParams = { code: string; period: string };
/** `provider`: a provider's own figure of the measure (its breakdown), rather than the headline. */
type EntryQuery = { provider?: string };

type FormField = 'value' | 'numerator' | 'denominator' | 'commentary' | 'version' | 'explanation';

function readForm(body: Form | undefined): Record<FormField, string> {
  const read = (name: string) => {
    const raw = body?.[name];
    return (Array.isArray(raw) ? raw[0] : raw) ?? '';
  };
  return {
    value: read('value'),
    numerator: read('numerator'),
    denominator: read('denominator'),
    commentary: read('commentary'),
    version: read('version'),
    explanation: read('explanation'),
  };
}

function valuesOf(stored: StoredValue | null): Record<string, string> {
  return {
    value: stored?.value ?? '',
    numerator: stored?.numerator ?? '',
    denominator: stored?.denominator ?? '',
    commentary: stored?.commentary ?? '',
    version: String(stored?.version ?? 0),
  };
}

export function entryRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get<{ Querystring: { saved?: string; period?: string; provider?: string } }>(
    '/my-measures',
    { config: { access: 'value.write' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const today = new Date().toISOString().slice(0, 10);
      const measures = await myMeasures(db, user, today);
      const findings = (await openFindingsFor(db, user)).map(presentFinding);
      return reply.page('collection/views/my-measures.njk', {
        pageTitle: 'Enter data',
        measures,
        findings,
        overdueCount: measures.filter((m) => m.overdue).length,
        flash: await savedFlash(db, user, request.query.saved, request.query.period, request.query.provider),
      });
    },
  );

  app.get<{ Params: EntryParams; Querystring: EntryQuery }>(
    '/my-measures/:code/:period',
    { config: { access: 'value.write' } },
    async (request, reply) => {
      const { code, period } = request.params;
      const page = await entryPage(db, signedInUser(request), code, period, request.query.provider ?? '');
      return renderForm(reply, page, valuesOf(page.existing), {});
    },
  );

  app.post<{ Params: EntryParams; Body: Form; Querystring: EntryQuery }>(
    '/my-measures/:code/:period',
    { config: { access: 'value.write' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const { code, period } = request.params;
      const provider = request.query.provider ?? '';
      const breakdown = provider === '' ? '' : providerBreakdown(provider);
      const typed = readForm(request.body);
      const input: ValueInput = { ...typed, version: typed.version === '' ? '0' : typed.version };
      try {
        const saved = await saveValue(db, { user, code, period, input, source: 'form', breakdown });
        const query = new URLSearchParams({ saved: saved.measure.code, period: saved.value.period });
        if (breakdown) query.set('provider', provider);
        return reply.redirect(`/my-measures?${query.toString()}`, 303);
      } catch (error) {
        if (!(error instanceof StaleValueError || error instanceof ValidationError)) throw error;
        // The form is read again only to show it with the problem: a save that succeeds never needs it.
        const page = await entryPage(db, user, code, period, provider);
        if (error instanceof StaleValueError) {
          // Keep what they typed, but carry the current version: sending again is now a deliberate choice.
          const values = { ...typed, version: String(error.current?.version ?? 0) };
          return renderForm(
            reply.status(409),
            { ...page, existing: error.current },
            values,
            { version: error.message },
            error.current,
          );
        }
        if (error instanceof ExplanationNeededError) {
          // The warnings are shown as warnings, not errors: the figure may well be right.
          const warnings = error.warnings.map((w) => w.message.replace(/^\w+: /, ''));
          const ask = 'explanation: Explain why this figure is right, or change it';
          return renderForm(reply.status(400), page, typed, { explanation: ask }, null, warnings);
        }
        const problems = Object.fromEntries(error.details.map((d) => [d.field, d.message]));
        return renderForm(reply.status(400), page, typed, problems);
      }
    },
  );
}

function renderForm(
  reply: FastifyReply,
  page: EntryPage,
  values: Record<string, string>,
  problems: Record<string, string>,
  theirs: StoredValue | null = null,
  warnings: string[] = [],
) {
  const order = ['numerator', 'denominator', 'value', 'explanation', 'commentary', 'version', 'period'];
  const errors = order
    .filter((f) => problems[f])
    .map((f) => ({
      href: `#${f === 'version' || f === 'period' ? (page.measure.calculation_type === 'ratio' ? 'numerator' : 'value') : f}`,
      text: problems[f],
    }));
  const { measure } = page;
  return reply.page('collection/views/entry-form.njk', {
    pageTitle: `${measure.code} ${page.periodLabel}`,
    page,
    measure,
    values,
    problems,
    errors,
    warnings,
    theirs: theirs
      ? {
          value: formatValue(
            theirs.value == null ? null : Number(theirs.value),
            measure.unit,
            measure.decimals,
          ),
          by: theirs.updated_by_name,
          version: theirs.version,
          commentary: theirs.commentary,
        }
      : null,
    isRatio: measure.calculation_type === 'ratio',
    unitSuffix:
      {
        percent: '%',
        days: 'days',
        weeks: 'weeks',
        gbp: '',
        rate_per_10000: 'per 10,000',
        rate_per_100000: 'per 100,000',
      }[measure.unit as string] ?? '',
    unitPrefix: measure.unit === 'gbp' ? '£' : '',
  });
}
