// Mid-year changes to a signed-off portfolio set: a director of the portfolio (or the performance team) asks to add
// or remove one measure, with a reason; the portfolio's Cabinet Member signs the change off — the set's measures
// change in the same transaction and the set stays signed off — or returns it with a comment. Each step audited.
import type { CurrentUser } from '../../access/current-user.ts';
import { can } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from './in-transaction.ts';
import { formatDate } from '../../web/filters.ts';
import {
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../web/errors.ts';
import { checkMayDecide, checkMayRequestChange } from './report-set-access.ts';
import {
  type ChangeRow,
  decideChange,
  findChange,
  insertChange,
  openChangeFor,
} from './report-set-changes.queries.ts';
import { setSnapshot } from './report-set-snapshot.ts';
import {
  appendSetMeasure,
  bumpSetVersion,
  insertSetAudit,
  measuresByCode,
  removeSetMeasure,
} from './report-set-writes.queries.ts';
import type { ReportSet } from './report-sets.queries.ts';
import { setOrNotFound } from './sign-off.service.ts';
import { CHANGE_STATUS_WORDS, MAX_COMMENT } from './sign-off.rules.ts';

export interface ChangeRequestInput {
  change: string;
  /** The measure's code. */
  measure: string;
  reason: string;
}

/** Only a signed-off portfolio set changes by request; any other is edited directly by the performance team. */
function checkChangeable(set: ReportSet): void {
  if (set.audience !== 'portfolio' || set.signOff !== 'signed_off') {
    const message =
      set.audience !== 'portfolio'
        ? `${set.title} is not a Cabinet portfolio's set: the performance team changes its measures directly`
        : `${set.title} is not signed off yet: its measures change with the set itself until the Cabinet Member signs it off`;
    throw new ConflictError(message, [{ field: 'change', message }]);
  }
}

/** The set a change may be requested on, refused as requesting would be (404, 403, 409). */
export async function setForChangeRequest(db: Db, user: CurrentUser, name: string): Promise<ReportSet> {
  const set = await setOrNotFound(db, user.councilId, name);
  if (!can(user, 'report.manage') && !can(user, 'reportset.propose'))
    throw new ForbiddenError('Only a director of the portfolio or the performance team may request a change');
  checkChangeable(set);
  await checkMayRequestChange(db, user, set);
  return set;
}

export async function requestReportSetChange(
  db: Db,
  user: CurrentUser,
  name: string,
  input: ChangeRequestInput,
): Promise<{ id: string }> {
  return inTransaction(db, async (tx) => {
    const set = await setForChangeRequest(tx, user, name);
    const problems: FieldProblem[] = [];
    const change = input.change === 'add' || input.change === 'remove' ? input.change : null;
    if (!change) problems.push({ field: 'change', message: 'Select whether to add or remove a measure' });
    const reason = input.reason.trim();
    if (reason === '')
      problems.push({ field: 'reason', message: 'Enter the reason for the change, for the Cabinet Member' });
    else if (reason.length > MAX_COMMENT)
      problems.push({ field: 'reason', message: `The reason must be ${MAX_COMMENT} characters or fewer` });
    const code = input.measure.trim();
    const measure = code ? (await measuresByCode(tx, user.councilId, [code])).get(code) : undefined;
    const inSet = measure !== undefined && set.measureIds.includes(measure.id);
    if (code === '')
      problems.push({
        field: 'measure',
        message: `Select the measure to ${change === 'remove' ? 'remove' : change === 'add' ? 'add' : 'add or remove'}`,
      });
    else if (!measure)
      problems.push({ field: 'measure', message: `There is no measure ${code} in the library` });
    else if (change === 'add' && inSet)
      problems.push({ field: 'measure', message: `${code} is already in ${set.title}` });
    else if (change === 'add' && measure.status !== 'active')
      problems.push({
        field: 'measure',
        message: `${code} is ${measure.status}: only an active measure can be added to a set`,
      });
    else if (change === 'remove' && !inSet)
      problems.push({ field: 'measure', message: `${code} is not in ${set.title}, so it cannot be removed` });
    if (problems.length > 0 || !change || !measure)
      throw new ValidationError('The change was not requested', problems);

    const open = await openChangeFor(tx, set.id, measure.id);
    if (open) {
      const message = `A change to ${code} is already awaiting the Cabinet Member: requested by ${open.requested_by_name ?? 'someone'} on ${formatDate(open.requested_at)}`;
      throw new ConflictError(message, [{ field: 'measure', message }]);
    }
    const id = await insertChange(tx, {
      councilId: user.councilId,
      setId: set.id,
      change,
      measureId: measure.id,
      reason,
      userId: user.id,
    });
    await insertSetAudit(tx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'reportset.change_request',
      setId: set.id,
      before: null,
      after: { name: set.name, changeId: id, change, measure: code, reason, status: 'proposed' },
    });
    return { id };
  });
}

