// The statutory returns calendar's records: add and edit a return (recipient, frequency, reference period, due date,
// owner, linked measures and its data-quality checklist), versioned and audited, its reminders queued with it.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import type { ReturnFrequency, ReturnRecipient } from '../../db/schema.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit } from '../../structure/edits.queries.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { AssuranceForm } from '../assurance-form.ts';
import { ownersOfCouncil, servicesOfCouncil } from '../assurance.queries.ts';
import { recordId, staleEdit } from '../reach.ts';
import {
  checksOf,
  findReturn,
  insertReturn,
  type ReturnValues,
  setMeasures,
  syncChecks,
  updateReturn,
} from './returns.queries.ts';

export const RECIPIENTS: readonly ReturnRecipient[] = ['DfE', 'MHCLG', 'DHSC', 'RSH', 'YJB'];
export const FREQUENCIES: readonly ReturnFrequency[] = ['annual', 'termly', 'quarterly', 'monthly'];
export const recipientLabels: Record<ReturnRecipient, string> = {
  DfE: 'Department for Education (DfE)',
  MHCLG: 'Ministry of Housing, Communities and Local Government (MHCLG)',
  DHSC: 'Department of Health and Social Care (DHSC)',
  RSH: 'Regulator of Social Housing (RSH)',
  YJB: 'Youth Justice Board (YJB)',
};

export interface ReturnInput {
  values: ReturnValues;
  measureIds: string[];
  measureCodes: string[];
  checks: string[];
}

export async function readReturnForm(
  db: Db,
  councilId: string,
  body: Record<string, unknown>,
): Promise<ReturnInput> {
  const form = new AssuranceForm(body);
  const code = form.code('code');
  const title = form.text('title', { label: 'Title', max: 200, required: 'Enter the title of the return' });
  const recipient = form.choice('recipient', RECIPIENTS, 'Choose who the return goes to');
  const frequency = form.choice('frequency', FREQUENCIES, 'Choose how often the return is made');
  const referencePeriod = form.text('referencePeriod', {
    label: 'Reference period',
    max: 60,
    required: 'Enter the period the return covers, like 2025 to 2026 or census day 1 October 2026',
  });
  const dueOn = form.date('dueOn', { label: 'Due date', required: true });
  const serviceCode = form.text('service', {
    label: 'Service',
    max: 30,
    required: 'Choose the service that makes the return',
  });
  const service = (await servicesOfCouncil(db, councilId)).find((s) => s.code === serviceCode);
  if (serviceCode && !service) form.fail('service', 'Choose the service from the list');
  const ownerId = form.text('owner', { label: 'Owner', max: 20, required: 'Choose who owns the return' });
  if (ownerId && !(await ownersOfCouncil(db, councilId)).some((o) => o.id === ownerId))
    form.fail('owner', 'Choose the owner from the list');
  const reminderDays = form.wholeNumber('reminderDays', {
    label: 'Days before the due date to remind',
    min: 1,
    max: 90,
  });
  const notes = form.text('notes', { label: 'Notes', max: 5000 });
  const measureCodes = [
    ...new Set(
      form
        .text('measures', { label: 'Linked measures', max: 2000 })
        .split(/[\s,]+/)
        .filter((c) => c !== ''),
    ),
  ];
  const measures = measureCodes.length
    ? await db
        .selectFrom('measures')
        .select(['id', 'code'])
        .where('council_id', '=', councilId)
        .where('code', 'in', measureCodes)
        .execute()
    : [];
  const unknown = measureCodes.filter((c) => !measures.some((m) => m.code === c));
  if (unknown.length) form.fail('measures', `There is no measure with the code ${unknown.join(', ')}`);
  const checks = form.lines('checks', { label: 'Data-quality checks', maxEach: 300, maxCount: 40 });
  if (form.problems.length > 0) throw new ValidationError('The return was not saved', form.problems);
  return {
    values: {
      code,
      title,
      recipient,
      frequency,
      reference_period: referencePeriod,
      due_on: dueOn ?? '',
      service_id: service?.id ?? '',
      owner_id: ownerId,
      reminder_days: reminderDays,
      notes,
    },
    measureIds: measures.map((m) => m.id),
    measureCodes: measures.map((m) => m.code).sort(),
    checks,
  };
}

const snapshot = (input: ReturnInput) => ({
  ...input.values,
  measures: input.measureCodes,
  checks: input.checks,
});

function duplicate(error: unknown, input: ReturnInput): never {
  if ((error as { code?: string }).code === '23505')
    throw ValidationError.field(
      'code',
      `There is already a return ${input.values.code} for ${input.values.reference_period}`,
    );
  throw error;
}

export async function addReturn(
  db: Db,
  jobs: Jobs,
  user: CurrentUser,
  body: Record<string, unknown>,
): Promise<string> {
  authorize(user, 'return.manage');
  const input = await readReturnForm(db, user.councilId, body);
  return db
    .transaction()
    .execute(async (trx) => {
      const id = await insertReturn(trx, user.councilId, input.values);
      await setMeasures(trx, user.councilId, id, input.measureIds);
      await syncChecks(trx, user.councilId, id, input.checks);
      await insertAudit(trx, {
        councilId: user.councilId,
        userId: user.id,
        action: 'create',
        entity: 'statutory_return',
        entityId: id,
        before: null,
        after: snapshot(input),
      });
      await jobs.scheduleReturn(trx, {
        councilId: user.councilId,
        returnId: id,
        dueOn: input.values.due_on,
        reminderDays: input.values.reminder_days,
      });
      return id;
    })
    .catch((error: unknown) => duplicate(error, input));
}

export async function editReturn(
  db: Db,
  jobs: Jobs,
  user: CurrentUser,
  rawId: string,
  body: Record<string, unknown>,
): Promise<void> {
  authorize(user, 'return.manage');
  const id = recordId(rawId, 'statutory return');
  const input = await readReturnForm(db, user.councilId, body);
  await db
    .transaction()
    .execute(async (trx) => {
      const before = await findReturn(trx, user.councilId, id);
      if (!before) throw new NotFoundError(`No statutory return ${id}`);
      const version = new AssuranceForm(body).version();
      const what = `the return ${before.title} (${before.reference_period})`;
      if (version === null)
        throw ValidationError.field(
          'version',
          'The form did not say which version you opened: reload the page and try again',
        );
      if (version !== before.version || !(await updateReturn(trx, id, version, input.values)))
        throw await staleEdit(trx, 'statutory_return', id, what, before.version);
      const checksBefore = await checksOf(trx, id);
      await setMeasures(trx, user.councilId, id, input.measureIds);
      await syncChecks(trx, user.councilId, id, input.checks);
      await insertAudit(trx, {
        councilId: user.councilId,
        userId: user.id,
        action: 'update',
        entity: 'statutory_return',
        entityId: id,
        before: { ...before, checks: checksBefore.map((c) => c.text) },
        after: snapshot(input),
      });
      if (before.due_on !== input.values.due_on || before.reminder_days !== input.values.reminder_days)
        await jobs.scheduleReturn(trx, {
          councilId: user.councilId,
          returnId: id,
          dueOn: input.values.due_on,
          reminderDays: input.values.reminder_days,
        });
    })
    .catch((error: unknown) => {
      if (
        error instanceof ConflictError ||
        error instanceof NotFoundError ||
        error instanceof ValidationError
      )
        throw error;
      return duplicate(error, input);
    });
}
