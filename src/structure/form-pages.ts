// The add and edit pages every structure record shares: show the form, save it, and on a problem re-render it
// with the GOV.UK error summary and the person's own input — or, on a stale version, beside what is saved now.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../access/current-user.ts';
import { signedInUser } from '../access/guard.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../web/errors.ts';
import { type Snapshot, staleMessage } from './editing.service.ts';
import { asList } from './form-reader.ts';

type Values = Record<string, unknown>;

export interface FormPage {
  /** e.g. '/structure/directorates': serves /new and /:code/edit beneath it. */
  path: string;
  /** 'directorate': used in headings such as "Add a directorate". */
  noun: string;
  template: string;
  /** Field → label, in the order the "what is saved now" summary lists them. */
  labels: Record<string, string>;
  /** Words for stored values in that summary, e.g. kind 'cmt' → 'Corporate Management Team'. */
  valueLabels?: Record<string, Record<string, string>>;
  /** Checkbox fields, which come back as lists. */
  listFields?: string[];
  /** Starting values of an empty form; the query string may preset some (?priority=PR1). */
  blank(db: Db, user: CurrentUser, query: Record<string, string | undefined>): Promise<Values>;
  load(db: Db, user: CurrentUser, code: string): Promise<Snapshot>;
  /** How saved values fill the form when that differs from the snapshot (themes as lines of text). */
  toForm?(saved: Snapshot): Values;
  /** The choices the form offers (directorates, services…), passed to the template as they are. */
  options(db: Db, user: CurrentUser): Promise<Values>;
  save(db: Db, user: CurrentUser, body: Values, code?: string): Promise<string>;
  /** Where to go after saving, and where Back and Cancel lead. */
  pageOf(code: string): string;
  /** The id on that page where the record is shown, when the page lists several. */
  anchorOf?(code: string): string;
  backFromNew: string;
}

/** A confirmation after a redirect: the record page is opened with ?saved=1. */
export function savedFlash(query: unknown): string | undefined {
  const saved = typeof query === 'object' && query !== null && 'saved' in query ? query.saved : undefined;
  return saved === '1' ? 'Your changes were saved' : undefined;
}

type CodeRequest = FastifyRequest<{ Params: { code: string }; Body: Values | undefined }>;
type NewRequest = FastifyRequest<{
  Querystring: Record<string, string | undefined>;
  Body: Values | undefined;
}>;

export function registerFormPage(app: FastifyInstance, db: Db, page: FormPage): void {
  const write = { config: { access: 'structure.write' as const } };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { code?: string; values: Values; problems?: FieldProblem[]; current?: Snapshot; status?: number },
  ) => {
    const user = signedInUser(request);
    const isNew = view.code === undefined;
    const problems = view.problems ?? [];
    const errors = problems.map((p) => ({ href: `#${p.field}`, text: p.message }));
    if (view.current)
      errors.unshift({ href: '#current-values', text: `${staleMessage}. What is saved now is shown below.` });
    return reply.status(view.status ?? 200).page(page.template, {
      ...(await page.options(db, user)),
      pageTitle: isNew ? `Add a ${page.noun}` : `Edit ${page.noun} ${view.code}`,
      isNew,
      action: isNew ? `${page.path}/new` : `${page.path}/${encodeURIComponent(view.code ?? '')}/edit`,
      backHref: isNew ? page.backFromNew : page.pageOf(view.code ?? ''),
      values: view.values,
      errors,
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, p.message])),
      current: view.current ? summaryRows(view.current, page.labels, page.valueLabels ?? {}) : undefined,
    });
  };

  const typed = (body: Values | undefined): Values => {
    const values: Values = { ...body };
    delete values._csrf;
    for (const field of page.listFields ?? []) values[field] = asList(values[field]);
    return values;
  };

  const formOf = (saved: Snapshot): Values => (page.toForm ? page.toForm(saved) : saved);

  const attempt = async (
    request: NewRequest | CodeRequest,
    reply: FastifyReply,
    code: string | undefined,
  ) => {
    const body = request.body ?? {};
    try {
      const saved = await page.save(db, signedInUser(request), body, code);
      const anchor = page.anchorOf ? `#${page.anchorOf(saved)}` : '';
      return reply.redirect(`${page.pageOf(saved)}?saved=1${anchor}`);
    } catch (error) {
      if (error instanceof ValidationError) {
        return render(request, reply, { code, values: typed(body), problems: error.details, status: 400 });
      }
      if (error instanceof ConflictError && code !== undefined) {
        // Show what is saved now beside the person's changes, at the current version, so saving again is a
        // decision they take knowing what the other person did.
        const current = await page.load(db, signedInUser(request), code);
        const values = { ...typed(body), version: current.version };
        return render(request, reply, { code, values, current, status: 409 });
      }
      throw error;
    }
  };

  app.get(`${page.path}/new`, write, async (request: NewRequest, reply) =>
    render(request, reply, { values: await page.blank(db, signedInUser(request), request.query) }),
  );
  app.post(`${page.path}/new`, write, async (request: NewRequest, reply) =>
    attempt(request, reply, undefined),
  );
  app.get(`${page.path}/:code/edit`, write, async (request: CodeRequest, reply) =>
    render(request, reply, {
      code: request.params.code,
      values: formOf(await page.load(db, signedInUser(request), request.params.code)),
    }),
  );
  app.post(`${page.path}/:code/edit`, write, async (request: CodeRequest, reply) =>
    attempt(request, reply, request.params.code),
  );
}

function summaryRows(
  current: Snapshot,
  labels: Record<string, string>,
  valueLabels: Record<string, Record<string, string>>,
) {
  return Object.entries(labels).map(([field, label]) => {
    const value = current[field];
    const words = valueLabels[field]?.[String(value)];
    const text = Array.isArray(value)
      ? value.join(', ') || 'None'
      : (words ?? String(value ?? '')) || 'Not set';
    return { key: { text: label }, value: { text } };
  });
}
