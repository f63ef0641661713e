// bench/load's load generator, in a process of its own so it does not share the server's JavaScript thread: signs
// every virtual user in, lets them warm the server up untimed, then has each do its next action as soon as the last
// one ends (plus any think time) for the timed window. Reports one line of JSON: every latency by kind, failures,
// and every acknowledged write.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomFor } from '../src/demo/random.ts';
import { reportOnStdout, required } from './child.ts';
import { VirtualUserSession, type AcknowledgedWrite, type Failure, type Recorder } from './load-client.ts';
import { figuresByKind, pickAction, type KindFigures, type Mix, type VirtualUser } from './load-mix.ts';

/** What bench/load gives its child, as a JSON file. */
export interface LoadPlan {
  base: string;
  users: VirtualUser[];
  mix: Mix;
  seconds: number;
  warmupSeconds: number;
  thinkMs: number;
  /** The server's process id, to read its CPU time (Linux /proc) at the window's start and end. */
  serverPid: number;
}

export interface LoadChildReport {
  seconds: number;
  figures: KindFigures[];
  statuses: Record<string, number>;
  failures: Failure[];
  writes: AcknowledgedWrite[];
  signInMs: number;
  /** Each distinct report file's first download, before the window (ms): the render its first reader waits for. */
  firstDownloadMs: number[];
  /** CPU time the server's process (every thread) used in the window, ms; null where /proc cannot tell. */
  serverCpuMs: number | null;
  /** The machine's 1-minute load average as the window opened and as it closed: other work shares the cores. */
  loadAverage: [number, number];
}

/** utime + stime of a process in ms (Linux), or null. */
async function cpuMsOf(pid: number): Promise<number | null> {
  try {
    // The command name, in parentheses, may hold spaces: count the fields after its closing parenthesis.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const CHILD = 'bench/load-child.ts';
/** Sign-ins at once: each costs the server an argon2 verification, which is slow by design. */
const SIGN_IN_CONCURRENCY = 8;

async function signInAll(sessions: VirtualUserSession[]): Promise<void> {
  const queue = [...sessions];
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await s.signIn();
    }),
  );
}

await reportOnStdout(async (): Promise<LoadChildReport> => {
  const plan = JSON.parse(await readFile(required('BENCH_LOAD_PLAN', CHILD), 'utf8')) as LoadPlan;
  const recorder: Recorder = { measuring: false, samples: [], failures: [], writes: [] };
  const sessions = plan.users.map((u) => new VirtualUserSession(new URL(plan.base), u, recorder));
  const signInStart = Date.now();
  await signInAll(sessions);
  const signInMs = Date.now() - signInStart;
  // A published report's file is rendered for its first reader and kept: asked for once each here, all at once (the
  // server writes one at a time), so the window measures what readers meet once a report has been out a while.
  const firsts = new Map<string, VirtualUserSession>();
  for (const s of sessions) if (s.user.actions.includes('download')) firsts.set(s.user.download, s);
  const firstDownloadMs =
    plan.mix.download > 0 ? await Promise.all([...firsts.values()].map((s) => s.firstDownload())) : [];
  const warmEnd = Date.now() + plan.warmupSeconds * 1000;
  const end = warmEnd + plan.seconds * 1000;
  let cpuAtStart: Promise<number | null> = Promise.resolve(null);
  let loadAtStart = 0;
  const timer = setTimeout(() => {
    recorder.measuring = true;
    cpuAtStart = cpuMsOf(plan.serverPid);
    loadAtStart = loadavg()[0] ?? 0;
  }, plan.warmupSeconds * 1000);
  const closing = setTimeout(
    () => {
      // Requests still in flight are timed to their end; only the CPU reading is taken at the close.
      cpuAtEnd = cpuMsOf(plan.serverPid);
      loadAtEnd = loadavg()[0] ?? 0;
    },
    (plan.warmupSeconds + plan.seconds) * 1000,
  );
  let cpuAtEnd: Promise<number | null> = Promise.resolve(null);
  let loadAtEnd = 0;
  // Each user its own seeded stream, so runs with the same settings ask for the same things in the same order.
  await Promise.all(
    sessions.map(async (session) => {
      const random = randomFor(20261127, session.user.email);
      while (Date.now() < end) {
        const action = pickAction(plan.mix, session.user.actions, random.next());
        if (!action) return;
        await session.act(action);
        if (plan.thinkMs > 0) await sleep(plan.thinkMs * (0.5 + random.next()));
      }
    }),
  );
  clearTimeout(timer);
  clearTimeout(closing);
  for (const s of sessions) s.close();
  const [cpuStart, cpuEnd] = await Promise.all([cpuAtStart, cpuAtEnd]);
  const timed = recorder.samples;
  const statuses: Record<string, number> = {};
  for (const s of timed) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    seconds: plan.seconds,
    figures: figuresByKind(timed, plan.seconds),
    statuses,
    failures: recorder.failures,
    writes: recorder.writes,
    signInMs,
    firstDownloadMs,
    serverCpuMs: cpuStart != null && cpuEnd != null ? cpuEnd - cpuStart : null,
    loadAverage: [loadAtStart, loadAtEnd],
  };
});
