// The report-set JSON API: read one set (with the version a transition must send back), and move a portfolio set
// through its sign-off. The same use case as the set page's buttons answers each refusal.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import type { AppContext } from '../../web/server.ts';
import { codesOfMeasures } from './report-set-writes.queries.ts';
import type { ReportSet } from './report-sets.queries.ts';
import { ReportSetParams, ReportSetResponse, reportSetErrors, SignOffBody } from './report-sets.schema.ts';
import { setOrNotFound, transitionReportSet } from './sign-off.service.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function presentSet(db: Db, set: ReportSet): Promise<ReportSetResponse> {
  return {
    name: set.name,
    title: set.title,
    audience: set.audience,
    portfolio:
      set.portfolioCode && set.portfolioTitle ? { code: set.portfolioCode, title: set.portfolioTitle } : null,
    committee:
      set.committeeCode && set.committeeTitle ? { code: set.committeeCode, title: set.committeeTitle } : null,
    grouping: set.grouping,
    year: set.year,
    signOff: set.signOff
      ? {
          status: set.signOff,
          proposedBy: set.proposedBy,
          proposedAt: iso(set.proposedAt),
          decidedBy: set.decidedBy,
          decidedAt: iso(set.decidedAt),
          returnComment: set.returnComment,
        }
      : null,
    measureCodes: await codesOfMeasures(db, set.measureIds),
    version: set.version,
  };
}

export function reportSetsApiRoutes(fastify: FastifyInstance, { db }: AppContext): void {
  const api = fastify.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/report-sets/:name',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'A report set: its audience, year, measures in report order, sign-off and version',
        params: ReportSetParams,
        response: { 200: ReportSetResponse, ...reportSetErrors },
      },
    },
    async (request): Promise<ReportSetResponse> => {
      const user = signedInUser(request);
      authorize(user, 'report.read');
      return presentSet(db, await setOrNotFound(db, user.councilId, request.params.name));
    },
  );

  api.post(
    '/api/v1/report-sets/:name/transitions',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary:
          'Propose a Cabinet portfolio’s report set for sign-off, sign it off, or return it with a comment',
        description:
          'draft or returned → proposed (a director whose directorate the portfolio covers) → signed_off (the portfolio’s Cabinet Member; the measures are then locked) or returned (the Cabinet Member, with a comment). Refusals: 404 no such set, 403 a role that does not take the step or a portfolio that is not yours, 400 a return without `comment`, 409 a set in another state (the message names it), not a portfolio set, or a stale `version` (the message names who changed it).',
        params: ReportSetParams,
        body: SignOffBody,
        response: { 200: ReportSetResponse, ...reportSetErrors },
      },
    },
    async (request): Promise<ReportSetResponse> => {
      const set = await transitionReportSet(
        db,
        signedInUser(request),
        request.params.name,
        request.body.action,
        request.body,
      );
      return presentSet(db, set);
    },
  );
}
