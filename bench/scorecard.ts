// Times GET /api/v1/scorecard for a 2,000-measure council against a static JSON body of the same size from the
// same server, so the ratio isolates what the scorecard itself costs (SQL, judging, serialising) over HTTP.
import { parsePeriod, periodEnd } from '../src/assessment/index.ts';
import { readConfig } from '../src/config.ts';
import type { Db } from '../src/db/connection.ts';
import { presentScorecard } from '../src/reporting/reporting.routes.ts';
import { scorecardRows } from '../src/reporting/scorecard.queries.ts';
import { latestPeriodWithData, scorecard } from '../src/reporting/scorecard.service.ts';
import { buildServer } from '../src/web/server.ts';
import { withFreshDatabase } from './cluster.ts';
import { generateCouncil } from './generate.ts';
import {
  figure,
  latencyRows,
  summarise,
  timed,
  timeInterleaved,
  type BenchRow,
  type Timed,
} from './measure.ts';

export const title = 'Scorecard API';

const SCORECARD_URL = '/api/v1/scorecard';
const STATIC_URL = '/bench/static.json';
const NO_OP_URL = '/bench/signed-in.json';
const PUBLIC_NO_OP_URL = '/bench/public.json';
const GOAL_RATIO = 3;
const SEED = 20261031;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

async function fetchBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  }
  return body;
}

/**
 * A no-op write to one measure: it changes nothing a reader sees, but it is a change, so anything the scorecard
 * caches must be thrown away. Timing the request after it gives the cost a user meets after each data entry.
 */
function touchOneMeasure(db: Db, councilId: string): () => Promise<unknown> {
  return () =>
    db
      .updateTable('measures')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('measures')
          .select((m) => m.fn.min('id').as('id'))
          .where('council_id', '=', councilId),
      )
      .execute();
}

/** In-process timings of the parts behind the route, to tell the query from judging and serialising. */
async function partRows(db: Db, councilId: string, warmup: number, count: number): Promise<BenchRow[]> {
  const reach = null;
  const card = await scorecard(db, { councilId, reach });
  const end = card.period ? periodEnd(parsePeriod(card.period)) : '0001-01-01';
  const parts: [string, Timed][] = [
    ['latest period lookup (latestPeriodWithData)', () => latestPeriodWithData(db, councilId, reach)],
    ['scorecard SQL alone (scorecardRows)', () => scorecardRows(db, { councilId, reach, periodEnd: end })],
    ['scorecard service, nothing changed since the last call', () => scorecard(db, { councilId, reach })],
    ['present + JSON.stringify', async () => JSON.stringify(presentScorecard(card))],
  ];
  const samples = await timeInterleaved(
    parts.map(([, work]) => work),
    warmup,
    count,
  );
  const [afterChange = []] = await timeInterleaved(
    [{ setup: touchOneMeasure(db, councilId), work: () => scorecard(db, { councilId, reach }) }],
    warmup,
    count,
  );
  return [
    ...parts.map(([name], k) => figure(`${name} p50`, summarise(samples[k] ?? []).p50, 'ms')),
    figure('scorecard service, just after a change to a measure p50', summarise(afterChange).p50, 'ms'),
  ];
}

export async function run(): Promise<BenchRow[]> {
  const measures = envNumber('BENCH_MEASURES', 2000);
  const months = envNumber('BENCH_MONTHS', 120);
  const warmup = envNumber('BENCH_WARMUP', 5);
  const count = envNumber('BENCH_REQUESTS', 50);
  return withFreshDatabase(async ({ db, url }) => {
    const load = await timed(() => generateCouncil(db, { measures, months, seed: SEED, databaseUrl: url }));
    const council = load.result;
    const size = await db
      .selectNoFrom((eb) => eb.fn<string>('pg_database_size', [eb.fn('current_database')]).as('bytes'))
      .executeTakeFirstOrThrow();

    const app = await buildServer({ db, config: { ...readConfig(), logLevel: 'silent' } }, { logger: false });
    if (!app.routeCatalogue.some((r) => r.method === 'GET' && r.url === SCORECARD_URL)) {
      throw new Error(
        `the server has no GET ${SCORECARD_URL}: is the reporting module in src/web/routes.ts?`,
      );
    }
    // Filled in once the scorecard's size is known: routes must exist before listen, their bodies need not.
    let staticBody = Buffer.alloc(0);
    app.get(STATIC_URL, { config: { access: 'public' } }, async (_request, reply) =>
      reply.type('application/json').send(staticBody),
    );
    app.get(NO_OP_URL, { config: { access: 'signed_in' } }, async () => ({}));
    app.get(PUBLIC_NO_OP_URL, { config: { access: 'public' } }, async () => ({}));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const auth = { authorization: `Bearer ${council.apiToken}` };

      const first = await fetchBody(base + SCORECARD_URL, auth);
      const returned = (JSON.parse(first.toString('utf8')) as { measures?: unknown[] }).measures?.length ?? 0;
      staticBody = Buffer.from(first);
      // Taking turns, so the machine's load falls alike on the scorecard and on the baselines it is judged by.
      const [card, plain, signedIn, open] = (
        await timeInterleaved(
          [
            () => fetchBody(base + SCORECARD_URL, auth),
            () => fetchBody(base + STATIC_URL, {}),
            () => fetchBody(base + NO_OP_URL, auth),
            () => fetchBody(base + PUBLIC_NO_OP_URL, {}),
          ],
          warmup,
          count,
        )
      ).map(summarise);
      // A pass of its own: its heavier requests would otherwise leave garbage for the ones judged by the goal.
      const [changed] = (
        await timeInterleaved(
          [
            {
              setup: touchOneMeasure(db, council.councilId),
              work: () => fetchBody(base + SCORECARD_URL, auth),
            },
          ],
          warmup,
          count,
        )
      ).map(summarise);
      if (!card || !plain || !signedIn || !open || !changed) throw new Error('a timing went missing');
      const ratio = card.p50 / plain.p50;

      return [
        figure(`load ${measures} measures × ${months} months (total)`, load.ms / 1000, 's'),
        ...council.phases.map((p) => figure(`  load: ${p.name}`, p.ms / 1000, 's')),
        figure('headline values loaded', council.values, 'rows'),
        figure('targets loaded', council.targets, 'rows'),
        figure('database size after load', Number(size.bytes) / 2 ** 20, 'MiB'),
        {
          ...figure('measures in the scorecard response', returned, 'measures'),
          goal: `= ${measures}`,
          met: returned === measures,
        },
        figure('scorecard response size', first.byteLength / 1024, 'KiB'),
        ...latencyRows(`GET ${SCORECARD_URL}`, card),
        ...latencyRows('static JSON of the same size', plain),
        ...latencyRows(`GET ${SCORECARD_URL} just after a change to a measure`, changed),
        {
          ...figure('ratio scorecard p50 / static p50', ratio, '×'),
          goal: `≤ ${GOAL_RATIO}`,
          met: ratio <= GOAL_RATIO,
        },
        figure('public no-op over HTTP p50', open.p50, 'ms'),
        figure('bearer-token no-op over HTTP (the access guard) p50', signedIn.p50, 'ms'),
        ...(await partRows(db, council.councilId, warmup, count)),
        figure(
          'process RSS after the run (server, client, generator)',
          process.memoryUsage().rss / 2 ** 20,
          'MiB',
        ),
        figure('process peak RSS', process.resourceUsage().maxRSS / 1024, 'MiB'),
      ];
    } finally {
      await app.close();
    }
  });
}
