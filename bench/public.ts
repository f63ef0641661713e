// Drives the residents' site as a crowd would: the demo council's public home page and one measure page, each with
// 100 connections for 20 s from autocannon (in a process of its own), beside the same server sending a static file
// of the same size, in the same run. Goals: at least half the static file's requests/s, and p95 under 100 ms.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fastifyStatic from '@fastify/static';
import { readConfig } from '../src/config.ts';
import { loadDemo } from '../src/demo/load.ts';
import { publicCouncil } from '../src/public/public-council.ts';
import { publicMeasureIds } from '../src/public/public-model.ts';
import { buildServer } from '../src/web/server.ts';
import { withFreshDatabase } from './cluster.ts';
import { figure, type BenchRow } from './measure.ts';
import type { LoadReport } from './public-child.ts';

export const title = "Residents' site under load";

const STATIC_PREFIX = '/bench-static/';
const GOAL_SHARE = 0.5;
const GOAL_P95_MS = 100;
const repository = fileURLToPath(new URL('..', import.meta.url));

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

/** The pages driven: BENCH_PUBLIC_PATHS (comma-separated, `{code}` stands for a public measure's code) or the defaults. */
function pagesToDrive(code: string): string[] {
  const given = process.env.BENCH_PUBLIC_PATHS?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return (given?.length ? given : ['/public', '/public/measures/{code}']).map((p) =>
    p.replaceAll('{code}', encodeURIComponent(code)),
  );
}

async function load(url: string, connections: number, seconds: number): Promise<LoadReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join('bench', 'public-child.ts')],
    {
      cwd: repository,
      env: {
        ...process.env,
        BENCH_LOAD_URL: url,
        BENCH_LOAD_CONNECTIONS: String(connections),
        BENCH_LOAD_SECONDS: String(seconds),
        NODE_OPTIONS: '',
      },
      maxBuffer: 1024 * 1024,
    },
  );
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as LoadReport;
  if (report.non2xx > 0 || report.errors > 0)
    throw new Error(`${url}: ${report.non2xx} answers were not 2xx and ${report.errors} failed under load`);
  return report;
}

/** Requests/s and latencies; p95 too unless the caller reports it against its goal. */
function rowsFor(label: string, report: LoadReport, p95 = true): BenchRow[] {
  return [
    figure(`${label} requests/s`, report.perSecond, 'req/s'),
    figure(`${label} p50`, report.p50, 'ms'),
    ...(p95 ? [figure(`${label} p95`, report.p95, 'ms')] : []),
    figure(`${label} p99`, report.p99, 'ms'),
  ];
}

export async function run(): Promise<BenchRow[]> {
  const connections = envNumber('BENCH_CONNECTIONS', 100);
  const seconds = envNumber('BENCH_SECONDS', 20);
  return withFreshDatabase(async ({ db }) => {
    await loadDemo(db);
    const council = await publicCouncil(db, undefined);
    const [firstId] = council ? await publicMeasureIds(db, council.id) : [];
    const measure = firstId
      ? await db.selectFrom('measures').select('code').where('id', '=', firstId).executeTakeFirst()
      : undefined;
    if (!measure) throw new Error('the demo council has no public measure');
    // Nothing here is rate limited: the load comes from one address, as no resident's would.
    const config = {
      ...readConfig({ ...process.env, PUBLIC_RATE_LIMIT: String(2 ** 30) }),
      logLevel: 'silent',
    };
    const app = await buildServer({ db, config }, { logger: false });
    const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-bench-public-'));
    try {
      app.addHook('onRoute', (route) => {
        if (route.url.startsWith(STATIC_PREFIX)) route.config = { ...route.config, access: 'public' };
      });
      await app.register(fastifyStatic, { root: dir, prefix: STATIC_PREFIX, decorateReply: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const rows: BenchRow[] = [];
      for (const [i, page] of pagesToDrive(measure.code).entries()) {
        const response = await fetch(base + page);
        const body = Buffer.from(await response.arrayBuffer());
        if (!response.ok) {
          throw new Error(
            `GET ${page} answered ${response.status}: are the residents' pages on this branch? Set BENCH_PUBLIC_PATHS to drive others.`,
          );
        }
        const file = `page-${i}.bin`;
        await writeFile(path.join(dir, file), body);
        const fixed = await load(`${base}${STATIC_PREFIX}${file}`, connections, seconds);
        const served = await load(base + page, connections, seconds);
        const share = served.perSecond / fixed.perSecond;
        rows.push(
          figure(`${page} size`, body.length, 'bytes'),
          ...rowsFor(page, served, false),
          ...rowsFor(`static file of the same size (for ${page})`, fixed),
          {
            name: `${page} requests/s ÷ static's`,
            value: share,
            unit: '×',
            goal: `≥ ${GOAL_SHARE}`,
            met: share >= GOAL_SHARE,
          },
          {
            name: `${page} p95`,
            value: served.p95,
            unit: 'ms',
            goal: `< ${GOAL_P95_MS}`,
            met: served.p95 < GOAL_P95_MS,
          },
        );
      }
      rows.push(figure('connections per run', connections, ''), figure('length of each run', seconds, 's'));
      return rows;
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
