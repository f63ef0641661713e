// `scorecard serve`: start (or reuse) the database, migrate, load the demo council on first run, and serve.
import { readConfig } from '../config.ts';
import { loadDemo } from '../demo/load.ts';
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
  const app = await buildServer({ db: runtime.db, config });
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
  await app.listen({ port: config.port, host: config.host });
  console.log(`Civic Scorecard is running at http://${config.host}:${config.port}/`);
}
