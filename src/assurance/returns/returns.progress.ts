// A statutory return's progress: its status moved along the workflow (a refused move answers 409 saying why) and
// its data-quality checks ticked by a named person, each step audited. The return's owners (its service's data
// owners and directors) and the performance team do this.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { insertAudit } from '../../structure/edits.queries.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { AssuranceForm } from '../assurance-form.ts';
import { recordId, requireInReach, staleEdit } from '../reach.ts';
import { checksOf, findReturn, type ReturnRow, setReturnStatus, tickCheck } from './returns.queries.ts';
import { checksOpen, RETURN_STATUSES, refusalOf, returnStatusLabels } from './workflow.ts';

export async function returnInReach(
  db: Db,
  user: CurrentUser,
  rawId: string,
  action: 'assurance.read' | 'return.update',
): Promise<ReturnRow> {
  const id = recordId(rawId, 'statutory return');
  const row = await findReturn(db, user.councilId, id);
  if (!row) throw new NotFoundError(`No statutory return ${id}`);
  await requireInReach(db, user, action, row.service_id, 'statutory return');
  return row;
}

function versionOf(body: Record<string, unknown>): number {
  const version = new AssuranceForm(body).version();
  if (version === null)
    throw ValidationError.field(
      'version',
      'The form did not say which version you opened: reload the page and try again',
    );
  return version;
}

export async function moveReturn(
  db: Db,
  user: CurrentUser,
  rawId: string,
  body: Record<string, unknown>,
): Promise<void> {
  authorize(user, 'return.update');
  await db.transaction().execute(async (trx) => {
    const before = await returnInReach(trx, user, rawId, 'return.update');
    const version = versionOf(body);
    const what = `the return ${before.title} (${before.reference_period})`;
    if (version !== before.version)
      throw await staleEdit(trx, 'statutory_return', before.id, what, before.version);
    const form = new AssuranceForm(body);
    const to = form.choice('status', RETURN_STATUSES, 'Choose the new status of the return');
    if (form.problems.length > 0) throw new ValidationError('The status was not changed', form.problems);
    const unchecked = (await checksOf(trx, before.id)).filter((c) => !c.checked_at).map((c) => c.text);
    const refusal = refusalOf(before.status, to, unchecked);
    if (refusal) throw new ConflictError(refusal, [{ field: 'status', message: refusal }]);
    if (!(await setReturnStatus(trx, before.id, version, to)))
      throw await staleEdit(trx, 'statutory_return', before.id, what, version + 1);
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'update',
      entity: 'statutory_return',
      entityId: before.id,
      before: { status: before.status },
      after: { status: to, statusLabel: returnStatusLabels[to] },
    });
  });
}

/** Ticks (or unticks) one check; refused once the return has left preparation. Bumps the return's version. */
export async function tickReturnCheck(
  db: Db,
  user: CurrentUser,
  rawId: string,
  rawCheckId: string,
  body: Record<string, unknown>,
): Promise<void> {
  authorize(user, 'return.update');
  const checkId = recordId(rawCheckId, 'check');
  await db.transaction().execute(async (trx) => {
    const before = await returnInReach(trx, user, rawId, 'return.update');
    const version = versionOf(body);
    const what = `the return ${before.title} (${before.reference_period})`;
    if (version !== before.version)
      throw await staleEdit(trx, 'statutory_return', before.id, what, before.version);
    if (!checksOpen(before.status)) {
      const message = `Checks can be ticked only while the return is in preparation; it is ${returnStatusLabels[before.status].toLowerCase()}`;
      throw new ConflictError(message, [{ field: 'checks', message }]);
    }
    const tick = new AssuranceForm(body).text('ticked', { label: 'Ticked', max: 5 }) === 'yes';
    const check = (await checksOf(trx, before.id)).find((c) => c.id === checkId);
    if (!check || !(await tickCheck(trx, before.id, checkId, tick ? user.id : null)))
      throw new NotFoundError(`No check ${checkId} on this return`);
    if (!(await setReturnStatus(trx, before.id, version, before.status)))
      throw await staleEdit(trx, 'statutory_return', before.id, what, version + 1);
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'update',
      entity: 'statutory_return',
      entityId: before.id,
      before: { check: check.text, ticked: check.checked_at !== null },
      after: { check: check.text, ticked: tick },
    });
  });
}
