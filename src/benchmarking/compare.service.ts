// Comparisons as the API, CLI and measure page give them: a dataset (by id or name), a metric by its source code,
// one period or several, and a peer group by name or every authority. Unknown names are 404s, bad input 400s.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { BenchmarkPolarity } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../web/errors.ts';
import { compareRows, type ComparedRow } from './compare.queries.ts';
import { findGroupId } from './groups.service.ts';
import { normalisePeriod } from './periods.ts';

export interface Comparison {
  metric: string;
  period: string;
  group: string | null;
  count: number;
  median: number | null;
  mean: number | null;
  rows: {
    area: string;
    areaName: string;
    value: number;
    rank: number | null;
    quartile: number | null;
    percentile: number | null;
  }[];
}

export interface CompareRequest {
  dataset: string;
  metric: string;
  /** One period, or several for the picture over time; none: every period the metric has. */
  periods?: string[];
  group?: string | null;
}

export interface MetricInScope {
  datasetId: string;
  versionId: string;
  metricId: string;
  code: string;
  title: string;
  unit: string;
  polarity: BenchmarkPolarity | null;
  midpoint: string | null;
}

export async function findMetric(
  db: Db,
  councilId: string,
  dataset: string,
  metric: string,
): Promise<MetricInScope> {
  const row = await db
    .selectFrom('benchmark_datasets as d')
    .innerJoin('benchmark_metrics as m', 'm.dataset_id', 'd.id')
    .select([
      'd.id as datasetId',
      'd.current_version_id',
      'm.id as metricId',
      'm.code',
      'm.title',
      'm.unit',
      'm.polarity',
      'm.midpoint',
    ])
    .where('d.council_id', '=', councilId)
    .where(/^\d+$/.test(dataset) ? 'd.id' : 'd.name', '=', dataset)
    .where('m.code', '=', metric)
    .executeTakeFirst();
  if (!row || row.current_version_id === null) {
    const known = await db
      .selectFrom('benchmark_datasets')
      .select('id')
      .where('council_id', '=', councilId)
      .where(/^\d+$/.test(dataset) ? 'id' : 'name', '=', dataset)
      .executeTakeFirst();
    throw new NotFoundError(
      known ? `The dataset has no metric '${metric}'` : `There is no dataset '${dataset}'`,
    );
  }
  return {
    datasetId: row.datasetId,
    versionId: row.current_version_id,
    metricId: row.metricId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    polarity: row.polarity,
    midpoint: row.midpoint,
  };
}

export async function periodsOf(db: Db, metric: MetricInScope): Promise<string[]> {
  const rows = await sql<{ period: string }>`
    SELECT DISTINCT period FROM benchmark_rows
     WHERE version_id = ${metric.versionId} AND metric_code = ${metric.code} ORDER BY period`.execute(db);
  return rows.rows.map((r) => r.period);
}

export async function ownAreaCode(db: Db, councilId: string): Promise<string | null> {
  const row = await db
    .selectFrom('councils')
    .select('area_code')
    .where('id', '=', councilId)
    .executeTakeFirst();
  return row?.area_code ?? null;
}

function present(metric: string, period: string, group: string | null, rows: ComparedRow[]): Comparison {
  const first = rows[0];
  return {
    metric,
    period,
    group,
    count: first?.count ?? 0,
    median: first ? first.median : null,
    mean: first ? first.mean : null,
    rows: rows.map((r) => ({
      area: r.area,
      areaName: r.areaName,
      value: r.value,
      rank: r.rank,
      quartile: r.quartile,
      percentile: r.percentile,
    })),
  };
}

/** One comparison per period asked for, oldest first; a period with no figures has count 0. */
export async function compare(db: Db, councilId: string, request: CompareRequest): Promise<Comparison[]> {
  const periods = (request.periods ?? []).map((raw) => {
    const read = normalisePeriod(raw);
    if ('reason' in read) throw ValidationError.field('period', read.reason);
    return read.key;
  });
  const metric = await findMetric(db, councilId, request.dataset, request.metric);
  const group = request.group?.trim() || null;
  const groupId = group === null ? null : await findGroupId(db, councilId, group);
  const wanted = periods.length > 0 ? periods : await periodsOf(db, metric);
  const rows = await compareRows(db, {
    versionId: metric.versionId,
    metric: metric.code,
    periods: wanted,
    polarity: metric.polarity,
    midpoint: metric.midpoint,
    groupId,
    ownArea: await ownAreaCode(db, councilId),
  });
  return [...new Set(wanted)].sort().map((period) =>
    present(
      metric.code,
      period,
      group,
      rows.filter((r) => r.period === period),
    ),
  );
}
