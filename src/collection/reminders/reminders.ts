// The e-mails of a collection round: when it opens, every data owner with figures due hears what and by when;
// some days before the deadline and once it has passed, those with figures not yet submitted are reminded.
import type { Db } from '../../db/connection.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { formatDate } from '../../web/filters.ts';
import type { ReminderKind } from '../../db/schema.ts';
import { dueThisRound } from '../rounds/rounds.service.ts';
import {
  findRound,
  recordReminder,
  remindedUsers,
  type ChaseRow,
  type RoundRow,
} from '../rounds/rounds.queries.ts';
import type { Mail, Mailer } from '../../jobs/mailer.ts';

export interface ReminderJob {
  councilId: string;
  roundId: string;
  kind: ReminderKind;
}

/** Sends the round's e-mails of one kind, each person at most once however often the job runs; returns how many. */
export async function sendRoundReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  job: ReminderJob,
): Promise<number> {
  const round = await findRound(db, job.councilId, job.roundId);
  if (!round) return 0;
  const items = await dueThisRound(db, round, null);
  const owed = job.kind === 'opened' ? items : items.filter((i) => i.state !== 'submitted');
  const already = await remindedUsers(db, round.id, job.kind);
  let sent = 0;
  for (const [ownerId, theirs] of byOwner(owed)) {
    const first = theirs[0];
    if (!first?.owner_email || already.has(ownerId)) continue;
    const mail = reminderMail(job.kind, round, theirs, first.owner_name ?? first.owner_email, publicUrl);
    await mailer.send({ ...mail, to: first.owner_email });
    // Recorded after sending: a crash in between sends twice rather than never.
    if (
      await recordReminder(db, {
        councilId: job.councilId,
        roundId: round.id,
        kind: job.kind,
        userId: ownerId,
        email: first.owner_email,
        measures: theirs.length,
      })
    )
      sent += 1;
  }
  return sent;
}

function byOwner(items: ChaseRow[]): Map<string, ChaseRow[]> {
  const owners = new Map<string, ChaseRow[]>();
  for (const item of items) {
    if (!item.owner_id) continue;
    const theirs = owners.get(item.owner_id) ?? [];
    theirs.push(item);
    owners.set(item.owner_id, theirs);
  }
  return owners;
}

const SUBJECTS: Record<ReminderKind, (period: string, deadline: string) => string> = {
  opened: (period, deadline) => `Figures for ${period} are due by ${deadline}`,
  due_soon: (period, deadline) => `Reminder: figures for ${period} are due by ${deadline}`,
  late: (period, deadline) => `Late: figures for ${period} were due by ${deadline}`,
};

export function reminderMail(
  kind: ReminderKind,
  round: RoundRow,
  items: ChaseRow[],
  name: string,
  publicUrl: string,
): Omit<Mail, 'to'> {
  const period = labelOfPeriod(round.period);
  const deadline = formatDate(round.deadline);
  const opening: Record<ReminderKind, string> = {
    opened: `The ${period} collection round is open. Please enter these figures by ${deadline}:`,
    due_soon: `These figures for the ${period} round are not submitted yet and are due by ${deadline}:`,
    late: `These figures for the ${period} round were due by ${deadline} and are not submitted yet:`,
  };
  const lines = items.map((i) => `- ${i.code} ${i.title} (${labelOfPeriod(i.period)})`);
  return {
    subject: SUBJECTS[kind](period, deadline),
    text: [
      `Dear ${name},`,
      '',
      opening[kind],
      '',
      ...lines,
      '',
      `Enter them at ${publicUrl}/my-measures`,
      '',
      'Civic Scorecard, for the performance team',
    ].join('\n'),
  };
}
