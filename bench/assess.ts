// Times assessing every measure of the 2,000-measure council for one period — RAG, direction of travel and SPC,
// as the overview and reports do — against just reading the same figures from PostgreSQL, in the same run.
import { sql } from 'kysely';
import { parsePeriod, periodEnd } from '../src/assessment/index.ts';
import type { Db } from '../src/db/connection.ts';
import { scorecardRows } from '../src/reporting/scorecard.queries.ts';
import { scorecard, latestPeriodWithData } from '../src/reporting/scorecard.service.ts';
import { withFreshDatabase } from './cluster.ts';
import { generateCouncil } from './generate.ts';
import { figure, latencyRows, summarise, timed, timeInterleaved, type BenchRow } from './measure.ts';

export const title = 'Assess every measure (RAG, direction, SPC)';

const GOAL_RATIO = 2;
const SEED = 20261031;
/** One measure in ten has a baseline and a recalculation point, so its SPC window reaches back further. */
const WITH_SETTINGS_EVERY = 10;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

/**
 * The read the assessment cannot do without, and nothing more: for each active measure, the judged figures in
 * its SPC window (which hold the period before and the same period last year too) and its latest target —
 * returned as rows, judged by nobody.
 */
function readFigures(db: Db, councilId: string, end: string) {
  return sql`
    SELECT m.id, w.period, w.period_start, w.value, t.value AS target, t.tolerance
    FROM measures m
    LEFT JOIN measure_spc_settings ss ON ss.measure_id = m.id
    LEFT JOIN LATERAL (
      SELECT tg.value, tg.tolerance FROM targets tg
      WHERE tg.measure_id = m.id AND tg.period_end <= ${end}::date
      ORDER BY tg.period_end DESC LIMIT 1
    ) t ON true
    CROSS JOIN LATERAL (
      SELECT s.period, s.period_start, s.value FROM data_values s
      WHERE s.measure_id = m.id AND s.breakdown = '' AND s.period_end <= ${end}::date AND s.status <> 'draft'
        AND s.period_start >= coalesce(ss.baseline_start, '-infinity'::date)
      ORDER BY s.period_end DESC, s.period_start ASC
      LIMIT CASE WHEN ss.baseline_start IS NULL THEN 36 ELSE 120 END
    ) w
    WHERE m.council_id = ${councilId} AND m.status = 'active'`.execute(db);
}

/** A no-op write to one measure: nothing a reader sees changes, but the cached assessment is thrown away. */
function touchOneMeasure(db: Db, councilId: string): () => Promise<unknown> {
  return () =>
    sql`UPDATE measures SET updated_at = updated_at
        WHERE id = (SELECT min(id) FROM measures WHERE council_id = ${councilId})`.execute(db);
}

async function addSpcSettings(db: Db, councilId: string): Promise<number> {
  const result = await sql`
    INSERT INTO measure_spc_settings
      (council_id, measure_id, baseline_from, baseline_start, baseline_to, baseline_reason, recalculations)
    SELECT council_id, id, '2022-04', '2022-04-01', '2023-03', 'Benchmark baseline',
      '[{"period": "2024-04", "start": "2024-04-01", "reason": "Benchmark recalculation"}]'::jsonb
    FROM measures WHERE council_id = ${councilId} AND id % ${WITH_SETTINGS_EVERY} = 0`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function run(): Promise<BenchRow[]> {
  const measures = envNumber('BENCH_MEASURES', 2000);
  const months = envNumber('BENCH_MONTHS', 120);
  const warmup = envNumber('BENCH_WARMUP', 5);
  const count = envNumber('BENCH_REQUESTS', 30);
  return withFreshDatabase(async ({ db, url }) => {
    const load = await timed(() => generateCouncil(db, { measures, months, seed: SEED, databaseUrl: url }));
    const { councilId } = load.result;
    const withSettings = await addSpcSettings(db, councilId);
    await sql`ANALYZE measure_spc_settings`.execute(db);
    const period = await latestPeriodWithData(db, councilId, null);
    if (!period) throw new Error('the synthetic council has no figures');
    const end = periodEnd(parsePeriod(period));
    const options = { councilId, reach: null, period, withSpc: true };

    const card = await scorecard(db, options);
    const read = await readFigures(db, councilId, end);
    const signals = card.measures.filter((m) =>
      /^(improvement|concern)_/.test(m.spc?.variation ?? ''),
    ).length;
    const judged = card.measures.filter((m) => m.spc != null && m.spc.variation !== 'not_enough_data').length;

    // Taking turns, so the machine's load falls alike on the assessment and on the read it is judged by.
    const [assessed, readOnly, sqlOnly] = (
      await timeInterleaved(
        [
          { setup: touchOneMeasure(db, councilId), work: () => scorecard(db, options) },
          () => readFigures(db, councilId, end),
          () => scorecardRows(db, { councilId, reach: null, periodEnd: end, withSpc: true }),
        ],
        warmup,
        count,
      )
    ).map(summarise);
    if (!assessed || !readOnly || !sqlOnly) throw new Error('a timing went missing');
    const ratio = assessed.p50 / readOnly.p50;
    return [
      figure(`load ${measures} measures × ${months} months`, load.ms / 1000, 's'),
      figure('measures with a baseline and a recalculation point', withSettings, 'measures'),
      {
        ...figure('measures assessed', card.measures.length, 'measures'),
        goal: `= ${measures}`,
        met: card.measures.length === measures,
      },
      figure('  with enough figures for SPC', judged, 'measures'),
      figure('  showing special cause variation', signals, 'measures'),
      figure('figures read (rows)', read.rows.length, 'rows'),
      ...latencyRows('assess every measure (uncached: SQL + RAG + direction + SPC)', assessed),
      ...latencyRows('read the same figures from PostgreSQL', readOnly),
      figure('assessment SQL alone (scorecardRows) p50', sqlOnly.p50, 'ms'),
      figure('judging in JavaScript (assess p50 − SQL p50)', assessed.p50 - sqlOnly.p50, 'ms'),
      {
        ...figure('ratio assess p50 / read p50', ratio, '×'),
        goal: `≤ ${GOAL_RATIO}`,
        met: ratio <= GOAL_RATIO,
      },
      figure('process peak RSS', process.resourceUsage().maxRSS / 1024, 'MiB'),
    ];
  });
}
