// The validation rules page (/measures/:code/rules: list, add, change, remove) and API
// (/api/v1/measures/:code/rules). Anyone who can read the measure sees its rules; performance officers change them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { RULE_KINDS, RULE_NAMES, type RuleInput } from '../../assessment/index.ts';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import { MeasureCodeParams } from '../../measures/measures.schema.ts';
import { ErrorResponse, errorResponses } from '../../reporting/scorecard.schema.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../web/errors.ts';
import type { AppContext } from '../../web/server.ts';
import { inputOf, type RuleOut } from './rules.present.ts';
import { RulesBody, RulesOut } from './rules.schema.ts';
import {
  addRule,
  changeRule,
  findRule,
  getRules,
  removeRule,
  replaceRules,
  type RuleSet,
} from './rules.service.ts';

type RulesRequest = FastifyRequest<{
  Params: { code: string; id?: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

const FIELDS = [
  'kind',
  'severity',
  'min',
  'max',
  'limit',
  'unit',
  'threshold',
  'minimumHistory',
  'expression',
  'message',
] as const;

type FormValues = Record<(typeof FIELDS)[number], string> & { version: string };

const blank = (): FormValues => ({
  ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>),
  version: '',
});

function readForm(body: FormBody): FormValues {
  const values = blank();
  for (const f of FIELDS) values[f] = first(body, f);
  values.version = first(body, 'version');
  return values;
}

/** Only the fields of the chosen kind count: a range typed and then abandoned for a change rule is ignored. */
function inputFrom(v: FormValues): RuleInput {
  const common = { kind: v.kind, severity: v.severity, message: v.message };
  switch (v.kind) {
    case 'range':
      return { ...common, min: v.min, max: v.max };
    case 'change':
      return { ...common, limit: v.limit, unit: v.unit };
    case 'outlier':
      return { ...common, threshold: v.threshold, minimumHistory: v.minimumHistory };
    case 'cross_measure':
      return { ...common, expression: v.expression };
    default:
      return common;
  }
}

const kinds = RULE_KINDS.map((k) => ({ value: k, text: RULE_NAMES[k] }));
const errors = errorResponses;
const present = (set: RuleSet) => ({ measure: set.measure.code, version: set.version, rules: set.rules });

export function rulesRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const listPage = async (
    request: RulesRequest,
    reply: FastifyReply,
    view: {
      values?: FormValues;
      problems?: FieldProblem[];
      conflict?: string;
      status?: number;
      flash?: string;
    } = {},
  ) => {
    const user = signedInUser(request);
    const set = await getRules(db, user, request.params.code);
    const { errors: summary, errorFor } = errorsForForm(view.problems ?? []);
    if (view.conflict) summary.unshift({ href: '#rules', text: view.conflict });
    return reply.status(view.status ?? 200).page('collection/rules/views/rules.njk', {
      pageTitle: `Validation rules for ${set.measure.code}`,
      measure: set.measure,
      rules: set.rules,
      values: view.values ?? { ...blank(), severity: 'soft' },
      kinds,
      canWrite: can(user, 'measure.write'),
      errors: summary,
      errorFor,
      flash: view.flash,
    });
  };

  const changePage = async (
    request: RulesRequest,
    reply: FastifyReply,
    view: {
      values?: FormValues;
      problems?: FieldProblem[];
      conflict?: string;
      status?: number;
      current?: RuleOut;
    },
  ) => {
    const user = signedInUser(request);
    const set = await getRules(db, user, request.params.code);
    const rule = view.current ?? (await findRule(db, set.measure, request.params.id ?? ''));
    const { errors: summary, errorFor } = errorsForForm(view.problems ?? []);
    if (view.conflict) summary.unshift({ href: '#kind', text: view.conflict });
    return reply.status(view.status ?? 200).page('collection/rules/views/rule-change.njk', {
      pageTitle: `Change a validation rule for ${set.measure.code}`,
      measure: set.measure,
      rule,
      values: view.values ?? { ...inputOf(rule), version: String(rule.version) },
      kinds,
      errors: summary,
      errorFor,
    });
  };

  const flash = (request: RulesRequest): string | undefined =>
    ({ added: 'The rule was added', changed: 'The rule was changed', removed: 'The rule was removed' })[
      first(request.query, 'done')
    ];
  const back = (reply: FastifyReply, code: string, done: string) =>
    reply.redirect(`/measures/${encodeURIComponent(code)}/rules?done=${done}`, 303);

  fastify.get(
    '/measures/:code/rules',
    { config: { access: 'measure.read' } },
    async (request: RulesRequest, reply) => listPage(request, reply, { flash: flash(request) }),
  );

  fastify.post(
    '/measures/:code/rules',
    { config: { access: 'measure.write' } },
    async (request: RulesRequest, reply) => {
      const values = readForm(request.body ?? {});
      try {
        await addRule(db, signedInUser(request), request.params.code, inputFrom(values));
        return back(reply, request.params.code, 'added');
      } catch (error) {
        if (error instanceof ValidationError)
          return listPage(request, reply, { values, problems: error.details, status: 400 });
        throw error;
      }
    },
  );

  fastify.get(
    '/measures/:code/rules/:id',
    { config: { access: 'measure.write' } },
    async (request: RulesRequest, reply) => changePage(request, reply, {}),
  );

  fastify.post(
    '/measures/:code/rules/:id',
    { config: { access: 'measure.write' } },
    async (request: RulesRequest, reply) => {
      const values = readForm(request.body ?? {});
      const { code, id = '' } = request.params;
      try {
        await changeRule(db, signedInUser(request), code, id, inputFrom(values), Number(values.version));
        return back(reply, code, 'changed');
      } catch (error) {
        if (error instanceof ValidationError)
          return changePage(request, reply, { values, problems: error.details, status: 400 });
        if (error instanceof NotFoundError) {
          const message = `That rule of ${code} has been removed by someone else; your change has not been saved.`;
          return listPage(request, reply, { conflict: message, status: 409 });
        }
        if (error instanceof ConflictError) {
          // Keep what they typed, but carry the current version: saving again is now a deliberate choice.
          const set = await getRules(db, signedInUser(request), code);
          const current = set.rules.find((r) => r.id === id);
          if (!current) return listPage(request, reply, { conflict: error.message, status: 409 });
          const kept = { ...values, version: String(current.version) };
          return changePage(request, reply, { values: kept, conflict: error.message, status: 409, current });
        }
        throw error;
      }
    },
  );

  fastify.post(
    '/measures/:code/rules/:id/remove',
    { config: { access: 'measure.write' } },
    async (request: RulesRequest, reply) => {
      const { code, id = '' } = request.params;
      try {
        await removeRule(db, signedInUser(request), code, id, Number(first(request.body ?? {}, 'version')));
        return back(reply, code, 'removed');
      } catch (error) {
        if (error instanceof ConflictError || error instanceof NotFoundError) {
          const message =
            error instanceof ConflictError
              ? error.message
              : `That rule of ${code} has already been removed by someone else.`;
          return listPage(request, reply, { conflict: message, status: 409 });
        }
        throw error;
      }
    },
  );

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/measures/:code/rules',
    {
      config: { access: 'measure.read' },
      schema: {
        tags: ['measures'],
        summary: "A measure's validation rules, checked whenever one of its figures is entered",
        params: MeasureCodeParams,
        response: { 200: RulesOut, ...errors },
      },
    },
    async (request) => present(await getRules(db, signedInUser(request), request.params.code)),
  );

  app.put(
    '/api/v1/measures/:code/rules',
    {
      config: { access: 'measure.write' },
      schema: {
        tags: ['measures'],
        summary: "Replace a measure's validation rules; a stale version answers 409",
        description:
          'A rule with an `id` keeps that rule (changed as given), one without is added, and a rule left out is removed. Send the set `version` you read (null for a measure that never had rules).',
        params: MeasureCodeParams,
        body: RulesBody,
        response: { 200: RulesOut, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { rules, version } = request.body;
      return present(await replaceRules(db, signedInUser(request), request.params.code, rules, version));
    },
  );
}
