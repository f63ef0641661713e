// Engineer E's scratch script (not committed): loads the bench council and keeps the cluster for EXPLAIN.
import { chmod, mkdtemp } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { connect } from '../src/db/connection.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateCouncil } from './generate.ts';

const dataDir = await mkdtemp('/tmp/e/b/pg-');
await chmod(dataDir, 0o755);
const cluster = await startEmbedded(dataDir, { quiet: true });
const db = connect(cluster.url);
await migrate(db);
const c = await generateCouncil(db, { measures: 2000, months: 120, seed: 20261031, databaseUrl: cluster.url });
writeFileSync('/tmp/e/b/info.json', JSON.stringify({ url: cluster.url, councilId: c.councilId, token: c.apiToken, dataDir }));
await db.destroy();
console.log('ready', cluster.url);
