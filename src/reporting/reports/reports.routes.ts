// Reports' pages: the published reports listed per audience (and, for the performance team, the drafts and a form
// to generate one), a report as a printable web page with its progress while it is generated, and publishing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { can } from '../../access/permissions.ts';
import { errorsForForm, first, type FormBody } from '../../measures/measure-form.ts';
import type { ReportAudience } from '../../db/schema.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import type { ServerContext } from '../../web/server.ts';
import type { ReportFormat } from './render/index.ts';
import { reportDownload } from './report-download.service.ts';
import { measuresOf } from './report-model.ts';
import { reportsOf } from './report-rows.queries.ts';
import { setsToGenerate } from './reports.queries.ts';
import { publishReport, reportPath, reportToRead, requestReport } from './reports.service.ts';

type ReportRequest = FastifyRequest<{
  Params: { set: string; period: string };
  Querystring: FormBody;
  Body: FormBody | undefined;
}>;

const AUDIENCES: { audience: ReportAudience; title: string }[] = [
  { audience: 'cmt', title: 'Corporate Management Team' },
  { audience: 'portfolio', title: 'Cabinet portfolios' },
  { audience: 'committee', title: 'Select committees' },
  { audience: 'public', title: 'Residents (public)' },
];

const STATE_WORDS: Record<string, string> = {
  queued: 'Queued',
  generating: 'Generating',
  ready: 'Ready to publish',
  failed: 'Failed',
};

export const NOTICES: Record<string, string> = {
  published: 'The report is published, and its audience is being e-mailed a link.',
};

export function reportsRoutes(app: FastifyInstance, { db, jobs }: ServerContext): void {
  const renderList = async (
    request: ReportRequest,
    reply: FastifyReply,
    view: { values?: Record<string, string>; problems?: FieldProblem[]; status?: number } = {},
  ) => {
    const user = signedInUser(request);
    const reports = (await reportsOf(db, user.councilId)).map((r) => ({
      ...r,
      href: reportPath(r.set_name, r.period),
      stateWords: STATE_WORDS[r.status] ?? r.status,
    }));
    const canManage = can(user, 'report.manage');
    const sets = canManage ? await setsToGenerate(db, user.councilId) : [];
    const chosen = view.values?.set ?? '';
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    return reply.status(view.status ?? 200).page('reporting/reports/views/reports.njk', {
      pageTitle: 'Reports',
      audiences: AUDIENCES.map((a) => ({
        title: a.title,
        reports: reports.filter((r) => r.audience === a.audience && r.status === 'published'),
      })),
      drafts: reports.filter((r) => r.status !== 'published'),
      canManage,
      setItems: sets.map((s) => ({
        value: s.name,
        text: `${s.title} (${s.name})`,
        selected: s.name === chosen,
      })),
      values: view.values ?? { set: '', period: '' },
      errors,
      errorFor,
    });
  };

  app.get('/reports', { config: { access: 'report.read' } }, async (request: ReportRequest, reply) =>
    renderList(request, reply),
  );

  app.post('/reports', { config: { access: 'report.manage' } }, async (request: ReportRequest, reply) => {
    const body = request.body ?? {};
    const values = { set: first(body, 'set'), period: first(body, 'period') };
    try {
      const report = await requestReport(db, jobs, signedInUser(request), values);
      return reply.redirect(reportPath(report.set_name, report.period), 303);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError)
        return renderList(request, reply, {
          values,
          problems: error.details.length ? error.details : [{ field: 'set', message: error.message }],
          status: error.statusCode,
        });
      throw error;
    }
  });

  app.get(
    '/reports/:set/:period',
    { config: { access: 'report.read' } },
    async (request: ReportRequest, reply) => {
      const user = signedInUser(request);
      const { set, period } = request.params;
      const { row, model, revised } = await reportToRead(db, user, set, period);
      const href = reportPath(row.set_name, row.period);
      return reply.page('reporting/reports/views/report.njk', {
        pageTitle: `${row.set_title}: ${row.period}`,
        row,
        model,
        href,
        audienceTitle: AUDIENCES.find((a) => a.audience === row.audience)?.title ?? '',
        working: row.status === 'queued' || row.status === 'generating',
        canManage: can(user, 'report.manage'),
        revised: Object.fromEntries(revised),
        revisedCount: revised.size,
        allMeasures: model ? measuresOf(model) : [],
        downloads: model ? downloadsOf(href) : [],
        notice: NOTICES[request.query.done ? first(request.query, 'done') : ''] ?? '',
      });
    },
  );

  app.get(
    '/reports/:set/:period/download/:format',
    { config: { access: 'report.read' } },
    async (request: FastifyRequest<{ Params: { set: string; period: string; format: string } }>, reply) => {
      const { set, period, format } = request.params;
      const chosen = DOWNLOADS.find((d) => d.format === format);
      if (!chosen)
        throw ValidationError.field('format', `Format: one of ${DOWNLOADS.map((d) => d.format).join(', ')}`);
      const { row, file } = await reportDownload(db, signedInUser(request), {
        setName: set,
        period,
        format: chosen.format,
      });
      reply.header(
        'content-disposition',
        `attachment; filename="${row.set_name}-${row.period}.${file.extension}"`,
      );
      return reply.type(file.contentType).send(file.body);
    },
  );

  app.post(
    '/reports/:set/:period/publish',
    { config: { access: 'report.manage' } },
    async (request: ReportRequest, reply) => {
      const { set, period } = request.params;
      const version = Number(first(request.body ?? {}, 'version'));
      const report = await publishReport(db, jobs, signedInUser(request), {
        set,
        period,
        version: Number.isInteger(version) ? version : -1,
      });
      return reply.redirect(`${reportPath(report.set_name, report.period)}?done=published`, 303);
    },
  );
}

const DOWNLOADS: { format: ReportFormat; text: string }[] = [
  { format: 'docx', text: 'Word (.docx)' },
  { format: 'pdf', text: 'PDF' },
  { format: 'xlsx', text: 'Excel (.xlsx)' },
  { format: 'csv', text: 'CSV' },
];

/** The files a report downloads as, each drawn from the same model (a published report's snapshot). */
export function downloadsOf(href: string): { href: string; text: string }[] {
  return DOWNLOADS.map((d) => ({ href: `${href}/download/${d.format}`, text: d.text }));
}
