// Collection rounds' e-mails end to end: opening a round queues its reminders with pg-boss, a worker sends them
// through SMTP, and a real SMTP listener on loopback receives them; each person gets each kind once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findUserByEmail, toCurrentUser } from '../../access/users.queries.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { openRound } from '../rounds/rounds.service.ts';
import { createJobs, type Jobs } from '../../jobs/jobs.ts';
import type { Mailer } from '../../jobs/mailer.ts';
import { smtpListener, subjectOf, type Received, type SmtpListener } from '../../testing/smtp.ts';
import { sendRoundReminders } from './reminders.ts';

let t: TestDatabase;
let smtp: SmtpListener;
let jobs: Jobs;
let mailer: Mailer;
const silent = { error: () => undefined, info: () => undefined };

before(async () => {
  t = await freshDatabase('demo');
  smtp = await smtpListener();
  mailer = smtp.mailer;
  jobs = createJobs(t.db, silent);
  await jobs.work((job) => sendRoundReminders(t.db, mailer, 'https://scorecard.anytown.example', job), {
    pollingIntervalSeconds: 0.5,
  });
});
after(async () => {
  await jobs.stop();
  await smtp.close();
  await t.drop();
});

async function officer() {
  const row = await findUserByEmail(t.db, 'performance@anytown.example');
  assert.ok(row);
  return toCurrentUser(row, null);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Waits until no e-mail has arrived for a second and a half: every owner's has been sent. */
async function settled(): Promise<void> {
  for (let count = -1; count !== smtp.received.length;) {
    count = smtp.received.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

const unfolded = (m: Received) => m.raw.replace(/=\r?\n/g, '').replace(/\r\n/g, '\n');

describe('collection round reminders', () => {
  test('opening a past round e-mails each owner that it is open and, as its deadline has gone, that it is late', async () => {
    const round = await openRound(t.db, jobs, await officer(), {
      period: '2025-10',
      deadline: '2025-11-14',
      reminderDays: 3,
    });
    await waitFor(
      () =>
        smtp.received.some(
          (m) =>
            m.to.includes('housing.owner@anytown.example') &&
            subjectOf(m).startsWith('Figures for October 2025'),
        ) && smtp.received.some((m) => subjectOf(m).startsWith('Late: figures for October 2025')),
      'the opened and late e-mails',
    );
    const housing = smtp.received.find(
      (m) => m.to.includes('housing.owner@anytown.example') && subjectOf(m).startsWith('Figures for'),
    );
    assert.ok(housing, 'the housing data owner is told the round is open');
    assert.equal(subjectOf(housing), 'Figures for October 2025 are due by 14 Nov 2025');
    const text = unfolded(housing);
    assert.match(text, /The October 2025 collection round is open/);
    assert.match(text, /- HOU-\d\d .+ \(October 2025\)/);
    assert.match(text, /Enter them at https:\/\/scorecard\.anytown\.example\/my-measures/);
    // Each e-mail is recorded just after it is sent: once the e-mails stop arriving, every record is in.
    await settled();
    const sent = await t.db
      .selectFrom('round_reminders_sent')
      .select(['kind', 'email'])
      .where('round_id', '=', round.id)
      .execute();
    assert.ok(sent.some((s) => s.kind === 'opened' && s.email === 'housing.owner@anytown.example'));
    // The late e-mail lists only figures not yet submitted: the demo's October 2025 figures are all in, so an
    // owner hears of lateness only for measures they have not submitted.
    for (const late of smtp.received.filter((m) => subjectOf(m).startsWith('Late:')))
      assert.match(unfolded(late), /were due by 14 Nov 2025 and are not submitted yet/);
  });

  test('a job run again sends nobody a second e-mail of the same kind', async () => {
    const round = await openRound(t.db, jobs, await officer(), {
      period: '2025-09',
      deadline: '2026-12-31',
      reminderDays: 3,
    });
    await waitFor(
      () => smtp.received.some((m) => subjectOf(m).startsWith('Figures for September 2025')),
      'the opened e-mails',
    );
    await settled();
    const before = smtp.received.length;
    const again = await sendRoundReminders(t.db, mailer, 'https://x.example', {
      councilId: round.council_id,
      roundId: round.id,
      kind: 'opened',
    });
    assert.equal(again, 0);
    assert.equal(smtp.received.length, before);
  });

  test('a second round for the same period is refused, naming the period', async () => {
    await assert.rejects(
      openRound(t.db, jobs, await officer(), { period: '2025-10', deadline: '2025-11-30', reminderDays: 3 }),
      /A round for October 2025 is already open/,
    );
  });

  test('a bad period, a deadline before the period ends and a bad reminder are each named', async () => {
    await assert.rejects(
      openRound(t.db, jobs, await officer(), { period: '2025-13', deadline: '2025-11-30', reminderDays: 3 }),
      (error: { details: { field: string }[] }) => error.details[0]?.field === 'period',
    );
    await assert.rejects(
      openRound(t.db, jobs, await officer(), { period: '2025-08', deadline: '2025-08-15', reminderDays: 3 }),
      /cannot be due before the period ends/,
    );
    await assert.rejects(
      openRound(t.db, jobs, await officer(), { period: '2025-07', deadline: '2025-08-15', reminderDays: -1 }),
      /whole number of days from 0 to 60/,
    );
  });
});
