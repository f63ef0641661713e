// scratch (not committed): a persistent demo DB with load users for profiling
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { startEmbedded } from '../src/db/embedded.ts';
import { connect } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { castUsers } from './load-plan.ts';
const dir = await mkdtemp('/tmp/loadx/db-');
await chmod(dir, 0o755);
const cluster = await startEmbedded(dir, { quiet: true });
const db = connect(cluster.url);
await migrate(db);
const { councilId } = await loadDemo(db);
const users = await castUsers(db, councilId, 200, process.env.FMT ?? 'docx');
await writeFile('/tmp/loadx/users.json', JSON.stringify(users));
await writeFile('/tmp/loadx/url', cluster.url);
console.log(cluster.url);
await db.destroy();
setInterval(() => {}, 1 << 30);
