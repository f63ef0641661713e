// The benchmarks benchmark's national file is what it claims: areas × metrics × periods rows after one header,
// deterministic from its seed, readable by the shipped reader and the benchmark's own profile without a problem.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openRecords } from '../src/benchmarking/file-records.ts';
import { locateColumns } from '../src/benchmarking/profiles.ts';
import { rowReader } from '../src/benchmarking/rows.ts';
import { benchProfile, nationalLines, neighbourGroups, writeNationalFile } from './benchmarks-data.ts';

const shape = { areas: 12, metrics: 7, periods: 5 };

test('the file has areas × metrics × periods rows, the same for the same seed and not for another', () => {
  const lines = [...nationalLines(1, shape)];
  assert.equal(lines[0], 'metric_code,area_code,area_name,period,value');
  assert.equal(lines.length - 1, 12 * 7 * 5);
  assert.deepEqual([...nationalLines(1, shape)], lines);
  assert.notDeepEqual([...nationalLines(2, shape)], lines);
  const periods = new Set(lines.slice(1).map((l) => l.split(',')[3]));
  assert.deepEqual([...periods], ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24']);
});

test('every row of the written file reads through the benchmark profile without a problem', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-national-'));
  try {
    const file = path.join(dir, 'national.csv');
    assert.equal(await writeNationalFile(file, 1, shape), 420);
    let read: ReturnType<typeof rowReader> | null = null;
    let rows = 0;
    for await (const { row, cells } of (await openRecords(file)).records) {
      if (!read) {
        read = rowReader(benchProfile, locateColumns(benchProfile, cells));
        continue;
      }
      const outcome = read(cells, row);
      assert.ok('row' in outcome, JSON.stringify(outcome));
      rows++;
    }
    assert.equal(rows, 420);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("each area's neighbour group has 16 distinct members, itself first", () => {
  for (const group of neighbourGroups(400).slice(0, 50)) {
    assert.equal(new Set(group.members).size, 16);
    assert.equal(group.name, `Nearest neighbours of ${group.members[0]}`);
  }
});
