// The PostgreSQL-backed job queue (pg-boss): collection rounds' reminders at their times and reports' generation, whichever
// process is running: a round's jobs are queued in the transaction that opens it, so a round never exists
// without its reminders, nor reminders without their round. pg-boss runs its SQL through our own pool.
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db } from '../db/connection.ts';
import type { ReminderKind, ReturnReminderKind } from '../db/schema.ts';
import type { ReminderJob } from '../collection/reminders/reminders.ts';

export const REMINDER_QUEUE = 'round-reminders';
/** Reports are generated, and their audience e-mailed when one is published, from this queue. */
export const REPORT_QUEUE = 'reports';

/** Statutory returns' reminders: one job per return per kind at its time (src/assurance/returns/reminders.ts). */
export const RETURN_REMINDER_QUEUE = 'statutory-return-reminders';

export interface ReturnReminderJob {
  councilId: string;
  returnId: string;
  kind: ReturnReminderKind;
}

export interface ReportJob {
  kind: 'generate' | 'announce';
  councilId: string;
  reportId: string;
}

export interface Jobs {
  /** Queues the round's e-mails: now (opened), `reminderDays` before the deadline, and the day after it. */
  scheduleRound(
    trx: Db,
    round: { councilId: string; roundId: string; deadline: string; reminderDays: number },
  ): Promise<void>;
  /** Starts working the queue in this process (the server does; tests may). */
  work(
    deliver: (job: ReminderJob) => Promise<unknown>,
    options?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  /**
   * Queues a statutory return's e-mails, in the caller's transaction: `reminderDays` before it is due and the day
   * after. Each job checks the return when it runs, so a moved due date or a submitted return sends nothing stale.
   */
  scheduleReturn(
    trx: Db,
    r: { councilId: string; returnId: string; dueOn: string; reminderDays: number },
  ): Promise<void>;
  /** Starts working the statutory returns' reminder queue in this process. */
  workReturns(
    deliver: (job: ReturnReminderJob) => Promise<unknown>,
    options?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  /** Queues a report's generation or announcement, in the caller's transaction. */
  queueReport(trx: Db, job: ReportJob): Promise<void>;
  /** Starts working the reports queue in this process. */
  workReports(
    handle: (job: ReportJob) => Promise<unknown>,
    options?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  stop(): Promise<void>;
}

function executor(db: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** Reminders go out in the morning: 09:00 UTC on their day. */
function morningOf(isoDate: string, addDays: number): Date {
  const day = new Date(`${isoDate}T09:00:00Z`);
  day.setUTCDate(day.getUTCDate() + addDays);
  return day;
}

export function createJobs(db: Db, log: { error(object: object, message: string): void }): Jobs {
  const boss = new PgBoss({ db: executor(db), schedule: false, supervise: true });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  let starting: Promise<void> | null = null;
  let started = false;
  const start = () => {
    starting ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(REMINDER_QUEUE)))
        await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, retryLimit: 5, retryDelay: 60 });
      if (!(await boss.getQueue(RETURN_REMINDER_QUEUE)))
        await boss.createQueue(RETURN_REMINDER_QUEUE, {
          name: RETURN_REMINDER_QUEUE,
          retryLimit: 5,
          retryDelay: 60,
        });
      // A failed generation is recorded on the report and asked for again by a person, so no retries here.
      if (!(await boss.getQueue(REPORT_QUEUE)))
        await boss.createQueue(REPORT_QUEUE, { name: REPORT_QUEUE, retryLimit: 0 });
      started = true;
    })();
    return starting;
  };
  return {
    async scheduleRound(trx, round) {
      await start();
      const options = { db: executor(trx) };
      const job = (kind: ReminderKind): ReminderJob => ({
        councilId: round.councilId,
        roundId: round.roundId,
        kind,
      });
      const once = (kind: ReminderKind) => ({ ...options, singletonKey: `${round.roundId}:${kind}` });
      await boss.send(REMINDER_QUEUE, job('opened'), once('opened'));
      const reminder = morningOf(round.deadline, -round.reminderDays);
      // A reminder whose day has gone is still sent at once if the deadline has not; after it, "late" says it all.
      if (morningOf(round.deadline, 1) > new Date())
        await boss.sendAfter(REMINDER_QUEUE, job('due_soon'), once('due_soon'), reminder);
      await boss.sendAfter(REMINDER_QUEUE, job('late'), once('late'), morningOf(round.deadline, 1));
    },
    async work(deliver, workOptions = {}) {
      await start();
      await boss.work<ReminderJob>(
        REMINDER_QUEUE,
        { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 10 },
        async (jobs) => {
          for (const job of jobs) await deliver(job.data);
        },
      );
    },
    async scheduleReturn(trx, r) {
      await start();
      const job = (kind: ReturnReminderKind): ReturnReminderJob => ({
        councilId: r.councilId,
        returnId: r.returnId,
        kind,
      });
      // Keyed by the due date too: moving it queues new reminders, and the old ones find nothing to say.
      const once = (kind: ReturnReminderKind) => ({
        db: executor(trx),
        singletonKey: `${r.returnId}:${kind}:${r.dueOn}`,
      });
      const reminder = morningOf(r.dueOn, -r.reminderDays);
      await boss.sendAfter(
        RETURN_REMINDER_QUEUE,
        job('due_soon'),
        once('due_soon'),
        reminder > new Date() ? reminder : new Date(),
      );
      await boss.sendAfter(RETURN_REMINDER_QUEUE, job('overdue'), once('overdue'), morningOf(r.dueOn, 1));
    },
    async workReturns(deliver, workOptions = {}) {
      await start();
      await boss.work<ReturnReminderJob>(
        RETURN_REMINDER_QUEUE,
        { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 10 },
        async (jobs) => {
          for (const job of jobs) await deliver(job.data);
        },
      );
    },
    async queueReport(trx, job) {
      await start();
      await boss.send(REPORT_QUEUE, job, { db: executor(trx) });
    },
    async workReports(handle, workOptions = {}) {
      await start();
      await boss.work<ReportJob>(
        REPORT_QUEUE,
        { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) await handle(job.data);
        },
      );
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