export type ChangeDecision = 'sign_off' | 'return';

/**
 * The Cabinet Member's decision on a change request. Refused: a set or change that does not exist (404), a role or
 * portfolio that is not the Cabinet Member's (403), a return without a comment (400), a change decided already (409).
 */
export async function decideReportSetChange(
  db: Db,
  user: CurrentUser,
  name: string,
  changeId: string,
  decision: ChangeDecision,
  comment = '',
): Promise<ChangeRow> {
  const text = comment.trim();
  return inTransaction(db, async (tx) => {
    const set = await setOrNotFound(tx, user.councilId, name);
    const change = /^\d{1,18}$/.test(changeId) ? await findChange(tx, set.id, changeId) : undefined;
    if (!change) throw new NotFoundError(`There is no change request ${changeId} to ${set.title}`);
    checkMayDecide(user, set, `decide changes to ${set.title}`);
    if (decision === 'return' && text === '')
      throw ValidationError.field('comment', 'Enter your comments: say why you are returning the change');
    if (text.length > MAX_COMMENT)
      throw ValidationError.field('comment', `Comments must be ${MAX_COMMENT} characters or fewer`);
    if (
      change.status !== 'proposed' ||
      !(await decideChange(tx, change.id, {
        status: decision === 'sign_off' ? 'signed_off' : 'returned',
        userId: user.id,
        comment: text,
      }))
    ) {
      const now = (await findChange(tx, set.id, change.id)) ?? change;
      const by = now.decided_by_name ? ` by ${now.decided_by_name}` : '';
      const when = now.decided_at ? ` on ${formatDate(now.decided_at)}` : '';
      const message = `The change to ${change.measure_code} has already been decided${by}${when}: it is ${CHANGE_STATUS_WORDS[now.status].toLowerCase()}. Reload the page to see it.`;
      throw new ConflictError(message, [{ field: 'change', message }]);
    }
    const before = await setSnapshot(tx, set);
    if (decision === 'sign_off') {
      // A signed-off set's measures move only by change requests, one open request a measure; check anyway.
      const inSet = set.measureIds.includes(String(change.measure_id));
      if (change.change === 'add' ? inSet : !inSet) {
        const message = `${change.measure_code} is ${inSet ? 'already' : 'no longer'} in ${set.title}: the change cannot be signed off. Return it instead.`;
        throw new ConflictError(message, [{ field: 'change', message }]);
      }
      if (change.change === 'add')
        await appendSetMeasure(tx, user.councilId, set.id, String(change.measure_id));
      else await removeSetMeasure(tx, set.id, String(change.measure_id));
      await bumpSetVersion(tx, set.id);
    }
    const after = await setOrNotFound(tx, user.councilId, name);
    await insertSetAudit(tx, {
      councilId: user.councilId,
      userId: user.id,
      action: decision === 'sign_off' ? 'reportset.change_sign_off' : 'reportset.change_return',
      setId: set.id,
      before: decision === 'sign_off' ? before : null,
      after: {
        ...(decision === 'sign_off' ? await setSnapshot(tx, after) : { name: set.name }),
        changeId: change.id,
        change: change.change,
        measure: change.measure_code,
        reason: change.reason,
        ...(text ? { comment: text } : {}),
      },
    });
    return (await findChange(tx, set.id, change.id)) ?? change;
  });
}

/** The Cabinet Member signs a change off: the set's measures change now, and the set stays signed off. */
export const signOffReportSetChange = (
  db: Db,
  user: CurrentUser,
  name: string,
  changeId: string,
  comment = '',
) => decideReportSetChange(db, user, name, changeId, 'sign_off', comment);

/** The Cabinet Member returns a change with a comment; the set's measures stay as they are. */
export const returnReportSetChange = (
  db: Db,
  user: CurrentUser,
  name: string,
  changeId: string,
  comment: string,
) => decideReportSetChange(db, user, name, changeId, 'return', comment);
