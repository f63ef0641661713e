// Portfolio sign-off — one use case behind the set page's buttons, the transitions API and the demo's loader. It
// refuses, in this order: a set that does not exist (404), a role that does not take the step (403), a set that is
// not a portfolio's (409), a portfolio that is not the user's (403), a return without a comment (400), a set in
// another state (409, naming it), and a set changed since it was read (409, naming who changed it). The move and
// its audit row are written together.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from './in-transaction.ts';
import { formatDateTime } from '../../web/filters.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { checkMayDecide, checkMayPropose } from './report-set-access.ts';
import { setSnapshot } from './report-set-snapshot.ts';
import { insertSetAudit, lastSetChange, updateSignOff } from './report-set-writes.queries.ts';
import { type ReportSet, reportSetByName } from './report-sets.queries.ts';
import { MAX_COMMENT, SIGN_OFF_RULES, SIGN_OFF_TAGS, type SignOffAction } from './sign-off.rules.ts';

export interface SignOffRequest {
  /** The version of the set the user read; a stale one is refused. */
  version: number;
  /** Required to return a set; kept with the set and in its history. */
  comment?: string;
}

const stateWords = (set: ReportSet) => (set.signOff ? SIGN_OFF_TAGS[set.signOff].text.toLowerCase() : '');

export async function setOrNotFound(db: Db, councilId: string, name: string): Promise<ReportSet> {
  const set = await reportSetByName(db, councilId, name);
  if (!set) throw new NotFoundError(`There is no report set '${name}'`);
  return set;
}

/** A refusal naming who changed the set, and when, since the user read it. */
export async function staleSet(db: Db, set: ReportSet): Promise<ConflictError> {
  const last = await lastSetChange(db, set.id);
  const who = last ? `, changed by ${last.user_name ?? 'an unknown user'} at ${formatDateTime(last.at)}` : '';
  const state = set.signOff ? `it is now ${stateWords(set)} ` : '';
  const message = `Someone else changed ${set.title} while you were looking at it: ${state}(version ${set.version}${who}). Nothing has been changed. Reload the page and try again.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

export async function transitionReportSet(
  db: Db,
  user: CurrentUser,
  name: string,
  action: SignOffAction,
  request: SignOffRequest,
): Promise<ReportSet> {
  const rule = SIGN_OFF_RULES[action];
  const comment = (request.comment ?? '').trim();
  if (!(request.version >= 1))
    throw ValidationError.field(
      'version',
      'The request did not say which version of the set you read: reload the page and try again',
    );
  return inTransaction(db, async (tx) => {
    const set = await setOrNotFound(tx, user.councilId, name);
    authorize(user, rule.permission);
    if (set.signOff === null || set.audience !== 'portfolio') {
      const message = `${set.title} is not a Cabinet portfolio's set: only a portfolio's measures are signed off`;
      throw new ConflictError(message, [{ field: 'action', message }]);
    }
    if (action === 'propose') await checkMayPropose(tx, user, set);
    else checkMayDecide(user, set, action === 'return' ? `return ${set.title}` : `sign off ${set.title}`);
    if (action === 'return' && comment === '')
      throw ValidationError.field(
        'comment',
        'Enter your comments: say why you are returning the set and what should change',
      );
    if (comment.length > MAX_COMMENT)
      throw ValidationError.field('comment', `Comments must be ${MAX_COMMENT} characters or fewer`);
    if (!rule.from.includes(set.signOff)) {
      const message = `${set.title} is ${stateWords(set)}, so it cannot be ${rule.done}: only ${rule.needs} can be. Reload the page to see where it is.`;
      throw new ConflictError(message, [{ field: 'action', message }]);
    }
    if (set.version !== request.version) throw await staleSet(tx, set);
    if (action === 'propose' && set.measureIds.length === 0) {
      const message = `${set.title} has no measures yet: the performance team adds them before it is proposed`;
      throw new ConflictError(message, [{ field: 'measures', message }]);
    }

    const moved = await updateSignOff(tx, set.id, request.version, {
      to: rule.to,
      userId: user.id,
      stamp: action === 'propose' ? 'proposed' : 'decided',
      returnComment: action === 'return' ? comment : '',
    });
    if (!moved) throw await staleSet(tx, await setOrNotFound(tx, user.councilId, name));
    const after = await setOrNotFound(tx, user.councilId, name);
    await insertSetAudit(tx, {
      councilId: user.councilId,
      userId: user.id,
      action: `reportset.${action}`,
      setId: set.id,
      before: { name: set.name, signOff: set.signOff, version: set.version },
      after: {
        ...(await setSnapshot(tx, after)),
        ...(comment ? { comment } : {}),
      },
    });
    return after;
  });
}

/** A director of the portfolio proposes the set (draft or returned → proposed). */
export const proposeReportSet = (db: Db, user: CurrentUser, name: string, request: SignOffRequest) =>
  transitionReportSet(db, user, name, 'propose', request);

/** The portfolio's Cabinet Member signs the set off (proposed → signed off), which locks its measures. */
export const signOffReportSet = (db: Db, user: CurrentUser, name: string, request: SignOffRequest) =>
  transitionReportSet(db, user, name, 'sign_off', request);

/** The portfolio's Cabinet Member returns the set with a comment (proposed → returned). */
export const returnReportSet = (
  db: Db,
  user: CurrentUser,
  name: string,
  request: SignOffRequest & { comment: string },
) => transitionReportSet(db, user, name, 'return', request);
