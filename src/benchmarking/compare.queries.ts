// A metric compared across areas, in SQL: per period, the areas in scope (a peer group and the council itself, or
// every authority in the dataset), their rank with the metric's polarity (1 = best; ties share the better rank:
// rank() gives competition ranking "1224"), quartile, percentile position, and the median and mean.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { BenchmarkPolarity } from '../db/schema.ts';

export interface ComparedRow {
  period: string;
  area: string;
  areaName: string;
  value: number;
  rank: number | null;
  quartile: number | null;
  percentile: number | null;
  count: number;
  median: number;
  mean: number;
}

export interface CompareScope {
  versionId: string;
  metric: string;
  periods: string[];
  polarity: BenchmarkPolarity | null;
  midpoint: string | null;
  /** null: every authority in the dataset (not the England, Scotland or regional totals some sources add). */
  groupId: string | null;
  /** The council's own GSS code, compared with its group even when the group's list leaves it out. */
  ownArea: string | null;
}

/** GSS entity codes of countries and regions (E92 England, E12 regions, S92 Scotland, W92, N92, K0x UK/GB/E&W). */
const AGGREGATE_AREA = '^(E92|E12|S92|W92|N92|K0[2-4])';

export async function compareRows(db: Db, scope: CompareScope): Promise<ComparedRow[]> {
  // The smaller the "shortfall", the better: higher-is-better ranks by -value, lower by value, Goldilocks by the
  // distance from its midpoint. With no polarity set there is no rank, only the spread.
  const shortfall =
    scope.polarity === 'higher'
      ? sql`-r.value`
      : scope.polarity === 'lower'
        ? sql`r.value`
        : scope.polarity === 'goldilocks'
          ? sql`abs(r.value - ${scope.midpoint}::numeric)`
          : sql`NULL::numeric`;
  const inScope =
    scope.groupId === null
      ? sql`r.area_code !~ ${AGGREGATE_AREA}`
      : sql`(r.area_code IN (SELECT area_code FROM benchmark_peer_group_members WHERE group_id = ${scope.groupId})
             OR r.area_code = ${scope.ownArea})`;
  const result = await sql<{
    period: string;
    area: string;
    area_name: string;
    value: string;
    rank: string | null;
    quartile: number | null;
    percentile: number | null;
    n: string;
    median: number;
    mean: string;
  }>`
    WITH scoped AS (
      SELECT r.period, r.area_code, r.area_name, r.value, ${shortfall} AS shortfall
        FROM benchmark_rows r
       WHERE r.version_id = ${scope.versionId} AND r.metric_code = ${scope.metric}
         AND r.period = ANY(${scope.periods}::text[]) AND r.value IS NOT NULL AND ${inScope}
    ), spread AS (
      SELECT period, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY value::float8) AS median,
             avg(value) AS mean
        FROM scoped GROUP BY period
    ), ranked AS (
      SELECT s.*, CASE WHEN s.shortfall IS NULL THEN NULL
                       ELSE rank() OVER (PARTITION BY s.period ORDER BY s.shortfall) END AS rank
        FROM scoped s
    )
    -- Quartile 1 is the best quarter (rank 8 of 32 is in it, rank 9 is not); the percentile is as the LGBF
    -- publishes it (FamilyPct, ScotPct): the share of the group ranked at or above the area.
    SELECT r.period, r.area_code AS area, r.area_name, r.value, r.rank,
           least(4, ceil(4.0 * r.rank / spread.n))::int AS quartile, r.rank::float8 / spread.n AS percentile,
           spread.n, spread.median, spread.mean
      FROM ranked r JOIN spread USING (period)
     ORDER BY r.period, r.rank NULLS LAST, r.value DESC, r.area_code`.execute(db);
  return result.rows.map((r) => ({
    period: r.period,
    area: r.area,
    areaName: r.area_name,
    value: Number(r.value),
    rank: r.rank === null ? null : Number(r.rank),
    quartile: r.quartile,
    percentile: r.percentile,
    count: Number(r.n),
    median: Number(r.median),
    mean: Number(r.mean),
  }));
}
