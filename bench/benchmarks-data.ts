// The benchmarks benchmark's national file: areas × metrics × periods in long format (metric_code, area_code,
// area_name, period, value), deterministic from a seed, written to disk 64 KB at a time; and the peer groups,
// nearest-neighbour style, that the comparisons are timed against.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { randomFor } from '../src/demo/random.ts';
import type { ProfileDefinition } from '../src/benchmarking/profiles.ts';

export interface NationalShape {
  areas: number;
  metrics: number;
  periods: number;
}

export const BENCH_PROFILE = 'bench-national';
/** A council's own profile, as an officer would save one for a source not shipped. */
export const benchProfile: ProfileDefinition = {
  description: 'The benchmark: metric_code, area_code, area_name, period, value',
  columns: {
    metric: ['metric_code'],
    areaCode: 'area_code',
    areaName: 'area_name',
    period: 'period',
    value: 'value',
  },
  areas: 'gss',
  missing: [''],
};

/** E06000001 … : unitary-authority-shaped GSS codes, one per area. */
export function areaCode(i: number): string {
  return `E06${String(i + 1).padStart(6, '0')}`;
}

export function metricCode(i: number): string {
  return `BM${String(i + 1).padStart(4, '0')}`;
}

/** Financial years ending 2023-24, oldest first. */
export function periodKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const start = 2024 - count + i;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  });
}

/** Every line of the file, header first; about one value in 50 left empty, as real extracts have gaps. */
export function* nationalLines(seed: number, shape: NationalShape): Generator<string> {
  const random = randomFor(seed, 'benchmarks');
  const periods = periodKeys(shape.periods);
  yield 'metric_code,area_code,area_name,period,value';
  for (let m = 0; m < shape.metrics; m++) {
    const code = metricCode(m);
    const scale = 10 + 990 * random.next();
    for (const period of periods)
      for (let a = 0; a < shape.areas; a++) {
        const value = random.next() < 0.02 ? '' : (scale * (0.5 + random.next())).toFixed(2);
        yield `${code},${areaCode(a)},Area ${a + 1},${period},${value}`;
      }
  }
}

export async function writeNationalFile(file: string, seed: number, shape: NationalShape): Promise<number> {
  const out = createWriteStream(file);
  let chunk = '';
  let lines = 0;
  for (const line of nationalLines(seed, shape)) {
    chunk += `${line}\n`;
    lines++;
    if (chunk.length >= 64 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return lines - 1;
}

/** Each area's 15 nearest neighbours (itself first), as the Oflog lists are shaped: here simply the next areas round. */
export function neighbourGroups(areas: number, size = 16): { name: string; members: string[] }[] {
  return Array.from({ length: areas }, (_, a) => ({
    name: `Nearest neighbours of ${areaCode(a)}`,
    members: Array.from({ length: Math.min(size, areas) }, (_, k) => areaCode((a + k * 7) % areas)),
  }));
}
