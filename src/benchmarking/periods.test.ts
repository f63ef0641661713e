// The period forms each source writes, normalised to our keys, and the near misses refused with a reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalisePeriod } from './periods.ts';

const cases: [string, string][] = [
  ['2018-19;Q1', '2018-19-Q1'],
  ['2019-20;Q4', '2019-20-Q4'],
  ['2022/23 Q3', '2022-23-Q3'],
  ['2024/25 Q1', '2024-25-Q1'],
  ['2018-19-Q2', '2018-19-Q2'],
  ['2016-17', '2016-17'],
  ['2014/15', '2014-15'],
  ['2018', '2018'],
  ['2010-14', '2010-14'],
  [' 2016-17 ', '2016-17'],
  ['2022/23 q3', '2022-23-Q3'],
];

for (const [raw, key] of cases) {
  test(`reads '${raw}' as ${key}`, () => {
    assert.deepEqual(normalisePeriod(raw), { key });
  });
}

for (const raw of ['', '   ', '2018-19;Q5', '18/19', 'March 2020', '2018-19 Q0', '2018-2019']) {
  test(`refuses '${raw}' with a reason`, () => {
    const result = normalisePeriod(raw);
    assert.ok('reason' in result, `accepted '${raw}'`);
    assert.match(result.reason, raw.trim() === '' ? /empty/ : /not a period we read/);
  });
}
