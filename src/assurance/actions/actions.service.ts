// Improvement actions' use cases: raise one (from a measure, a recommendation, a finding, or standalone), update it
// (owner, due date, status) with a progress note that is kept forever, read one, and list them. The performance
// team reaches every action; a director or data owner those of their services.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize, can } from '../../access/permissions.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ActionStatus } from '../../db/schema.ts';
import { insertAudit } from '../../structure/edits.queries.ts';
import { NotFoundError, ValidationError } from '../../web/errors.ts';
import { AssuranceForm } from '../assurance-form.ts';
import { ownersOfCouncil, servicesOfCouncil } from '../assurance.queries.ts';
import { inReach, recordId, staleEdit } from '../reach.ts';
import { ukDate } from '../today.ts';
import type { ActionOrigin } from './actions.origin.ts';
import {
  addNote,
  type ActionRow,
  findAction,
  insertAction,
  notesOf,
  type NoteRow,
  updateAction,
} from './actions.queries.ts';

export const ACTION_STATUSES: readonly ActionStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];
export const actionStatusLabels: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

async function readCommon(db: Db, user: CurrentUser, form: AssuranceForm) {
  const title = form.text('title', {
    label: 'What will be done',
    max: 300,
    required: 'Enter what will be done',
  });
  const description = form.text('description', { label: 'Details', max: 5000 });
  const ownerId = form.text('owner', { label: 'Owner', max: 20, required: 'Choose who owns the action' });
  const owners = await ownersOfCouncil(db, user.councilId);
  if (ownerId && !owners.some((o) => o.id === ownerId)) form.fail('owner', 'Choose the owner from the list');
  const dueOn = form.date('dueOn', { label: 'Due date', required: true });
  return { title, description, ownerId, dueOn: dueOn ?? '' };
}

/** Raises an action from its origin; returns its id. */
export async function raiseAction(
  db: Db,
  user: CurrentUser,
  origin: ActionOrigin,
  body: Record<string, unknown>,
): Promise<string> {
  authorize(user, 'action.write');
  const form = new AssuranceForm(body);
  const common = await readCommon(db, user, form);
  let serviceId = origin.serviceId;
  if (serviceId === null) {
    const code = form.text('service', {
      label: 'Service',
      max: 30,
      required: 'Choose the service the action is for',
    });
    const reach = servicesInReach(user, 'action.write');
    const service = (await servicesOfCouncil(db, user.councilId)).find(
      (s) => s.code === code && inReach(reach, s.id),
    );
    if (code && !service) form.fail('service', 'Choose the service from the list');
    serviceId = service?.id ?? null;
  }
  if (common.dueOn && common.dueOn < ukDate()) form.fail('dueOn', 'Due date must be today or later');
  if (form.problems.length > 0 || serviceId === null)
    throw new ValidationError('The action was not raised', form.problems);
  const sid = serviceId;
  return db.transaction().execute(async (trx) => {
    const id = await insertAction(trx, {
      councilId: user.councilId,
      serviceId: sid,
      title: common.title,
      description: common.description,
      source: origin.source,
      measureId: origin.measureId,
      measurePeriod: origin.measurePeriod,
      recommendationId: origin.recommendationId,
      findingId: origin.findingId,
      ownerId: common.ownerId,
      dueOn: common.dueOn,
      raisedBy: user.id,
    });
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'create',
      entity: 'improvement_action',
      entityId: id,
      before: null,
      after: { ...common, serviceId: sid, source: origin.source, from: origin.label },
    });
    return id;
  });
}

async function actionInReach(
  db: Db,
  user: CurrentUser,
  rawId: string,
  action: 'assurance.read' | 'action.write',
): Promise<ActionRow> {
  const id = recordId(rawId, 'action');
  const row = await findAction(db, user.councilId, id, ukDate());
  if (!row || !inReach(servicesInReach(user, action), row.service_id))
    throw new NotFoundError('No such action');
  return row;
}

/** Saves the owner, due date, status and wording, with a progress note (needed to close or reopen an action). */
export async function changeAction(
  db: Db,
  user: CurrentUser,
  rawId: string,
  body: Record<string, unknown>,
): Promise<void> {
  authorize(user, 'action.write');
  await db.transaction().execute(async (trx) => {
    const before = await actionInReach(trx, user, rawId, 'action.write');
    const form = new AssuranceForm(body);
    const version = form.version();
    if (version === null)
      throw ValidationError.field(
        'version',
        'The form did not say which version you opened: reload the page and try again',
      );
    if (version !== before.version)
      throw await staleEdit(
        trx,
        'improvement_action',
        before.id,
        `the action ${before.title}`,
        before.version,
      );
    const common = await readCommon(trx, user, form);
    const status = form.choice('status', ACTION_STATUSES, 'Choose the status of the action');
    const note = form.text('note', { label: 'Progress note', max: 5000 });
    const closing = ['done', 'cancelled'].includes(status);
    const wasClosed = ['done', 'cancelled'].includes(before.status);
    if (status !== before.status && (closing || wasClosed) && note === '')
      form.fail(
        'note',
        `Add a progress note saying why the action is ${closing ? actionStatusLabels[status].toLowerCase() : 'reopened'}`,
      );
    if (form.problems.length > 0) throw new ValidationError('The action was not saved', form.problems);
    const change = { ...common, status };
    if (!(await updateAction(trx, before.id, version, change)))
      throw await staleEdit(trx, 'improvement_action', before.id, `the action ${before.title}`, version + 1);
    if (note || status !== before.status)
      await addNote(trx, {
        councilId: user.councilId,
        actionId: before.id,
        note: note || `Status changed to ${actionStatusLabels[status].toLowerCase()}`,
        status: status !== before.status ? status : null,
        writtenBy: user.id,
      });
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'update',
      entity: 'improvement_action',
      entityId: before.id,
      before: {
        title: before.title,
        description: before.description,
        ownerId: before.owner_id,
        dueOn: before.due_on,
        status: before.status,
      },
      after: { ...change, ...(note ? { note } : {}) },
    });
  });
}

export interface ActionDetail {
  action: ActionRow;
  notes: NoteRow[];
  canWrite: boolean;
}

export async function actionDetail(db: Db, user: CurrentUser, rawId: string): Promise<ActionDetail> {
  const action = await actionInReach(db, user, rawId, 'assurance.read');
  const canWrite =
    can(user, 'action.write') && inReach(servicesInReach(user, 'action.write'), action.service_id);
  return { action, notes: await notesOf(db, action.id), canWrite };
}
