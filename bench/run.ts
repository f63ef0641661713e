// `npm run bench`: runs every benchmark listed below one after another and prints one table. A missed goal is
// reported, not failed; an error exits non-zero.
import type { BenchRow } from './measure.ts';
import * as assess from './assess.ts';
import * as benchmarking from './benchmarks.ts';
import * as scorecard from './scorecard.ts';
import * as load from './load.ts';
import * as publicSite from './public.ts';
import * as report from './report.ts';
import * as upload from './upload.ts';

interface Benchmark {
  name: string;
  title: string;
  run: () => Promise<BenchRow[]>;
}

// A list rather than a scan of the folder: importing every .ts file here would also run any scratch script
// left beside the benchmarks. A new benchmark module exports `title` and `run` and is added here.
const benchmarks: Benchmark[] = [
  { name: 'scorecard', ...scorecard },
  { name: 'assess', ...assess },
  { name: 'upload', ...upload },
  { name: 'report', ...report },
  { name: 'benchmarks', ...benchmarking },
  { name: 'public', ...publicSite },
  { name: 'load', ...load },
];

function selected(only: readonly string[]): Benchmark[] {
  const unknown = only.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `no benchmark named ${unknown.join(', ')}: choose from ${benchmarks.map((b) => b.name).join(', ')}`,
    );
  }
  return only.length === 0 ? benchmarks : benchmarks.filter((b) => only.includes(b.name));
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-GB');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function printTable(rows: { benchmark: string; row: BenchRow }[]): void {
  const cells = rows.map(({ benchmark, row }) => [
    benchmark,
    row.name,
    formatValue(row.value),
    row.unit,
    row.goal || '—',
    row.met === null ? '—' : row.met ? 'yes' : 'NO',
  ]);
  const header = ['benchmark', 'figure', 'value', 'unit', 'goal', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string =>
    c.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const rows: { benchmark: string; row: BenchRow }[] = [];
  for (const benchmark of selected(process.argv.slice(2))) {
    process.stderr.write(`running ${benchmark.name} (${benchmark.title})…\n`);
    for (const row of await benchmark.run()) rows.push({ benchmark: benchmark.name, row });
  }
  printTable(rows);
  const missed = rows.filter(({ row }) => row.met === false).length;
  if (missed > 0) console.log(`\n${missed} goal(s) missed: see bench/README.md for what each figure means.`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  // exitCode, not exit(): the benchmarks' finally blocks have already stopped their PostgreSQL by now.
  process.exitCode = 1;
}
