// "Compared with similar councils" on a measure's page: for each external metric the measure is mapped to, our
// rank, quartile and the median among our nearest neighbours (or every council when we have no such group), for
// the latest period as a ranked chart and for every period as a table.
import type { Db } from '../db/connection.ts';
import { keptDrawing } from '../reporting/kept-charts.ts';
import { rankedChartSvg } from './benchmark-chart.ts';
import { compare, ownAreaCode, type Comparison } from './compare.service.ts';
import { nearestNeighboursName } from './groups.import.ts';
import { polarityWords } from './benchmarks.view.ts';

export interface MeasureComparison {
  metric: string;
  title: string;
  unit: string;
  dataset: string;
  polarity: string;
  group: string | null;
  latest: Comparison | null;
  chart: string | null;
  us: string | null;
  /** Our row in the latest period, if we have a figure. */
  mine: Comparison['rows'][number] | null;
  overTime: {
    period: string;
    value: number | null;
    rank: number | null;
    quartile: number | null;
    count: number;
    median: number | null;
  }[];
}

export async function measureComparisons(
  db: Db,
  councilId: string,
  measureId: string,
  // A report words the comparison and has no use for the chart (an ECharts drawing a metric).
  { withChart = true }: { withChart?: boolean } = {},
): Promise<MeasureComparison[]> {
  const mapped = await db
    .selectFrom('benchmark_mappings as bm')
    .innerJoin('benchmark_metrics as m', 'm.id', 'bm.metric_id')
    .innerJoin('benchmark_datasets as d', 'd.id', 'm.dataset_id')
    .select(['m.code', 'm.title', 'm.unit', 'm.polarity', 'd.id as datasetId', 'd.name as dataset'])
    .where('bm.council_id', '=', councilId)
    .where('bm.measure_id', '=', measureId)
    .where('d.current_version_id', 'is not', null)
    .orderBy('d.name')
    .orderBy('m.code')
    .execute();
  if (mapped.length === 0) return [];
  const us = await ownAreaCode(db, councilId);
  const neighbours = us ? nearestNeighboursName(us) : null;
  const hasNeighbours =
    neighbours !== null &&
    (await db
      .selectFrom('benchmark_peer_groups')
      .select('id')
      .where('council_id', '=', councilId)
      .where('name', '=', neighbours)
      .executeTakeFirst()) !== undefined;
  const group = hasNeighbours ? neighbours : null;
  return Promise.all(
    mapped.map(async (m) => {
      const comparisons = await compare(db, councilId, { dataset: m.datasetId, metric: m.code, group });
      const latest = comparisons.filter((c) => c.count > 0).at(-1) ?? null;
      const ours = (c: Comparison) => c.rows.find((r) => r.area === us) ?? null;
      const mine = latest ? ours(latest) : null;
      const where = group ? 'our nearest neighbours' : 'every council in the dataset';
      return {
        metric: m.code,
        title: m.title || m.code,
        unit: m.unit,
        dataset: m.dataset,
        polarity: m.polarity ? (polarityWords[m.polarity] ?? m.polarity) : 'Not set',
        group,
        latest,
        us,
        mine,
        chart:
          latest && withChart
            ? keptDrawing(
                'ranked',
                {
                  title: `${m.title || m.code}, ${latest.period}: ${where}, best first`,
                  description: mine
                    ? `We rank ${mine.rank ?? 'unranked'} of ${latest.count}, quartile ${mine.quartile ?? 'none'}; the median is ${latest.median}. The figures are in the table below.`
                    : `We have no figure for ${latest.period}; the median is ${latest.median}. The figures are in the table below.`,
                  bars: latest.rows.map((r) => ({ name: r.areaName, value: r.value, us: r.area === us })),
                  median: latest.median,
                },
                rankedChartSvg,
              )
            : null,
        overTime: comparisons.map((c) => {
          const row = ours(c);
          return {
            period: c.period,
            value: row?.value ?? null,
            rank: row?.rank ?? null,
            quartile: row?.quartile ?? null,
            count: c.count,
            median: c.median,
          };
        }),
      };
    }),
  );
}
