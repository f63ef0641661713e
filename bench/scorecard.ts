// Times GET /api/v1/scorecard for a 2,000-measure council against a static JSON body of the same size from the
// same server, so the ratio isolates what the scorecard itself costs (SQL, judging, serialising) over HTTP.
import type { FastifyInstance } from 'fastify';
import { servicesInReach } from '../src/access/scope.ts';
import { readConfig } from '../src/config.ts';
import type { Db } from '../src/db/connection.ts';
import { scorecard } from '../src/reporting/scorecard.service.ts';
import { scorecardRows } from '../src/reporting/scorecard.queries.ts';
import { buildServer } from '../src/web/server.ts';
import { withFreshDatabase } from './cluster.ts';
import { generateCouncil } from './generate.ts';
import { latencyRows, summarise, timed, timeSequential, type BenchRow } from './measure.ts';

export const title = 'Scorecard API';

const SCORECARD_URL = '/api/v1/scorecard';
const STATIC_URL = '/bench/static.json';
/** Stand-in while the real route is not registered: the same service behind the same guard. */
const SERVICE_URL = '/bench/scorecard-service.json';
const GOAL_RATIO = 3;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

function hasRoute(app: FastifyInstance, url: string): boolean {
  return app.routeCatalogue.some((route) => route.method === 'GET' && route.url === url);
}

async function fetchBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  return body;
}

/** In-process timings of the parts behind the route, to tell the query from judging and serialising. */
async function partRows(db: Db, councilId: string, warmup: number, count: number): Promise<BenchRow[]> {
  const reach = null;
  const card = await scorecard(db, { councilId, reach });
  const sqlOnly = await timeSequential(
    () => scorecardRows(db, { councilId, reach, periodEnd: '2026-10-31' }),
    warmup,
    count,
  );
  const service = await timeSequential(() => scorecard(db, { councilId, reach }), warmup, count);
  const stringify = await timeSequential(async () => JSON.stringify(card), warmup, count);
  return [
    {
      name: 'scorecard SQL alone (scorecardRows) p50',
      value: summarise(sqlOnly).p50,
      unit: 'ms',
      goal: '',
      met: null,
    },
    {
      name: 'scorecard service (period + SQL + judging) p50',
      value: summarise(service).p50,
      unit: 'ms',
      goal: '',
      met: null,
    },
    {
      name: 'JSON.stringify of the service result p50',
      value: summarise(stringify).p50,
      unit: 'ms',
      goal: '',
      met: null,
    },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const measures = envNumber('BENCH_MEASURES', 2000);
  const months = envNumber('BENCH_MONTHS', 120);
  const warmup = envNumber('BENCH_WARMUP', 5);
  const count = envNumber('BENCH_REQUESTS', 50);
  return withFreshDatabase(async ({ db, url }) => {
    const load = await timed(() =>
      generateCouncil(db, { measures, months, seed: 20261031, databaseUrl: url }),
    );
    const council = load.result;
    const sizes = await db
      .selectNoFrom((eb) => eb.fn<string>('pg_database_size', [eb.fn('current_database')]).as('bytes'))
      .executeTakeFirstOrThrow();

    const app = await buildServer({ db, config: { ...readConfig(), logLevel: 'silent' } }, { logger: false });
    // Filled in once the scorecard's size is known; routes must exist before listen, their bodies need not.
    let staticBody = Buffer.alloc(0);
    app.get(STATIC_URL, { config: { access: 'public' } }, async (_request, reply) =>
      reply.type('application/json').send(staticBody),
    );
    const viaRoute = hasRoute(app, SCORECARD_URL);
    if (!viaRoute) {
      app.get(SERVICE_URL, { config: { access: 'value.read' } }, async (request) => {
        const user = request.user;
        if (!user) throw new Error('the guard lets no anonymous caller through');
        return scorecard(db, {
          councilId: user.councilId,
          reach: await servicesInReach(db, user, 'value.read'),
        });
      });
    }
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const auth = { authorization: `Bearer ${council.apiToken}` };
      const target = base + (viaRoute ? SCORECARD_URL : SERVICE_URL);

      const first = await fetchBody(target, auth);
      const returned = (JSON.parse(first.toString('utf8')) as { measures?: unknown[] }).measures?.length ?? 0;
      staticBody = Buffer.from(first);
      const scorecardTimes = summarise(await timeSequential(() => fetchBody(target, auth), warmup, count));
      const staticTimes = summarise(
        await timeSequential(() => fetchBody(base + STATIC_URL, {}), warmup, count),
      );
      const ratio = scorecardTimes.p50 / staticTimes.p50;
      const label = viaRoute
        ? `GET ${SCORECARD_URL}`
        : `scorecard service over HTTP (route not registered yet)`;
      const memory = process.memoryUsage();

      return [
        {
          name: `generate + COPY load (${measures} measures × ${months} months)`,
          value: load.ms / 1000,
          unit: 's',
          goal: '',
          met: null,
        },
        { name: 'headline values loaded', value: council.values, unit: 'rows', goal: '', met: null },
        { name: 'targets loaded', value: council.targets, unit: 'rows', goal: '', met: null },
        {
          name: 'database size after load',
          value: Number(sizes.bytes) / 2 ** 20,
          unit: 'MiB',
          goal: '',
          met: null,
        },
        {
          name: 'measures in the scorecard response',
          value: returned,
          unit: 'measures',
          goal: `= ${measures}`,
          met: returned === measures,
        },
        { name: 'scorecard response size', value: first.byteLength / 1024, unit: 'KiB', goal: '', met: null },
        ...latencyRows(`${label}`, scorecardTimes),
        ...latencyRows(`static JSON of the same size`, staticTimes),
        {
          name: 'ratio scorecard p50 / static p50',
          value: ratio,
          unit: '×',
          goal: `≤ ${GOAL_RATIO}`,
          met: ratio <= GOAL_RATIO,
        },
        ...(await partRows(db, council.councilId, warmup, count)),
        {
          name: 'process RSS after the run (server, client, generator)',
          value: memory.rss / 2 ** 20,
          unit: 'MiB',
          goal: '',
          met: null,
        },
        {
          name: 'process peak RSS',
          value: process.resourceUsage().maxRSS / 1024,
          unit: 'MiB',
          goal: '',
          met: null,
        },
      ];
    } finally {
      await app.close();
    }
  });
}
