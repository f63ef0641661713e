// The benchmarks benchmark's measured part, alone in its own process: the real importer loading the national file,
// reporting its time and its own peak RSS as one line of JSON on stdout. Started by benchmarks.ts.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBenchmarkFile } from '../src/benchmarking/import.service.ts';
import { connect } from '../src/db/connection.ts';
import { reportOnStdout, required as requiredSetting } from './child.ts';
import { BENCH_PROFILE } from './benchmarks-data.ts';

/** What the child prints; benchmarks.ts reads it back. RSS in bytes, time in milliseconds. */
export interface BenchmarksChildReport {
  importMs: number;
  rows: number;
  datasetId: string;
  rssBefore: number;
  peakRss: number;
  /** Milliseconds per step of the load. */
  timings: Record<string, number>;
}

const required = (name: string) => requiredSetting(name, 'benchmarks-child.ts');

async function main(): Promise<BenchmarksChildReport> {
  const db = connect(required('DATABASE_URL'), { max: 2 });
  try {
    const file = required('BENCH_BENCHMARKS_CSV');
    const rssBefore = process.memoryUsage().rss;
    const timings: Record<string, number> = {};
    const start = performance.now();
    const result = await importBenchmarkFile(db, {
      councilId: required('BENCH_BENCHMARKS_COUNCIL'),
      userId: null,
      file,
      fileName: path.basename(file),
      profile: BENCH_PROFILE,
      dataset: 'national',
      timings,
    });
    return {
      importMs: performance.now() - start,
      rows: result.rows,
      datasetId: result.datasetId,
      rssBefore,
      peakRss: process.resourceUsage().maxRSS * 1024,
      timings,
    };
  } finally {
    await db.destroy();
  }
}

await reportOnStdout(main);
