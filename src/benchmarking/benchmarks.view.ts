// What the /benchmarks page shows: datasets with every version's provenance, the chosen dataset's metrics with
// their polarity, the measures mapped to metrics, the peer groups, and the profiles an import may use.
import type { CurrentUser } from '../access/current-user.ts';
import { can } from '../access/permissions.ts';
import type { Db } from '../db/connection.ts';
import { groupProfiles } from './groups.import.ts';
import { listGroups } from './groups.service.ts';
import { listProfiles } from './profiles.queries.ts';

const METRICS_SHOWN = 200;

export const polarityWords: Record<string, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  goldilocks: 'Closest to a midpoint is best',
};

export async function benchmarksPage(db: Db, user: CurrentUser, datasetParam: string | undefined) {
  const councilId = user.councilId;
  const versions = await db
    .selectFrom('benchmark_dataset_versions as v')
    .innerJoin('benchmark_datasets as d', 'd.id', 'v.dataset_id')
    .leftJoin('users as u', 'u.id', 'v.imported_by')
    .select([
      'd.id as datasetId',
      'd.name as dataset',
      'd.current_version_id',
      'v.id',
      'v.version',
      'v.file_name',
      'v.sha256',
      'v.profile',
      'v.imported_at',
      'v.row_count',
      'u.display_name',
    ])
    .where('v.council_id', '=', councilId)
    .orderBy('d.name')
    .orderBy('v.version', 'desc')
    .execute();
  const datasets = [...new Set(versions.map((v) => v.datasetId))].map((id) => {
    const own = versions.filter((v) => v.datasetId === id);
    return {
      id,
      name: own[0]?.dataset ?? '',
      versions: own.map((v) => ({
        version: v.version,
        current: v.id === v.current_version_id,
        fileName: v.file_name,
        sha256: v.sha256.slice(0, 12),
        profile: v.profile,
        importedAt: v.imported_at,
        importedBy: v.display_name ?? 'the command line',
        rows: Number(v.row_count),
      })),
    };
  });
  const chosen = datasets.find((d) => d.id === datasetParam) ?? datasets[0] ?? null;
  const metrics = chosen
    ? await db
        .selectFrom('benchmark_metrics')
        .select(['id', 'code', 'title', 'unit', 'polarity', 'midpoint'])
        .where('council_id', '=', councilId)
        .where('dataset_id', '=', chosen.id)
        .orderBy('code')
        .limit(METRICS_SHOWN + 1)
        .execute()
    : [];
  const mappings = await db
    .selectFrom('benchmark_mappings as bm')
    .innerJoin('measures as m', 'm.id', 'bm.measure_id')
    .innerJoin('benchmark_metrics as x', 'x.id', 'bm.metric_id')
    .innerJoin('benchmark_datasets as d', 'd.id', 'x.dataset_id')
    .select([
      'm.code as measureCode',
      'm.title as measureTitle',
      'x.id as metricId',
      'x.code as metricCode',
      'd.name as dataset',
    ])
    .where('bm.council_id', '=', councilId)
    .orderBy('m.code')
    .execute();
  const shown = metrics.slice(0, METRICS_SHOWN);
  const profiles = (await listProfiles(db, councilId)).map((p) => p.name);
  return {
    pageTitle: 'Benchmarking',
    profileItems: profiles.map((name) => ({ value: name, text: name })),
    metricItems: shown.map((m) => ({ value: m.id, text: m.title ? `${m.code}: ${m.title}` : m.code })),
    canManage: can(user, 'benchmark.manage'),
    datasets,
    chosen,
    metrics: shown.map((m) => ({
      ...m,
      polarityText: m.polarity ? polarityWords[m.polarity] : 'Not set',
    })),
    moreMetrics: metrics.length > METRICS_SHOWN,
    mappings,
    groups: await listGroups(db, councilId),
    groupProfiles,
  };
}

export async function metricEditPage(db: Db, user: CurrentUser, metricId: string) {
  return db
    .selectFrom('benchmark_metrics as m')
    .innerJoin('benchmark_datasets as d', 'd.id', 'm.dataset_id')
    .select([
      'm.id',
      'm.code',
      'm.title',
      'm.unit',
      'm.polarity',
      'm.midpoint',
      'm.version',
      'd.id as datasetId',
      'd.name as dataset',
    ])
    .where('m.council_id', '=', user.councilId)
    .where('m.id', '=', metricId)
    .executeTakeFirst();
}
