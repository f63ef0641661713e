// scratch (not committed): the server for a fixed time, then exit (so --cpu-prof writes)
import { readConfig } from '../src/config.ts';
import { connect } from '../src/db/connection.ts';
import { buildServer } from '../src/web/server.ts';
const db = connect(process.env.DATABASE_URL ?? '');
const app = await buildServer({ db, config: { ...readConfig(), logLevel: 'warn' } });
await app.listen({ port: 3999, host: '127.0.0.1' });
console.log('up');
setTimeout(() => process.exit(0), Number(process.env.T ?? 60) * 1000);
