// 200 signed-in users of the demo council for 60 s against `scorecard serve` on loopback, each doing its next thing
// a few seconds after the last is done: the overview, a measure page, entering a figure, downloading a published
// report.
// Goals: zero 5xx, zero lost writes, p95 under 300 ms on the 2-core machine.
import { loadDemo } from '../src/demo/load.ts';
import { withFreshDatabase } from './cluster.ts';
import { parseMix } from './load-mix.ts';
import { driveLoad, type LoadSettings } from './load-run.ts';
import { figure, type BenchRow } from './measure.ts';

export const title = '200 signed-in users for 60 s: overview, measure page, data entry, report download';

const GOAL_P95_MS = 300;
const FORMATS = ['docx', 'pdf', 'xlsx', 'csv'];

function envNumber(name: string, fallback: number, { zero = false } = {}): number {
  const raw = process.env[name];
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value < 0 || (!zero && value === 0) || (raw != null && raw.trim() === ''))
    throw new RangeError(`${name} must be a number${zero ? ' ≥ 0' : ' > 0'}, not '${raw}'`);
  return value;
}

/** BENCH_LOAD_USERS, _SECONDS, _WARMUP, _THINK_MS, _MIX, _FORMAT, _LOG_LEVEL; the goals are for the defaults. */
export function settingsFromEnv(): LoadSettings {
  const format = process.env.BENCH_LOAD_FORMAT ?? 'docx';
  if (!FORMATS.includes(format))
    throw new RangeError(`BENCH_LOAD_FORMAT must be one of ${FORMATS.join(', ')}, not '${format}'`);
  return {
    users: Math.round(envNumber('BENCH_LOAD_USERS', 200)),
    seconds: envNumber('BENCH_LOAD_SECONDS', 60),
    warmupSeconds: envNumber('BENCH_LOAD_WARMUP', 5, { zero: true }),
    // A user reads what a page shows before the next click: 1.5–4.5 s here, brisker than people are. 0 makes every
    // user click again the moment a page arrives (a stress test: see bench/README.md).
    thinkMs: envNumber('BENCH_LOAD_THINK_MS', 3000, { zero: true }),
    mix: parseMix(process.env.BENCH_LOAD_MIX),
    format,
    logLevel: process.env.BENCH_LOAD_LOG_LEVEL ?? 'info',
  };
}

export async function run(): Promise<BenchRow[]> {
  const settings = settingsFromEnv();
  return withFreshDatabase(async ({ db, url }) => {
    await loadDemo(db);
    const { report, writes, serverErrors } = await driveLoad(db, url, settings);
    const fiveHundreds = report.failures.filter((f) => f.status >= 500);
    const others = report.failures.filter((f) => f.status < 500);
    const byRoute = (list: typeof report.failures) => {
      const counts = new Map<string, number>();
      for (const f of list)
        counts.set(
          `${f.route} → ${f.status || 'no answer'}`,
          (counts.get(`${f.route} → ${f.status || 'no answer'}`) ?? 0) + 1,
        );
      return [...counts].map(([route, n]) => figure(`  ${route}`, n, 'requests'));
    };
    for (const f of report.failures.slice(0, 10))
      process.stderr.write(`failure: ${f.kind} ${f.route} ${f.status} ${f.detail}\n`);
    for (const line of serverErrors.slice(0, 5))
      process.stderr.write(`server error: ${line.slice(0, 400)}\n`);
    const overall = report.figures.find((f) => f.kind === 'all');
    const lost = writes.acknowledged - writes.found;
    const rows: BenchRow[] = [
      figure('virtual users (each its own session)', settings.users, 'users'),
      figure('timed window (after warm-up)', report.seconds, 's'),
      figure('think time between actions (mean; each drawn from ½–1½ of it)', settings.thinkMs, 'ms'),
      figure('sign-in of every user (before the window)', report.signInMs / 1000, 's'),
      figure('distinct report files downloaded', report.firstDownloadMs.length, 'files'),
      figure(
        `first download of each (rendered, one at a time, then kept): longest wait`,
        Math.max(0, ...report.firstDownloadMs) / 1000,
        's',
      ),
    ];
    for (const f of report.figures) {
      const label = f.kind === 'all' ? 'all requests' : f.kind;
      rows.push(
        figure(`${label}: requests/s`, f.perSecond, 'req/s'),
        figure(`${label}: p50`, f.p50, 'ms'),
        f.kind === 'all'
          ? { ...figure(`${label}: p95`, f.p95, 'ms'), goal: `< ${GOAL_P95_MS}`, met: f.p95 < GOAL_P95_MS }
          : figure(`${label}: p95`, f.p95, 'ms'),
        figure(`${label}: p99`, f.p99, 'ms'),
        figure(`${label}: max`, f.max, 'ms'),
      );
    }
    const cpu = report.serverCpuMs;
    rows.push(
      figure('load average (1 min) as the window opened', report.loadAverage[0], ''),
      figure('load average (1 min) as the window closed', report.loadAverage[1], ''),
      ...(cpu == null || !overall
        ? []
        : [
            figure(
              "server's CPU in the window, as cores busy (2 on this machine)",
              cpu / 1000 / report.seconds,
              'cores',
            ),
            figure("server's CPU per request in the window", cpu / overall.requests, 'ms'),
          ]),
      {
        ...figure('5xx answers', fiveHundreds.length, 'requests'),
        goal: '0',
        met: fiveHundreds.length === 0,
      },
      ...byRoute(fiveHundreds),
      figure('other errors (unexpected 4xx, no answer)', others.length, 'requests'),
      ...byRoute(others),
      figure('writes acknowledged (303 after the save)', writes.acknowledged, 'writes'),
      figure('writes found (their own revision row, value and commentary)', writes.found, 'writes'),
      { ...figure('writes lost (acknowledged − found)', lost, 'writes'), goal: '0', met: lost === 0 },
      {
        ...figure("users' figures not left at their last saved value", writes.notLatest, 'figures'),
        goal: '0',
        met: writes.notLatest === 0,
      },
    );
    if (!overall) throw new Error('no request was timed: is the window longer than the warm-up?');
    return rows;
  });
}
