// The residents' site's public record: published reports of the public report sets (frozen as published, shown in
// the public frame with the staff report's own body) and inspection outcomes whose report the inspectorate published.
import { Type, type Static } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { presentRow } from '../assurance/inspections/inspections.present.ts';
import { measuresOf, type ReportModel } from '../reporting/reports/report-model.ts';
import { todayIso } from '../measures/targets.validation.ts';
import type { ServerContext } from '../web/server.ts';
import type { PublicPages } from './public-pages.ts';
import { judgementsOfMany, publicInspections, publicReport, publicReports } from './public-site.queries.ts';

const open = { config: { access: 'public' as const } };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 20 }) });
type IdRequest = FastifyRequest<{ Params: Static<typeof IdParams> }>;

export const publicReportPath = (id: string) => `/public/reports/${encodeURIComponent(id)}`;

export function publicRecordsRoutes(app: FastifyInstance, { db }: ServerContext, pages: PublicPages): void {
  app.get('/public/reports', open, (request, reply) =>
    pages.serve(request, reply, '/public/reports', async (snapshot) => ({
      template: 'public/views/reports.njk',
      data: {
        pageTitle: 'Published reports',
        section: 'reports',
        reports: (await publicReports(db, snapshot.council.id)).map((r) => ({
          ...r,
          href: publicReportPath(r.id),
        })),
      },
    })),
  );

  app.get('/public/reports/:id', { ...open, schema: { params: IdParams } }, (request: IdRequest, reply) =>
    pages.serve(request, reply, publicReportPath(request.params.id), async (snapshot) => {
      const row = await publicReport(db, snapshot.council.id, request.params.id);
      const model = (row?.content as ReportModel | null | undefined) ?? null;
      if (!row || !model) return null;
      return {
        template: 'public/views/report.njk',
        data: {
          pageTitle: `${row.set_title}: ${model.period.label}`,
          section: 'reports',
          row,
          model,
          revised: {},
          allMeasures: measuresOf(model),
        },
      };
    }),
  );

  app.get('/public/inspections', open, (request, reply) => {
    // Kept per day as well: an inspection becomes public record on the day its report is published.
    const today = todayIso();
    return pages.serve(request, reply, `/public/inspections@${today}`, async (snapshot) => {
      const rows = (await publicInspections(db, snapshot.council.id, today)).map(presentRow);
      const judgements = await judgementsOfMany(
        db,
        rows.map((r) => r.id),
      );
      const services = new Map<string, { name: string; inspections: unknown[] }>();
      for (const r of rows) {
        const service = services.get(r.service_code) ?? { name: r.service_name, inspections: [] };
        service.inspections.push({ ...r, judgements: judgements.get(r.id) ?? [] });
        services.set(r.service_code, service);
      }
      return {
        template: 'public/views/inspections.njk',
        data: {
          pageTitle: 'Inspection outcomes',
          section: 'inspections',
          services: [...services.entries()]
            .map(([code, s]) => ({ code, ...s }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        },
      };
    });
  });
}
