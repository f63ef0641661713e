// The "my returns" pages: /my-returns goes to the latest round, and a round's return is one form of every figure the
// user owes, saved as a draft or submitted. Problems re-render the form with what was typed and each row's message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../access/guard.ts';
import type { CurrentUser } from '../../access/current-user.ts';
import type { ServerContext } from '../../web/server.ts';
import { roundsOf } from '../rounds/rounds.queries.ts';
import {
  myReturn,
  ReturnProblemsError,
  saveReturn,
  type ReturnAction,
  type ReturnItem,
  type ReturnRowInput,
  type RowProblem,
  keyOf,
} from './my-returns.service.ts';

type Form = Record<string, string | string[] | undefined>;
type ReturnRequest = FastifyRequest<{ Params: { id: string }; Querystring: Form; Body: Form | undefined }>;

const ROW_FIELDS = [
  'code',
  'period',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'commentary',
  'explanation',
  'version',
] as const;

/** Rows are numbered fields (value_0, code_0, …) so one form carries the whole return. */
function rowsOf(body: Form | undefined): ReturnRowInput[] {
  const read = (name: string) => {
    const raw = body?.[name];
    return (Array.isArray(raw) ? raw[0] : raw) ?? '';
  };
  const rows: ReturnRowInput[] = [];
  for (let i = 0; read(`code_${i}`) !== ''; i += 1) {
    const row = Object.fromEntries(ROW_FIELDS.map((f) => [f, read(`${f}_${i}`)]));
    rows.push(row as unknown as ReturnRowInput);
  }
  return rows;
}

function typedOf(item: ReturnItem): Record<string, string> {
  return {
    value: item.value ?? '',
    numerator: item.numerator ?? '',
    denominator: item.denominator ?? '',
    commentary: item.commentary ?? '',
    explanation: '',
    version: String(item.version ?? 0),
  };
}

export function myReturnsRoutes(app: FastifyInstance, { db }: ServerContext): void {
  const render = async (
    reply: FastifyReply,
    user: CurrentUser,
    roundId: string,
    view: { typed?: ReturnRowInput[]; problems?: RowProblem[]; flash?: string; status?: number },
  ) => {
    const page = await myReturn(db, user, roundId);
    const problems = view.problems ?? [];
    const rows = page.items.map((item, n) => {
      const typed = view.typed?.find((t) => keyOf(t) === keyOf(item));
      const mine = problems.filter((p) => p.row === view.typed?.indexOf(typed as ReturnRowInput));
      return {
        item,
        n,
        values: typed ? { ...typed } : typedOf(item),
        problems: Object.fromEntries(mine.map((p) => [p.field, `${p.message}`])),
        warnings: mine.flatMap((p) => p.warnings),
      };
    });
    const errors = problems.map((p) => {
      const typed = view.typed?.[p.row];
      const row = typed ? rows.find((r) => keyOf(r.item) === keyOf(typed)) : undefined;
      const field = p.field === 'version' || p.field === 'code' ? figureField(row?.item) : p.field;
      return {
        href: row ? `#${field}_${row.n}` : '#return-form',
        text: `${p.code} (${typed?.period ?? ''}): ${p.message}`,
      };
    });
    return reply.status(view.status ?? 200).page('collection/returns/views/my-return.njk', {
      pageTitle: `Your return: ${page.roundLabel}`,
      ...page,
      rows,
      errors,
      flash: view.flash,
    });
  };

  app.get('/my-returns', { config: { access: 'value.write' } }, async (request, reply) => {
    const user = signedInUser(request);
    const [latest] = await roundsOf(db, user.councilId);
    if (latest) return reply.redirect(`/rounds/${latest.id}/my-return`, 303);
    return reply.page('collection/returns/views/no-round.njk', { pageTitle: 'Your returns' });
  });

  app.get(
    '/rounds/:id/my-return',
    { config: { access: 'value.write' } },
    async (request: ReturnRequest, reply) => {
      const saved = request.query.saved;
      const flash =
        typeof saved === 'string' && /^(draft|submit):\d+$/.test(saved)
          ? flashOf(saved.split(':')[0] as ReturnAction, Number(saved.split(':')[1]))
          : undefined;
      return render(reply, signedInUser(request), request.params.id, { flash });
    },
  );

  app.post(
    '/rounds/:id/my-return',
    { config: { access: 'value.write' } },
    async (request: ReturnRequest, reply) => {
      const user = signedInUser(request);
      const typed = rowsOf(request.body);
      const action: ReturnAction = request.body?.action === 'draft' ? 'draft' : 'submit';
      try {
        const result = await saveReturn(db, user, request.params.id, typed, action);
        return reply.redirect(`/rounds/${request.params.id}/my-return?saved=${action}:${result.saved}`, 303);
      } catch (error) {
        if (error instanceof ReturnProblemsError)
          return render(reply, user, request.params.id, { typed, problems: error.rows, status: 400 });
        throw error;
      }
    },
  );
}

function figureField(item: ReturnItem | undefined): string {
  return item?.calculation_type === 'ratio' ? 'numerator' : 'value';
}

function flashOf(action: ReturnAction, saved: number): string {
  const figures = `${saved} figure${saved === 1 ? '' : 's'}`;
  if (saved === 0) return 'Nothing had changed, so nothing was saved';
  return action === 'draft' ? `Saved ${figures} as a draft` : `Submitted ${figures} to the performance team`;
}
