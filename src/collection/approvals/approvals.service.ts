// Moving figures through the approval workflow — one use case behind the approvals queue, the return form and the
// transitions API. It refuses, in this order: a missing comment on a return (400), a role that may not take the
// step (403), a figure outside the user's reach (404, as if it did not exist), a figure at another stage (409,
// naming its status now), a figure changed since it was read (409, naming who changed it). All the figures move
// in one transaction with their breakdowns, revision rows and audit rows, or none do; formula measures that read
// them take their new status too.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize, reachOf } from '../../access/permissions.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { formatDateTime } from '../../web/filters.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { recalculateAfterSave } from '../formula-figures.service.ts';
import type { Tx } from '../values.queries.ts';
import {
  breakdownsOf,
  figureByCode,
  figuresById,
  insertAuditRows,
  keepCurrentRevisions,
  moveStatus,
  syncRevisions,
  type MovedFigure,
  type WorkflowFigure,
} from './approvals.queries.ts';
import {
  MAX_COMMENT,
  returnableFrom,
  STATUS_WORDS,
  STEP_RULES,
  type Step,
  type Transition,
} from './workflow.ts';

export interface TransitionRequest {
  action: Transition;
  /** Each headline figure by id, with the version the user read. */
  figures: { id: string; version: number }[];
  /** Required to return a figure; kept in the audit log and shown to its owner. */
  comment?: string;
}

export interface TransitionResult {
  action: Transition;
  moved: MovedFigure[];
}

const ID = /^\d{1,18}$/;
const name = (f: WorkflowFigure) => `${f.measure_code} ${labelOfPeriod(f.period)}`;

export async function transitionFigures(
  db: Db,
  user: CurrentUser,
  request: TransitionRequest,
): Promise<TransitionResult> {
  const comment = (request.comment ?? '').trim();
  if (request.action === 'return' && comment === '')
    throw ValidationError.field('comment', 'Enter a comment saying why the figure is being returned');
  if (comment.length > MAX_COMMENT)
    throw ValidationError.field('comment', `The comment must be ${MAX_COMMENT} characters or fewer`);
  if (request.figures.length === 0) throw ValidationError.field('figures', 'Select at least one figure');

  // A step the role never takes is refused before any figure is looked at; a return depends on each figure's stage.
  const step = request.action === 'return' ? null : STEP_RULES[request.action];
  if (step) authorize(user, step.permission);
  const reach = servicesInReach(user, step ? step.permission : 'value.transition');
  const ids = request.figures.map((f) => f.id);
  const badId = ids.find((id) => !ID.test(id));
  if (badId !== undefined) throw new NotFoundError(`There is no figure ${badId} that you can act on`);
  const found = await figuresById(db, user.councilId, reach, ids);
  const byId = new Map(found.map((f) => [String(f.id), f]));

  const versions = new Map<string, number>();
  for (const wanted of request.figures) {
    const figure = byId.get(String(wanted.id));
    if (!figure) throw new NotFoundError(`There is no figure ${wanted.id} that you can act on`);
    checkStage(user, request.action, figure);
    if (figure.version !== wanted.version) throw stale(figure);
    versions.set(String(figure.id), wanted.version);
  }
  const heads = [...versions.keys()].map((id) => byId.get(id)).filter((f) => f !== undefined);
  return db.transaction().execute((tx) => move(tx, user, request.action, comment, heads, versions));
}

/** The transitions API names a figure by measure code and period; the step's role is checked before the reach. */
export async function transitionByCode(
  db: Db,
  user: CurrentUser,
  figure: { code: string; period: string },
  request: Omit<TransitionRequest, 'figures'> & { version: number },
): Promise<{ figure: WorkflowFigure; result: TransitionResult }> {
  if (request.action !== 'return') authorize(user, STEP_RULES[request.action].permission);
  const reach = servicesInReach(user, 'value.transition');
  const found = await figureByCode(db, user.councilId, reach, figure.code, figure.period);
  if (!found) throw new NotFoundError(`There is no figure for '${figure.code}' in '${figure.period}'`);
  const result = await transitionFigures(db, user, {
    action: request.action,
    comment: request.comment,
    figures: [{ id: String(found.id), version: request.version }],
  });
  return { figure: found, result };
}

