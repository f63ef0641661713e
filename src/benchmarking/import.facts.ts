// What a load learns besides its rows: each metric's title, unit and polarity where the source gives them, and
// each area's name. A few thousand at most, gathered while reading and written in two statements.
import type pg from 'pg';
import type { BenchmarkPolarity } from '../db/schema.ts';

export interface MetricFacts {
  title: string;
  unit: string;
  polarity: BenchmarkPolarity | null;
}

export interface SourceFacts {
  rows: number;
  metrics: Map<string, MetricFacts>;
  areas: Map<string, string>;
}

/**
 * New metrics are added; a metric already known keeps what an officer set and gains only what it lacked, so a
 * reload never undoes an edit. Area names follow the latest source.
 */
export async function recordSourceFacts(
  client: pg.ClientBase,
  target: { councilId: string; datasetId: string; facts: SourceFacts },
): Promise<void> {
  const metrics = [...target.facts.metrics.entries()];
  await client.query(
    `INSERT INTO benchmark_metrics (council_id, dataset_id, code, title, unit, polarity)
     SELECT $1, $2, m.code, m.title, m.unit, m.polarity
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS m (code, title, unit, polarity)
     ON CONFLICT (dataset_id, code) DO UPDATE SET
       title = CASE WHEN benchmark_metrics.title = '' THEN EXCLUDED.title ELSE benchmark_metrics.title END,
       unit = CASE WHEN benchmark_metrics.unit = '' THEN EXCLUDED.unit ELSE benchmark_metrics.unit END,
       polarity = coalesce(benchmark_metrics.polarity, EXCLUDED.polarity)`,
    [
      target.councilId,
      target.datasetId,
      metrics.map(([code]) => code),
      metrics.map(([, m]) => m.title),
      metrics.map(([, m]) => m.unit),
      metrics.map(([, m]) => m.polarity),
    ],
  );
  const areas = [...target.facts.areas.entries()];
  await client.query(
    `INSERT INTO benchmark_areas (council_id, code, name)
     SELECT $1, a.code, a.name FROM unnest($2::text[], $3::text[]) AS a (code, name)
     ON CONFLICT (council_id, code) DO UPDATE SET name = EXCLUDED.name`,
    [target.councilId, areas.map(([code]) => code), areas.map(([, name]) => name)],
  );
}
