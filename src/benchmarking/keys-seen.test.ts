// The register that refuses a metric, period and area given twice in one file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeysSeen } from './keys-seen.ts';

test('a metric, period and area is accepted once and refused the second time', () => {
  const keys = new KeysSeen();
  assert.equal(keys.add('ASC1', '2022-23', 'E06000001'), true);
  assert.equal(keys.add('ASC1', '2022-23', 'E06000001'), false);
});

test('keys that differ in any one part are all distinct', () => {
  const keys = new KeysSeen();
  for (const [metric, period, area] of [
    ['ASC1', '2022-23', 'E06000001'],
    ['ASC2', '2022-23', 'E06000001'],
    ['ASC1', '2023-24', 'E06000001'],
    ['ASC1', '2022-23', 'E06000002'],
  ] as const)
    assert.equal(keys.add(metric, period, area), true, `${metric} ${period} ${area}`);
});

test('a national file of 400 areas × 250 metrics × 5 periods is all distinct, and every key repeated is caught', () => {
  const keys = new KeysSeen();
  const every = (each: (metric: string, period: string, area: string) => void) => {
    for (let m = 0; m < 250; m++)
      for (let p = 0; p < 5; p++) for (let a = 0; a < 400; a++) each(`M${m}`, `${2019 + p}`, `E0${a}`);
  };
  let fresh = 0;
  every((m, p, a) => void (keys.add(m, p, a) && fresh++));
  assert.equal(fresh, 250 * 5 * 400);
  let repeated = 0;
  every((m, p, a) => void (keys.add(m, p, a) || repeated++));
  assert.equal(repeated, 250 * 5 * 400);
});