/** The figure the return form is for: refused (404, 409, 403) exactly as returning it would be. */
export async function figureToReturn(db: Db, user: CurrentUser, id: string): Promise<WorkflowFigure> {
  const reach = servicesInReach(user, 'value.transition');
  const [figure] = ID.test(id) ? await figuresById(db, user.councilId, reach, [id]) : [];
  if (!figure) throw new NotFoundError(`There is no figure ${id} that you can act on`);
  checkStage(user, 'return', figure);
  return figure;
}

/** 403 when this user may not act at the figure's stage; 409 when it is not at the stage the action needs. */
function checkStage(user: CurrentUser, action: Transition, figure: WorkflowFigure): void {
  if (figure.calculation_type === 'formula') {
    throw new ConflictError(
      `${name(figure)} is calculated from other measures' figures: its status follows theirs, so move those instead.`,
      [{ field: 'status', message: 'A calculated figure is not moved by hand' }],
    );
  }
  if (action === 'return') {
    const from = returnableFrom(figure.status);
    if (!from) throw wrongStage(figure, 'returned', 'submitted, validated or approved');
    if (!reachOf(user, STEP_RULES[from].permission)) {
      throw new ForbiddenError(
        `${name(figure)} is ${figure.status}: only ${STEP_RULES[from].who} can return it at this stage`,
      );
    }
    return;
  }
  const rule = STEP_RULES[action];
  if (figure.status !== rule.from) throw wrongStage(figure, pastTense(action), rule.from);
}

function pastTense(step: Step): string {
  return step === 'submit' ? 'submitted' : `${step}d`;
}

function wrongStage(figure: WorkflowFigure, done: string, needed: string): ConflictError {
  const message = `${name(figure)} is ${figure.status} now (${STATUS_WORDS[figure.status].toLowerCase()}), so it cannot be ${done}: only a figure that is ${needed} can. Reload the page to see where it is.`;
  return new ConflictError(message, [{ field: 'status', message }]);
}

function stale(figure: WorkflowFigure): ConflictError {
  const who = figure.updated_by_name ? ` by ${figure.updated_by_name}` : '';
  const message = `Someone else changed ${name(figure)} while you were looking at it: it is now ${figure.status} (version ${figure.version}, changed${who} at ${formatDateTime(figure.updated_at)}). Nothing has been changed. Reload the page and try again.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

async function move(
  tx: Tx,
  user: CurrentUser,
  action: Transition,
  comment: string,
  heads: WorkflowFigure[],
  versions: Map<string, number>,
): Promise<TransitionResult> {
  const to = action === 'return' ? 'draft' : STEP_RULES[action].to;
  const breakdowns = await breakdownsOf(tx, heads);
  const all = [...versions.keys(), ...breakdowns];
  await keepCurrentRevisions(tx, all);
  const moved = await moveStatus(tx, { to, userId: user.id, versions, breakdowns });
  const movedHeads = new Set(moved.filter((m) => m.breakdown === '').map((m) => String(m.id)));
  const raced = heads.find((h) => !movedHeads.has(String(h.id)));
  // Changed between the read and this write: the transaction rolls back, so nothing moves.
  if (raced) throw stale(raced);
  await syncRevisions(tx, all);

  const headOf = new Map(heads.map((h) => [`${h.measure_id}|${h.period}`, h]));
  await insertAuditRows(
    tx,
    moved.flatMap((m) => {
      const head = headOf.get(`${m.measure_id}|${m.period}`);
      if (!head) return [];
      const figure = {
        measure: head.measure_code,
        period: m.period,
        ...(m.breakdown ? { breakdown: m.breakdown } : {}),
        value: m.value,
      };
      return [
        {
          council_id: user.councilId,
          user_id: user.id,
          action: `value.${action}`,
          entity: 'data_value',
          entity_id: String(m.id),
          before: JSON.stringify({ ...figure, status: head.status, version: m.version - 1 }),
          after: JSON.stringify({
            ...figure,
            status: m.status,
            version: m.version,
            ...(m.status === 'published' ? { published_at: m.published_at } : {}),
            ...(comment ? { comment } : {}),
          }),
        },
      ];
    }),
  );
  for (const head of heads)
    await recalculateAfterSave(
      tx,
      { councilId: user.councilId, userId: user.id },
      head.measure_id,
      head.period,
    );
  return { action, moved };
}
