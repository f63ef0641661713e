// Statutory returns' e-mails end to end: adding a return queues its reminders with pg-boss, a worker sends them
// through SMTP to a real listener on loopback; the owner hears once per return per kind however often a job runs,
// and a return already submitted sends nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createJobs, type Jobs, type ReturnReminderJob } from '../../jobs/jobs.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { smtpListener, subjectOf, type SmtpListener } from '../../testing/smtp.ts';
import { aReturnForm, demoPeople } from '../assurance.fixtures.ts';
import { addDays, ukDate } from '../today.ts';
import { scheduleOwedReturns, sendReturnReminder } from './reminders.ts';
import { addReturn } from './returns.service.ts';

let t: TestDatabase;
let smtp: SmtpListener;
let jobs: Jobs;
let person: Awaited<ReturnType<typeof demoPeople>>;
const publicUrl = 'https://scorecard.anytown.example';

before(async () => {
  t = await freshDatabase('demo');
  smtp = await smtpListener();
  jobs = createJobs(t.db, { error: () => undefined });
  await jobs.workReturns((job) => sendReturnReminder(t.db, smtp.mailer, publicUrl, job), {
    pollingIntervalSeconds: 0.5,
  });
  person = await demoPeople(t.db, ['performance', 'housing.owner']);
});
after(async () => {
  await jobs.stop();
  await smtp.close();
  await t.drop();
});

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const sentFor = async (id: string) =>
  (
    await sql<{
      kind: string;
      email: string;
    }>`SELECT kind, email FROM statutory_return_reminders_sent WHERE return_id = ${id} ORDER BY kind`.execute(
      t.db,
    )
  ).rows;

describe('statutory return reminders', () => {
  test('a return due within its reminder days e-mails its owner through the queue, once however often the job runs', async () => {
    const officer = person('performance');
    const owner = person('housing.owner');
    const id = await addReturn(
      t.db,
      jobs,
      officer,
      aReturnForm(owner.id, addDays(ukDate(), 5), {
        code: 'HCLIC',
        title: 'Homelessness case-level collection (H-CLIC)',
        service: 'HOU-HO',
        recipient: 'MHCLG',
        frequency: 'quarterly',
        referencePeriod: '2026-27 Q2',
      }),
    );
    await waitFor(async () => (await sentFor(id)).length === 1, 'the due-soon reminder');
    const mails = smtp.received.filter((m) => m.to.includes('housing.owner@anytown.example'));
    assert.equal(mails.length, 1);
    assert.match(
      subjectOf(mails[0] ?? { to: [], raw: '' }),
      /^Reminder: Homelessness case-level collection \(H-CLIC\) \(2026-27 Q2\)/,
    );
    assert.match(
      (mails[0]?.raw ?? '').replace(/=\r?\n/g, ''),
      /Ministry of Housing,\s+Communities\s+and\s+Local\s+Government/,
    );
    // The job again, as a retry or a second worker would run it: nothing more is sent.
    const job: ReturnReminderJob = { councilId: officer.councilId, returnId: id, kind: 'due_soon' };
    assert.equal(await sendReturnReminder(t.db, smtp.mailer, publicUrl, job), 0);
    // Not overdue yet, so that job says nothing; the day after the due date it does, once.
    assert.equal(await sendReturnReminder(t.db, smtp.mailer, publicUrl, { ...job, kind: 'overdue' }), 0);
    const dayAfter = addDays(ukDate(), 6);
    assert.equal(
      await sendReturnReminder(t.db, smtp.mailer, publicUrl, { ...job, kind: 'overdue' }, dayAfter),
      1,
    );
    assert.equal(
      await sendReturnReminder(t.db, smtp.mailer, publicUrl, { ...job, kind: 'overdue' }, dayAfter),
      0,
    );
    assert.deepEqual(await sentFor(id), [
      { kind: 'due_soon', email: 'housing.owner@anytown.example' },
      { kind: 'overdue', email: 'housing.owner@anytown.example' },
    ]);
    await waitFor(() => smtp.received.some((m) => /^Overdue: /.test(subjectOf(m))), 'the overdue e-mail');
  });

  test('a submitted return, or one not yet within its reminder days, sends nothing', async () => {
    const officer = person('performance');
    const far = await addReturn(
      t.db,
      jobs,
      officer,
      aReturnForm(officer.id, addDays(ukDate(), 60), {
        code: 'SALT',
        recipient: 'DHSC',
        service: 'ASC-AR',
        referencePeriod: '2026 to 2027',
      }),
    );
    const job: ReturnReminderJob = { councilId: officer.councilId, returnId: far, kind: 'due_soon' };
    assert.equal(await sendReturnReminder(t.db, smtp.mailer, publicUrl, job), 0);
    await sql`UPDATE statutory_returns SET status = 'submitted' WHERE id = ${far}`.execute(t.db);
    assert.equal(await sendReturnReminder(t.db, smtp.mailer, publicUrl, job, addDays(ukDate(), 55)), 0);
    assert.equal(
      await sendReturnReminder(
        t.db,
        smtp.mailer,
        publicUrl,
        { ...job, kind: 'overdue' },
        addDays(ukDate(), 61),
      ),
      0,
    );
    assert.deepEqual(await sentFor(far), []);
  });

  test('on start, the reminders of returns loaded without the queue are queued: the demo’s overdue return e-mails its owner', async () => {
    const hclic = await t.db
      .selectFrom('statutory_returns')
      .select('id')
      .where('code', '=', 'HCLIC')
      .where('due_on', '=', '2026-11-03')
      .executeTakeFirstOrThrow();
    assert.ok((await scheduleOwedReturns(t.db, jobs)) > 3);
    await waitFor(
      async () => (await sentFor(hclic.id)).some((r) => r.kind === 'overdue'),
      'the demo’s overdue reminder',
    );
    // Scheduling again, as the next start would, sends nothing new.
    await scheduleOwedReturns(t.db, jobs);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(
      (await sentFor(hclic.id)).map((r) => r.kind),
      ['overdue'],
    );
  });
});
