// `scorecard benchmarks …`: import a dataset (a progress bar on stderr; prints the dataset id), import peer groups
// or metric information, and compare a metric across areas, printing the same JSON as the API.
import path from 'node:path';
import { compare } from '../benchmarking/compare.service.ts';
import { importGroupFile } from '../benchmarking/groups.import.ts';
import { importBenchmarkFile } from '../benchmarking/import.service.ts';
import { importMetricInformation } from '../benchmarking/metric-information.ts';
import { progressBar } from './progress.ts';
import { defaultCouncilId, withRuntime } from './runtime.ts';

export async function importBenchmarksCommand(
  file: string,
  options: { profile: string; dataset?: string; council?: string },
): Promise<void> {
  await withRuntime(async ({ db }) => {
    const councilId = await defaultCouncilId(db, options.council);
    const bar = progressBar();
    const result = await importBenchmarkFile(db, {
      councilId,
      userId: null,
      file,
      fileName: path.basename(file),
      profile: options.profile,
      dataset: options.dataset ?? path.basename(file, path.extname(file)),
      progress: (_rows, bytes, total) => bar.update('loading', bytes, total),
    }).finally(() => bar.stop());
    process.stderr.write(
      `Loaded ${result.rows} rows (${result.metrics} metrics, ${result.areas} areas) as version ${result.version} of dataset ${result.datasetId}.\n`,
    );
    console.log(result.datasetId);
  });
}

export async function importGroupsCommand(
  file: string,
  options: { profile: string; name?: string; council?: string },
): Promise<void> {
  await withRuntime(async ({ db }) => {
    const councilId = await defaultCouncilId(db, options.council);
    const saved = await importGroupFile(db, { councilId, userId: null }, file, options.profile, options.name);
    console.log(`Saved ${saved} peer ${saved === 1 ? 'group' : 'groups'}.`);
  });
}

export async function importMetricsCommand(
  file: string,
  options: { dataset: string; council?: string },
): Promise<void> {
  await withRuntime(async ({ db }) => {
    const councilId = await defaultCouncilId(db, options.council);
    const described = await importMetricInformation(db, {
      councilId,
      userId: null,
      datasetId: options.dataset,
      file,
    });
    console.log(`Described ${described} metrics of dataset ${options.dataset}.`);
  });
}

export async function compareCommand(options: {
  dataset: string;
  metric: string;
  period: string[];
  group?: string;
  council?: string;
}): Promise<void> {
  await withRuntime(async ({ db }) => {
    const councilId = await defaultCouncilId(db, options.council);
    const comparisons = await compare(db, councilId, {
      dataset: options.dataset,
      metric: options.metric,
      periods: options.period,
      group: options.group ?? null,
    });
    const output = comparisons.length === 1 ? comparisons[0] : comparisons;
    console.log(JSON.stringify(output, null, 2));
  });
}
