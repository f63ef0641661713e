// Page charts are drawn on the chart threads and kept by their input: the same SVG as drawn here, apart from ids
// that no chart drawn on another thread shares.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawnOnPool } from './chart-pool.ts';
import { drawnChart, type ChartRequest } from './chart-request.ts';
import { keptChart } from './kept-charts.ts';

const history = (title: string): ChartRequest => ({
  kind: 'line',
  input: {
    title,
    points: [
      { label: 'Apr', value: 3 },
      { label: 'May', value: 5 },
      { label: 'Jun', value: 4 },
    ],
    unit: 'count',
    decimals: 0,
  },
});

const ids = (svg: string) => [...svg.matchAll(/id="(zr[^"]+)"/g)].map((m) => m[1]);
const withoutIds = (svg: string) => svg.replace(/\bzr\d+(t\w+)?-/g, 'zr-');

test('a chart drawn on the chart threads is the chart drawn here, with ids of its own', async () => {
  const request = history(`Drawn twice ${Date.now()}`);
  const here = drawnChart(request);
  const there = await keptChart(request);
  assert.equal(withoutIds(there), withoutIds(here));
  assert.ok(ids(there).length > 0, 'the chart has its clip paths');
  const shared = ids(there).filter((id) => ids(here).includes(id));
  assert.deepEqual(shared, [], 'no id is shared with a chart drawn on this thread');
});

test('a chart kept is not drawn again for the same input', async () => {
  const request = history(`Kept ${Date.now()}`);
  const [first, second] = await Promise.all([keptChart(request), keptChart(request)]);
  assert.equal(second, first);
  assert.equal(await keptChart(request), first);
  assert.notEqual(await keptChart(history(`Other ${Date.now()}`)), first);
});

test('sparklines are decorative, and empty when there are no figures', async () => {
  const line = await keptChart({ kind: 'sparkline', input: { values: [1, null, 3, 2] } });
  assert.match(line, /^<svg aria-hidden="true" focusable="false"/);
  assert.equal(await keptChart({ kind: 'sparkline', input: { values: [null, null] } }), '');
});

test('a chart the threads cannot draw is an error, and the threads go on drawing', async () => {
  const nonsense = { kind: 'pie', input: {} } as unknown as ChartRequest;
  await assert.rejects(drawnOnPool(nonsense), TypeError);
  assert.match(await drawnOnPool(history('After the error')), /<title>After the error<\/title>/);
});
