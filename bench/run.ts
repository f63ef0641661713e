// `npm run bench`: runs every benchmark module under bench/ (any that exports `run`) one after another and
// prints one table. A missed goal is reported, not failed; an error exits non-zero.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './measure.ts';

interface Benchmark {
  file: string;
  title: string;
  run: () => Promise<BenchRow[]>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));

function isBenchmark(
  module: Record<string, unknown>,
): module is { run: () => Promise<BenchRow[]>; title?: string } {
  return typeof module.run === 'function';
}

async function discover(only: readonly string[]): Promise<Benchmark[]> {
  const files = (await readdir(benchDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'run.ts')
    .sort();
  const found: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as Record<string, unknown>;
    if (!isBenchmark(module)) continue;
    const name = file.replace(/\.ts$/, '');
    if (only.length > 0 && !only.includes(name)) continue;
    found.push({
      file: name,
      title: typeof module.title === 'string' ? module.title : name,
      run: module.run,
    });
  }
  return found;
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
  const benchmarks = await discover(process.argv.slice(2));
  if (benchmarks.length === 0) throw new Error('no benchmark matched: name a file under bench/ without .ts');
  const rows: { benchmark: string; row: BenchRow }[] = [];
  for (const benchmark of benchmarks) {
    process.stderr.write(`running ${benchmark.file} (${benchmark.title})…\n`);
    for (const row of await benchmark.run()) rows.push({ benchmark: benchmark.file, row });
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
