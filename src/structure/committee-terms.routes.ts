// The terms-of-reference form of a committee (/structure/committees/:code/terms): show it, save it as a new version,
// and on a problem show it again with the person's input — beside what is saved now when someone else saved first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import {
  committeeForTerms,
  saveTermsOfReference,
  termsFormValues,
  type TermsFormValues,
} from './committee-terms.service.ts';
import { asList } from './form-reader.ts';
import { serviceChoices } from './governance.service.ts';
import type { CommitteeRow } from './structure.queries.ts';

type TermsRequest = FastifyRequest<{ Params: { code: string }; Body: Record<string, unknown> | undefined }>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

function typedValues(body: Record<string, unknown>, version: number): TermsFormValues {
  return {
    termsOfReference: text(body.termsOfReference),
    themes: text(body.themes),
    services: asList(body.services),
    note: text(body.note),
    version,
  };
}

export function committeeTermsRoutes(app: FastifyInstance, { db }: AppContext): void {
  const write = { config: { access: 'committee.write' as const } };

  const render = async (
    request: TermsRequest,
    reply: FastifyReply,
    view: {
      committee: CommitteeRow;
      values: TermsFormValues;
      problems?: FieldProblem[];
      current?: CommitteeRow;
      status?: number;
    },
  ) => {
    const user = signedInUser(request);
    const problems = view.problems ?? [];
    const serviceItems = await serviceChoices(db, user);
    const names = new Map(serviceItems.map((s) => [s.value, s.text]));
    return reply.status(view.status ?? 200).page('structure/views/committee-terms.njk', {
      pageTitle: `Terms of reference of ${view.committee.title}`,
      committee: view.committee,
      values: view.values,
      serviceItems,
      errors: problems.map((p) => ({
        href: p.field !== 'version' ? `#${p.field}` : view.current ? '#current-values' : '#termsOfReference',
        text: p.message,
      })),
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, p.message])),
      current: view.current && {
        termsOfReference: view.current.terms_of_reference,
        themes: view.current.themes,
        services: view.current.service_codes.map((c) => names.get(c) ?? c),
        version: view.current.version,
      },
    });
  };

  app.get('/structure/committees/:code/terms', write, async (request: TermsRequest, reply) => {
    const committee = await committeeForTerms(db, signedInUser(request), request.params.code);
    return render(request, reply, { committee, values: termsFormValues(committee) });
  });

  app.post('/structure/committees/:code/terms', write, async (request: TermsRequest, reply) => {
    const user = signedInUser(request);
    const body = request.body ?? {};
    const committee = await committeeForTerms(db, user, request.params.code);
    try {
      await saveTermsOfReference(db, user, committee.code, body);
      return reply.redirect(`/structure/committees/${encodeURIComponent(committee.code)}?saved=1`, 303);
    } catch (error) {
      const typed = typedValues(body, Number(text(body.version)) || committee.version);
      if (error instanceof ValidationError)
        return render(request, reply, { committee, values: typed, problems: error.details, status: 400 });
      if (error instanceof ConflictError) {
        // What is saved now, beside the person's own changes at the current version: saving again is a decision
        // taken knowing what the other person did.
        const current = await committeeForTerms(db, user, committee.code);
        return render(request, reply, {
          committee: current,
          values: { ...typed, version: current.version },
          problems: error.details,
          current,
          status: 409,
        });
      }
      throw error;
    }
  });
}
