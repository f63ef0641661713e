// The SPC settings page (/measures/:code/spc) and API (/api/v1/measures/:code/spc-settings): a measure's
// baseline and recalculation points with their reasons, and the history of their versions.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import { ErrorResponse, errorResponses } from '../reporting/scorecard.schema.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import { errorsForForm, first, type FormBody } from './measure-form.ts';
import { MeasureCodeParams } from './measures.schema.ts';
import { SpcSettingsBody, SpcSettingsOut } from './spc-settings.schema.ts';
import { getSpcSettings, saveSpcSettings, type SpcSettingsOut as Settings } from './spc-settings.service.ts';
import { MAXIMUM_RECALCULATIONS, type SpcSettingsInput } from './spc-settings.validation.ts';
import { examplePeriodKey } from './targets.validation.ts';

type SettingsRequest = FastifyRequest<{
  Params: { code: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

/** Blank rows for new recalculation points below the ones already set. */
const SPARE_ROWS = 2;
const MAXIMUM_FORM_ROWS = MAXIMUM_RECALCULATIONS + 10;

interface FormValues {
  baselineFrom: string;
  baselineTo: string;
  baselineReason: string;
  rows: { period: string; reason: string }[];
  version: string;
}

function valuesOf(settings: Settings): FormValues {
  return {
    baselineFrom: settings.baseline?.from ?? '',
    baselineTo: settings.baseline?.to ?? '',
    baselineReason: settings.baseline?.reason ?? '',
    rows: settings.recalculations.map((r) => ({ period: r.period, reason: r.reason })),
    version: settings.version == null ? '' : String(settings.version),
  };
}

function readForm(body: FormBody): FormValues {
  const rows: FormValues['rows'] = [];
  // Read no further than a form could hold: the validator refuses more than 12 points anyway.
  for (let i = 0; i < MAXIMUM_FORM_ROWS; i++) {
    if (body[`recalcPeriod-${i}`] === undefined && body[`recalcReason-${i}`] === undefined) break;
    rows.push({ period: first(body, `recalcPeriod-${i}`), reason: first(body, `recalcReason-${i}`) });
  }
  return {
    baselineFrom: first(body, 'baselineFrom'),
    baselineTo: first(body, 'baselineTo'),
    baselineReason: first(body, 'baselineReason'),
    rows,
    version: first(body, 'version'),
  };
}

/** The settings the form asks for; blank rows are left out, and `rowOf` maps each kept point back to its row. */
function inputOf(v: FormValues): { input: SpcSettingsInput; rowOf: number[] } {
  const rowOf: number[] = [];
  const recalculations: SpcSettingsInput['recalculations'] = [];
  v.rows.forEach((r, row) => {
    if (!r.period.trim() && !r.reason.trim()) return;
    rowOf.push(row);
    recalculations.push(r);
  });
  const anyBaseline = [v.baselineFrom, v.baselineTo, v.baselineReason].some((x) => x.trim() !== '');
  return {
    input: {
      baseline: anyBaseline ? { from: v.baselineFrom, to: v.baselineTo, reason: v.baselineReason } : null,
      recalculations,
    },
    rowOf,
  };
}

/** `recalculations[2].reason` → `recalcReason-<row>`: the id of the box the person typed in. */
function formField(field: string, rowOf: number[]): string {
  const match = /^recalculations\[(\d+)\]\.(period|reason)$/.exec(field);
  if (!match) return field;
  const row = rowOf[Number(match[1])] ?? 0;
  return `${match[2] === 'period' ? 'recalcPeriod' : 'recalcReason'}-${row}`;
}

const errors = errorResponses;

export function spcSettingsRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const render = async (
    request: SettingsRequest,
    reply: FastifyReply,
    view: {
      values?: FormValues;
      problems?: FieldProblem[];
      conflict?: string;
      status?: number;
      flash?: string;
    },
  ) => {
    const user = signedInUser(request);
    const { measure, settings, versions } = await getSpcSettings(db, user, request.params.code);
    const values = view.values ?? valuesOf(settings);
    const rows = [...values.rows, ...Array.from({ length: SPARE_ROWS }, () => ({ period: '', reason: '' }))];
    const { errors: summary, errorFor } = errorsForForm(view.problems ?? []);
    if (view.conflict) summary.unshift({ href: '#baselineFrom', text: view.conflict });
    return reply.status(view.status ?? 200).page('measures/views/spc-settings.njk', {
      pageTitle: `SPC settings for ${measure.code}`,
      measure,
      settings,
      versions,
      values: { ...values, rows },
      example: examplePeriodKey(measure.frequency),
      canWrite: can(user, 'measure.write'),
      errors: summary,
      errorFor,
      flash: view.flash,
    });
  };

  fastify.get(
    '/measures/:code/spc',
    { config: { access: 'measure.read' } },
    async (request: SettingsRequest, reply) =>
      render(request, reply, {
        flash: first(request.query, 'saved') === '1' ? 'The SPC settings were saved' : undefined,
      }),
  );

  fastify.post(
    '/measures/:code/spc',
    { config: { access: 'measure.write' } },
    async (request: SettingsRequest, reply) => {
      const values = readForm(request.body ?? {});
      const { input, rowOf } = inputOf(values);
      const code = request.params.code;
      try {
        const version = values.version ? Number(values.version) : null;
        await saveSpcSettings(db, signedInUser(request), code, input, version);
        return reply.redirect(`/measures/${encodeURIComponent(code)}/spc?saved=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const problems = error.details.map((p) => ({ ...p, field: formField(p.field, rowOf) }));
          return render(request, reply, { values, problems, status: 400 });
        }
        if (error instanceof ConflictError)
          return render(request, reply, { values, conflict: error.message, status: 409 });
        throw error;
      }
    },
  );

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/measures/:code/spc-settings',
    {
      config: { access: 'measure.read' },
      schema: {
        tags: ['measures'],
        summary: "A measure's SPC baseline and recalculation points, with their reasons",
        params: MeasureCodeParams,
        response: { 200: SpcSettingsOut, ...errors },
      },
    },
    async (request) => (await getSpcSettings(db, signedInUser(request), request.params.code)).settings,
  );

  app.put(
    '/api/v1/measures/:code/spc-settings',
    {
      config: { access: 'measure.write' },
      schema: {
        tags: ['measures'],
        summary: "Set a measure's SPC baseline and recalculation points; a stale version answers 409",
        params: MeasureCodeParams,
        body: SpcSettingsBody,
        response: { 200: SpcSettingsOut, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return saveSpcSettings(db, signedInUser(request), request.params.code, input, version);
    },
  );
}
