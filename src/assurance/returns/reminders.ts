// The e-mails of the statutory returns calendar: the return's owner hears some days before it is due and again the
// day after if it is still owed; each person once per return per kind, however often a job runs.
import type { Db } from '../../db/connection.ts';
import type { Jobs, ReturnReminderJob } from '../../jobs/jobs.ts';
import type { Mail, Mailer } from '../../jobs/mailer.ts';
import { formatDate } from '../../web/filters.ts';
import { addDays, ukDate } from '../today.ts';
import { alreadyReminded, findReturn, recordReturnReminder, type ReturnRow } from './returns.queries.ts';
import { OWED, returnStatusLabels } from './workflow.ts';

export const recipientNames: Record<ReturnRow['recipient'], string> = {
  DfE: 'the Department for Education',
  MHCLG: 'the Ministry of Housing, Communities and Local Government',
  DHSC: 'the Department of Health and Social Care',
  RSH: 'the Regulator of Social Housing',
  YJB: 'the Youth Justice Board',
};

/** Whether the reminder of this kind is due on `today` for the return as it is now. */
function dueNow(row: ReturnRow, kind: ReturnReminderJob['kind'], today: string): boolean {
  if (!OWED.includes(row.status)) return false;
  if (kind === 'overdue') return today > row.due_on;
  return today >= addDays(row.due_on, -row.reminder_days) && today <= row.due_on;
}

/** Sends the job's reminder if it is still due; returns how many e-mails went (0 or 1). */
export async function sendReturnReminder(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  job: ReturnReminderJob,
  today: string = ukDate(),
): Promise<number> {
  const row = await findReturn(db, job.councilId, job.returnId);
  if (!row || !dueNow(row, job.kind, today)) return 0;
  if (await alreadyReminded(db, row.id, job.kind, row.owner_id)) return 0;
  await mailer.send({ ...returnReminderMail(job.kind, row, publicUrl), to: row.owner_email });
  // Recorded after sending: a crash in between sends twice rather than never.
  return (await recordReturnReminder(db, {
    councilId: job.councilId,
    returnId: row.id,
    kind: job.kind,
    userId: row.owner_id,
    email: row.owner_email,
  }))
    ? 1
    : 0;
}

export function returnReminderMail(
  kind: ReturnReminderJob['kind'],
  row: ReturnRow,
  publicUrl: string,
): Omit<Mail, 'to'> {
  const name = `${row.title} (${row.reference_period})`;
  const due = formatDate(row.due_on);
  const subject =
    kind === 'overdue' ? `Overdue: ${name} was due by ${due}` : `Reminder: ${name} is due by ${due}`;
  const opening =
    kind === 'overdue'
      ? `The statutory return ${name} to ${recipientNames[row.recipient]} was due by ${due} and has not been submitted.`
      : `The statutory return ${name} to ${recipientNames[row.recipient]} is due by ${due}.`;
  return {
    subject,
    text: [
      `Dear ${row.owner_name},`,
      '',
      opening,
      `It is ${returnStatusLabels[row.status].toLowerCase()}.`,
      '',
      `See it at ${publicUrl}/statutory-returns/${row.id}`,
      '',
      'Civic Scorecard, for the performance team',
    ].join('\n'),
  };
}

/**
 * Queues the reminders of every return still owed (those loaded without the queue, like the demo's): run when the
 * server starts. Harmless to repeat: a reminder already sent is recorded and not sent again.
 */
export async function scheduleOwedReturns(db: Db, jobs: Jobs): Promise<number> {
  const owed = await db
    .selectFrom('statutory_returns')
    .select(['id', 'council_id', 'due_on', 'reminder_days'])
    .where('status', 'in', [...OWED])
    .execute();
  for (const r of owed)
    await jobs.scheduleReturn(db, {
      councilId: r.council_id,
      returnId: r.id,
      dueOn: String(r.due_on),
      reminderDays: r.reminder_days,
    });
  return owed.length;
}
