// `scorecard serve`: start (or reuse) the database, migrate, load the demo council on first run, and serve.
import { readConfig } from '../config.ts';
import { loadDemo } from '../demo/load.ts';
import { createJobs } from '../jobs/jobs.ts';
import { createMailer } from '../jobs/mailer.ts';
import { sendRoundReminders } from '../collection/reminders/reminders.ts';
import { scheduleOwedReturns, sendReturnReminder } from '../assurance/returns/reminders.ts';
import { runReportJob } from '../reporting/reports/reports.service.ts';
import { closeChartPool, startChartPool } from '../reporting/chart-pool.ts';
import { buildServer } from '../web/server.ts';
import { openRuntime } from './runtime.ts';

export async function serve(): Promise<void> {
  const config = readConfig();
  const runtime = await openRuntime();
  const councils = await runtime.db
    .selectFrom('councils')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(councils.n) === 0) {
    console.log('First run: loading the demo council, Anytown Borough Council…');
    const loaded = await loadDemo(runtime.db);
    console.log(`Loaded ${loaded.measures} measures and ${loaded.values} values.`);
  }
  const jobs = createJobs(runtime.db, { error: (object, message) => app.log.error(object, message) });
  const app = await buildServer({ db: runtime.db, config, jobs });
  // Reminders are worked here, from the queue in PostgreSQL: a restart loses none, and several servers share it.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }, app.log);
  app.addHook('onClose', async () => mailer.close());
  await jobs.work((job) => sendRoundReminders(runtime.db, mailer, config.publicUrl, job));
  await jobs.workReturns((job) => sendReturnReminder(runtime.db, mailer, config.publicUrl, job));
  await scheduleOwedReturns(runtime.db, jobs);
  await jobs.workReports((job) => runReportJob(runtime.db, mailer, config.publicUrl, job));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stopping`);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await startChartPool();
  app.addHook('onClose', closeChartPool);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Civic Scorecard is running at http://${config.host}:${config.port}/`);
}
