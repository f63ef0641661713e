// Opens the database a command needs (reusing a running server's embedded cluster), migrates it, and always
// closes what it opened, so a CLI command never leaves a second PostgreSQL behind.
import { connect, type Db } from '../db/connection.ts';
import { openDatabase, type DatabaseHandle } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';

export interface Runtime {
  db: Db;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export async function openRuntime(options: { quiet?: boolean } = {}): Promise<Runtime> {
  const handle = await openDatabase(options);
  const db = connect(handle.url);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    await handle.stop();
    throw error;
  }
  let closed = false;
  return {
    db,
    handle,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await handle.stop();
    },
  };
}

export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime({ quiet: true });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export async function defaultCouncilId(db: Db, slug?: string): Promise<string> {
  const query = db.selectFrom('councils').select(['id', 'slug']).orderBy('id');
  const council = await (slug ? query.where('slug', '=', slug) : query).executeTakeFirst();
  if (!council)
    throw new Error(slug ? `No council with slug '${slug}'` : 'No council yet: run `scorecard demo` first');
  return String(council.id);
}
