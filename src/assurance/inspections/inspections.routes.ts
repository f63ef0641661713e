// Inspection register pages: the list (/inspections), one inspection, and the forms that record and edit one —
// first the framework, then the inspection with that framework's own scales.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import { dateParts, fieldOf, formErrors, sentValues } from '../assurance-form.ts';
import { servicesOfCouncil } from '../assurance.queries.ts';
import { recordId } from '../reach.ts';
import { type Framework, loadFrameworks } from './frameworks.ts';
import { inspectionList } from './inspections.list.ts';
import { presentInspectionPage, presentRow } from './inspections.present.ts';
import {
  createInspection,
  editInspection,
  frameworkByCode,
  inspectionDetail,
} from './inspections.service.ts';

type Req = FastifyRequest<{
  Params: { id: string };
  Querystring: Record<string, unknown>;
  Body: Record<string, unknown> | undefined;
}>;

const DATE_FIELDS = ['startedOn', 'endedOn', 'publishedOn', 'nextExpectedOn'];

/** What the form shows: the saved inspection's fields, or what the person sent. */
type FormValues = Record<string, string>;

async function valuesFromSaved(context: ServerContext, user: ReturnType<typeof signedInUser>, id: string) {
  const detail = await inspectionDetail(context.db, user, id);
  const i = detail.inspection;
  const values: FormValues = {
    service: i.service_code,
    title: i.title,
    overall: i.overall_judgement ?? '',
    reportUrl: i.report_url,
    summary: i.summary,
    recommendations: detail.recommendations.map((r) => r.text).join('\n'),
    nextExpectedNote: i.next_expected_note,
    version: String(i.version),
  };
  const dates: Record<string, string | null> = {
    startedOn: i.started_on,
    endedOn: i.ended_on,
    publishedOn: i.published_on,
    nextExpectedOn: i.next_expected_on,
  };
  for (const [name, iso] of Object.entries(dates))
    for (const [part, v] of Object.entries(dateParts(iso))) values[`${name}-${part}`] = v;
  for (const j of detail.judgements) {
    const area = detail.framework.areas.find((a) => a.area === j.area);
    if (area) values[`area-${area.position}`] = j.judgement;
  }
  return { detail, values };
}

export function inspectionsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const read = { config: { access: 'assurance.read' as const } };
  const write = { config: { access: 'inspection.write' as const } };

  app.get('/inspections', read, async (request: Req, reply) => {
    const user = signedInUser(request);
    const query = {
      service: fieldOf(request.query, 'service'),
      inspectorate: fieldOf(request.query, 'inspectorate'),
    };
    try {
      const list = await inspectionList(db, user, query);
      return reply.page('assurance/inspections/views/list.njk', {
        pageTitle: list.service ? `Inspections of ${list.service.name}` : 'Inspections',
        query,
        ...list,
        rows: list.rows.map(presentRow),
        timeline: list.timeline.map((t) => ({ ...t, row: presentRow(t.row) })),
        canWrite: can(user, 'inspection.write'),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.status(400).page('assurance/inspections/views/list.njk', {
        pageTitle: 'Inspections',
        query,
        rows: [],
        services: [],
        inspectorates: [],
        timeline: [],
        ...formErrors(error.details),
      });
    }
  });

  const renderForm = async (
    request: Req,
    reply: FastifyReply,
    view: {
      framework: Framework;
      values: FormValues;
      id?: string;
      problems?: FieldProblem[];
      status?: number;
      current?: unknown;
    },
  ) => {
    const user = signedInUser(request);
    const services = await servicesOfCouncil(db, user.councilId);
    const v = view.values;
    const choices = (points: string[], chosen: string | undefined, blank: string) => [
      { value: '', text: blank },
      ...points.map((p) => ({ value: p, text: p, selected: p === chosen })),
    ];
    const f = view.framework;
    return reply.status(view.status ?? 200).page('assurance/inspections/views/form.njk', {
      pageTitle: view.id ? 'Edit the inspection' : `Record an inspection: ${view.framework.name}`,
      framework: {
        ...f,
        areas: f.areas.map((a) => ({
          ...a,
          items: choices(f.scales.get(a.scale) ?? [], v[`area-${a.position}`], 'Not judged'),
        })),
      },
      overallItems: choices(
        f.overallScale ? (f.scales.get(f.overallScale) ?? []) : [],
        v.overall,
        'Not yet known',
      ),
      serviceItems: [
        { value: '', text: 'Choose a service' },
        ...services.map((s) => ({ value: s.code, text: s.name, selected: s.code === v.service })),
      ],
      values: view.values,
      id: view.id,
      action: view.id
        ? `/inspections/${view.id}/edit`
        : `/inspections/new?framework=${encodeURIComponent(view.framework.code)}`,
      current: view.current,
      ...formErrors(view.problems ?? [], DATE_FIELDS),
    });
  };

  app.get('/inspections/new', write, async (request: Req, reply) => {
    const code = fieldOf(request.query, 'framework');
    const frameworks = await loadFrameworks(db);
    const framework = frameworks.find((f) => f.code === code);
    if (!framework)
      return reply.status(code ? 400 : 200).page('assurance/inspections/views/choose.njk', {
        pageTitle: 'Record an inspection',
        frameworks: frameworks.map((f) => ({
          value: f.code,
          text: `${f.inspectorate}: ${f.name}`,
          hint: { text: f.comparability },
        })),
        ...formErrors(
          code
            ? [{ field: 'framework', message: 'Choose the inspectorate and framework from the list' }]
            : [],
        ),
      });
    return renderForm(request, reply, { framework, values: { service: fieldOf(request.query, 'service') } });
  });

  app.post('/inspections/new', write, async (request: Req, reply) => {
    const user = signedInUser(request);
    const body = request.body ?? {};
    const framework = await frameworkByCode(db, fieldOf(request.query, 'framework'));
    try {
      const id = await createInspection(db, user, framework.code, body);
      return reply.redirect(`/inspections/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(request, reply, {
        framework,
        values: sentValues(body),
        problems: error.details,
        status: 400,
      });
    }
  });

  app.get('/inspections/:id', read, async (request: Req, reply) => {
    const user = signedInUser(request);
    const detail = await inspectionDetail(db, user, request.params.id);
    return reply.page('assurance/inspections/views/inspection.njk', {
      ...(await presentInspectionPage(db, user, detail)),
      flash: fieldOf(request.query, 'saved') ? 'The inspection was saved' : undefined,
      canWrite: can(user, 'inspection.write'),
      canRaise: can(user, 'action.write'),
    });
  });

  app.get('/inspections/:id/edit', write, async (request: Req, reply) => {
    const user = signedInUser(request);
    const id = recordId(request.params.id, 'inspection');
    const { detail, values } = await valuesFromSaved(context, user, id);
    return renderForm(request, reply, { framework: detail.framework, values, id });
  });

  app.post('/inspections/:id/edit', write, async (request: Req, reply) => {
    const user = signedInUser(request);
    const id = recordId(request.params.id, 'inspection');
    const body = request.body ?? {};
    try {
      await editInspection(db, user, id, body);
      return reply.redirect(`/inspections/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      const saved = await valuesFromSaved(context, user, id);
      const values = {
        ...sentValues(body),
        ...(error instanceof ConflictError ? { version: saved.values.version ?? '' } : {}),
      };
      return renderForm(request, reply, {
        framework: saved.detail.framework,
        values,
        id,
        problems: error.details,
        status: error instanceof ConflictError ? 409 : 400,
        current: error instanceof ConflictError ? presentRow(saved.detail.inspection) : undefined,
      });
    }
  });
}
