import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawnInThreads } from './chart-threads.ts';
import { drawnChart, withThreadIds, type ChartRequest } from './chart-request.ts';

const line = (i: number): ChartRequest => ({
  kind: 'line',
  input: {
    title: `Chart ${i}`,
    points: [
      { label: 'Apr', value: i },
      { label: 'May', value: i + 1 },
    ],
    unit: 'count',
    decimals: 0,
  },
});

test('charts drawn in threads are the charts drawn here, each with ids no other chart of the report has', async () => {
  const requests = Array.from({ length: 30 }, (_, i) => line(i));
  const drawn = await drawnInThreads(requests, drawnChart);
  assert.equal(drawn.length, requests.length);
  drawn.forEach((svg, i) => assert.match(svg, new RegExp(`<title>Chart ${i}</title>`)));
  const clipIds = drawn.flatMap((svg) => [...svg.matchAll(/id="(zr[^"]+)"/g)].map((m) => m[1]));
  assert.ok(clipIds.length >= requests.length, 'each chart has its clip paths');
  assert.equal(new Set(clipIds).size, clipIds.length, 'no clip path id is used twice');
});

test('a few charts are drawn in this thread, not worth starting threads for', async () => {
  let here = 0;
  const drawn = await drawnInThreads([line(1), line(2)], (r) => {
    here += 1;
    return drawnChart(r);
  });
  assert.equal(here, 2);
  assert.equal(drawn.length, 2);
});

test("a thread's number is written into every zrender id and class, and nothing else is touched", () => {
  const svg =
    '<svg><title>zr1- in words</title><clipPath id="zr1-c0"/><g clip-path="url(#zr1-c0)" class="zr1-cls-2"/>' +
    '<style>.zr1-cls-2:hover{}</style></svg>';
  assert.equal(
    withThreadIds(svg, 3),
    '<svg><title>zr1- in words</title><clipPath id="zr1t3-c0"/><g clip-path="url(#zr1t3-c0)" class="zr1t3-cls-2"/>' +
      '<style>.zr1t3-cls-2:hover{}</style></svg>',
  );
});
