// One run of bench/load on a database holding the demo council: cast the users, start `scorecard serve`, drive it
// from the load generator's own process, then check every acknowledged write against the database. Shared by the
// benchmark and its test.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Db } from '../src/db/connection.ts';
import { DEMO_COUNCIL } from '../src/demo/structure.ts';
import type { LoadChildReport, LoadPlan } from './load-child.ts';
import type { Mix } from './load-mix.ts';
import { castUsers } from './load-plan.ts';
import { startServer } from './load-server.ts';
import { checkWrites, type WritesFound } from './load-writes.ts';

const repository = fileURLToPath(new URL('..', import.meta.url));

export interface LoadSettings {
  users: number;
  seconds: number;
  warmupSeconds: number;
  thinkMs: number;
  mix: Mix;
  /** The report file downloaded: docx, pdf, xlsx or csv. */
  format: string;
  logLevel: string;
}

export interface LoadOutcome {
  report: LoadChildReport;
  writes: WritesFound;
  /** Lines of the server's log at level error (50) or worse: what a 5xx left behind. */
  serverErrors: string[];
}

export async function driveLoad(db: Db, url: string, settings: LoadSettings): Promise<LoadOutcome> {
  const council = await db
    .selectFrom('councils')
    .select('id')
    .where('slug', '=', DEMO_COUNCIL.slug)
    .executeTakeFirst();
  if (!council)
    throw new Error(`the database has no demo council (slug ${DEMO_COUNCIL.slug}): load it first`);
  const councilId = String(council.id);
  const users = await castUsers(db, councilId, settings.users, settings.format);
  const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-bench-load-'));
  try {
    const logFile = path.join(dir, 'server.log');
    const server = await startServer(url, logFile, settings.logLevel);
    let report: LoadChildReport;
    try {
      const plan: LoadPlan = {
        base: server.base,
        users,
        mix: settings.mix,
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        thinkMs: settings.thinkMs,
        serverPid: server.pid,
      };
      const planFile = path.join(dir, 'plan.json');
      await writeFile(planFile, JSON.stringify(plan));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join('bench', 'load-child.ts')],
        {
          cwd: repository,
          env: { ...process.env, BENCH_LOAD_PLAN: planFile, NODE_OPTIONS: '' },
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as LoadChildReport;
    } finally {
      await server.stop();
    }
    const serverErrors = (await readFile(logFile, 'utf8'))
      .split('\n')
      .filter((line) => /"level":(5|6)\d/.test(line));
    return { report, writes: await checkWrites(db, councilId, report.writes), serverErrors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
