// The server bench/load drives: `scorecard serve` itself (compiled, as `npm start` runs it, with its job workers) in
// a process of its own on a database the benchmark prepared, listening on 127.0.0.1. Its log goes to a file, so a
// 5xx's request id can be looked up afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const repository = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no free port on 127.0.0.1');
  return address.port;
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => child.kill('SIGKILL'));
  await Promise.race([exit, timeout]);
}

/** `logLevel`: the server's LOG_LEVEL (`info`, as in production, logs every request). */
export async function startServer(
  databaseUrl: string,
  logFile: string,
  logLevel = 'info',
): Promise<RunningServer> {
  const port = await freePort();
  const log = createWriteStream(logFile);
  // BENCH_LOAD_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server (written as it stops).
  const nodeArgs = (process.env.BENCH_LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'bin/scorecard.js', 'serve'], {
    cwd: repository,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`scorecard serve exited with ${child.exitCode}: see ${logFile}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopped(child);
      throw new Error(`scorecard serve did not answer /healthz within 120 s: see ${logFile}`);
    }
    await sleep(200);
  }
  return {
    base,
    pid: child.pid ?? 0,
    stop: async () => {
      await stopped(child);
      log.end();
    },
  };
}
