// bench/load's arithmetic: the mix a virtual user draws its next action from, and exact percentiles by kind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_MIX, figuresByKind, parseMix, pickAction, type Sample } from './load-mix.ts';

describe('the mix of actions', () => {
  test('an empty setting gives the default weights; a named action changes only its own', () => {
    assert.deepEqual(parseMix(undefined), DEFAULT_MIX);
    assert.deepEqual(parseMix(' '), DEFAULT_MIX);
    assert.deepEqual(parseMix('download:0, entry:5'), { ...DEFAULT_MIX, download: 0, entry: 5 });
  });

  test('rejects an unknown action, a bad weight and a mix of nothing, naming the setting', () => {
    assert.throws(() => parseMix('browse:1'), /BENCH_LOAD_MIX: 'browse' is not an action/);
    assert.throws(() => parseMix('entry:-1'), /BENCH_LOAD_MIX: the weight of entry must be a number ≥ 0/);
    assert.throws(() => parseMix('entry'), /the weight of entry/);
    assert.throws(() => parseMix('overview:0,measure:0,entry:0,download:0'), /every weight is 0/);
  });

  test('draws each allowed action in proportion to its weight, and never one the user may not do', () => {
    const mix = { overview: 3, measure: 3, entry: 2, download: 1 };
    const counts = new Map<string, number>();
    for (let i = 0; i < 9000; i++) {
      const action = pickAction(mix, ['overview', 'measure', 'download'], (i + 0.5) / 9000);
      counts.set(String(action), (counts.get(String(action)) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(counts), { overview: 3857, measure: 3857, download: 1286 });
    assert.equal(pickAction(mix, ['entry'], 0.99), 'entry');
    assert.equal(pickAction({ ...mix, entry: 0 }, ['entry'], 0.5), null);
  });
});

describe('latency figures', () => {
  test('exact nearest-rank percentiles per kind and overall, and requests per second of the window', () => {
    const samples: Sample[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ kind: 'overview', ms: i + 1, status: 200 })),
      ...Array.from({ length: 20 }, (_, i) => ({ kind: 'download', ms: 1000 + i, status: 200 })),
    ];
    const [all, download, overview] = figuresByKind(samples, 10);
    assert.deepEqual(overview, {
      kind: 'overview',
      requests: 100,
      perSecond: 10,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
    assert.equal(download?.p95, 1018);
    assert.equal(all?.kind, 'all');
    assert.equal(all?.requests, 120);
    assert.equal(all?.p50, 60);
    assert.equal(all?.p95, 1013);
  });

  test('no samples give no figures rather than a division by nothing', () => {
    assert.deepEqual(figuresByKind([], 60), []);
  });
});
