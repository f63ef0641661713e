// The measure library's pages: browse and search, one measure, add and edit (re-rendered with the person's
// input on a problem), and the version history. Thin: read the form, call one use case, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../access/guard.ts';
import { can } from '../access/permissions.ts';
import { ragSymbol, type Rag } from '../assessment/index.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../web/errors.ts';
import type { AppContext } from '../web/server.ts';
import { measurePage } from './measure-page.service.ts';
import {
  blankMeasureForm,
  errorsForForm,
  first,
  type FormBody,
  formValuesFromMeasure,
  measureInputFromForm,
  type MeasureFormValues,
  readMeasureForm,
} from './measure-form.ts';
import { type LibraryQuery, libraryFilterItems, measureFormItems } from './measure-form.view.ts';
import { labels, statuses, tags } from './measures.labels.ts';
import { filterChoices, formChoices } from './measures.queries.ts';
import { listMeasures, rags } from './library.service.ts';
import { getMeasure, measureHistory, saveMeasure } from './measures.service.ts';
import { measuresApiRoutes } from './measures.api.routes.ts';
import { spcSettingsRoutes } from './spc-settings.routes.ts';
import { targetsRoutes } from './targets.routes.ts';

type CodeRequest = FastifyRequest<{
  Params: { code: string };
  Body: FormBody | undefined;
  Querystring: FormBody;
}>;

const filterKeys = ['q', 'directorate', 'portfolio', 'committee', 'outcome', 'tag', 'status', 'rag'] as const;
const ragSymbols = Object.fromEntries(rags.map((r) => [r, ragSymbol(r)]));

/** Filters from the query string, with a problem for any choice that is not one of the offered ones. */
function readLibraryQuery(query: FormBody): { filter: LibraryQuery; problems: FieldProblem[] } {
  const read = (key: (typeof filterKeys)[number]) => first(query, key).trim();
  const filter: LibraryQuery = {
    q: read('q'),
    directorate: read('directorate'),
    portfolio: read('portfolio'),
    committee: read('committee'),
    outcome: read('outcome'),
    tag: read('tag'),
    status: read('status'),
    rag: read('rag'),
  };
  const problems: FieldProblem[] = [];
  const check = (field: 'tag' | 'status' | 'rag', allowed: readonly string[], what: string) => {
    if (filter[field] && !allowed.includes(filter[field])) {
      problems.push({ field, message: `${what}: '${filter[field]}' is not one of the choices` });
      filter[field] = '';
    }
  };
  check('tag', tags, 'Tag');
  check('status', statuses, 'Status');
  check('rag', rags, 'RAG rating');
  if (filter.q.length > 200) problems.push({ field: 'q', message: 'Search must be 200 characters or fewer' });
  return { filter, problems };
}

/** Every measures route: the library pages, the targets and SPC settings pages and the JSON API. */
export async function measuresRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  measureLibraryRoutes(app, context);
  targetsRoutes(app, context);
  spcSettingsRoutes(app, context);
  measuresApiRoutes(app, context);
}

function measureLibraryRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get<{ Querystring: FormBody }>(
    '/measures',
    { config: { access: 'measure.read' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const { filter, problems } = readLibraryQuery(request.query);
      const search = problems.some((p) => p.field === 'q') ? '' : filter.q;
      const [entries, options] = await Promise.all([
        listMeasures(db, user, {
          q: search || undefined,
          directorate: filter.directorate || undefined,
          portfolio: filter.portfolio || undefined,
          committee: filter.committee || undefined,
          outcome: filter.outcome || undefined,
          tag: filter.tag || undefined,
          status: filter.status || undefined,
          rag: (filter.rag || undefined) as Rag | undefined,
        }),
        filterChoices(db, user.councilId),
      ]);
      return reply.status(problems.length ? 400 : 200).page('measures/views/list.njk', {
        pageTitle: 'Measure library',
        entries,
        filter,
        items: libraryFilterItems(filter, options),
        filtered: filterKeys.some((k) => filter[k] !== ''),
        labels,
        ragSymbols,
        canCreate: can(user, 'measure.write'),
        ...errorsForForm(problems),
      });
    },
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      code?: string;
      values: MeasureFormValues;
      problems?: FieldProblem[];
      conflict?: string;
      status?: number;
    },
  ) => {
    const user = signedInUser(request);
    const isNew = view.code === undefined;
    const { errors, errorFor } = errorsForForm(view.problems ?? []);
    if (view.conflict) errors.unshift({ href: '#current-version', text: view.conflict });
    return reply.status(view.status ?? 200).page('measures/views/form.njk', {
      pageTitle: isNew ? 'Add a measure' : `Edit measure ${view.code}`,
      isNew,
      code: view.code,
      action: isNew ? '/measures/new' : `/measures/${encodeURIComponent(view.code ?? '')}/edit`,
      values: view.values,
      items: measureFormItems(view.values, await formChoices(db, user.councilId)),
      conflict: view.conflict,
      errors,
      errorFor,
    });
  };

  /** Saves the form, or shows it again with what was typed and what was wrong. */
  const submit = async (request: CodeRequest, reply: FastifyReply, code?: string) => {
    const values = readMeasureForm(request.body ?? {});
    const version = values.version ? Number(values.version) : undefined;
    try {
      const saved = await saveMeasure(db, signedInUser(request), {
        code,
        input: measureInputFromForm(values),
        version,
        note: values.note,
      });
      return reply.redirect(`/measures/${encodeURIComponent(saved.code)}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(request, reply, { code, values, problems: error.details, status: 400 });
      if (error instanceof ConflictError)
        return renderForm(request, reply, { code, values, conflict: error.message, status: 409 });
      throw error;
    }
  };

  const write = { config: { access: 'measure.write' as const } };
  app.get('/measures/new', write, async (request, reply) =>
    renderForm(request, reply, { values: blankMeasureForm }),
  );
  app.post('/measures/new', write, async (request: CodeRequest, reply) => submit(request, reply));

  app.get('/measures/:code/edit', write, async (request: CodeRequest, reply) => {
    const measure = await getMeasure(db, signedInUser(request), request.params.code, 'measure.write');
    return renderForm(request, reply, { code: measure.code, values: formValuesFromMeasure(measure) });
  });
  app.post('/measures/:code/edit', write, async (request: CodeRequest, reply) =>
    submit(request, reply, request.params.code),
  );

  const read = { config: { access: 'measure.read' as const } };
  app.get('/measures/:code', read, async (request: CodeRequest, reply) => {
    const page = await measurePage(db, signedInUser(request), request.params.code);
    return reply.page('measures/views/measure.njk', {
      pageTitle: `${page.measure.code} ${page.measure.title}`,
      ...page,
      labels,
      flash: first(request.query, 'saved') === '1' ? 'The measure was saved' : undefined,
    });
  });

  app.get('/measures/:code/versions', read, async (request: CodeRequest, reply) => {
    const { measure, versions } = await measureHistory(db, signedInUser(request), request.params.code);
    return reply.page('measures/views/versions.njk', {
      pageTitle: `Version history of ${measure.code}`,
      measure,
      versions,
    });
  });
}
