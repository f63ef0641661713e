// SPC settings as typed: every problem is named by its field, and good settings come back in period order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateSpcSettings, type SpcSettingsInput } from './spc-settings.validation.ts';

type Measure = Parameters<typeof validateSpcSettings>[0];
const monthly: Measure = { code: 'HOU-05', polarity: 'down', frequency: 'monthly' };
const quarterly: Measure = { code: 'ASC-02', polarity: 'up', frequency: 'quarterly' };

function problems(input: Partial<SpcSettingsInput>, measure = monthly) {
  return validateSpcSettings(measure, { baseline: null, recalculations: [], ...input }).problems;
}

describe('validateSpcSettings', () => {
  test('no baseline and no points are valid: limits from all the figures shown', () => {
    assert.deepEqual(problems({}), []);
  });

  test('a good baseline and points come back with their first days, the points in period order', () => {
    const { settings, problems: found } = validateSpcSettings(monthly, {
      baseline: { from: '2023-04', to: ' 2024-03 ', reason: ' Stable year ' },
      recalculations: [
        { period: '2025-10', reason: 'Second change' },
        { period: '2025-04', reason: 'New contractor' },
      ],
    });
    assert.deepEqual(found, []);
    assert.deepEqual(settings.baseline, {
      from: '2023-04',
      start: '2023-04-01',
      to: '2024-03',
      reason: 'Stable year',
    });
    assert.deepEqual(
      settings.recalculations.map((r) => [r.period, r.start]),
      [
        ['2025-04', '2025-04-01'],
        ['2025-10', '2025-10-01'],
      ],
    );
  });

  const cases: [string, Partial<SpcSettingsInput>, string, RegExp][] = [
    [
      'a missing first period',
      { baseline: { from: '', to: '2024-03', reason: 'r' } },
      'baselineFrom',
      /Baseline from: enter a period/,
    ],
    [
      'a period that is not one',
      { baseline: { from: '2023-13', to: '2024-03', reason: 'r' } },
      'baselineFrom',
      /Baseline from:/,
    ],
    [
      'a quarter for a monthly measure',
      { baseline: { from: '2023-24-Q1', to: '2024-03', reason: 'r' } },
      'baselineFrom',
      /is a quarter but HOU-05 is reported monthly/,
    ],
    [
      'an end before the start',
      { baseline: { from: '2024-03', to: '2023-04', reason: 'r' } },
      'baselineTo',
      /must end on or after/,
    ],
    [
      'a one-period baseline',
      { baseline: { from: '2024-03', to: '2024-03', reason: 'r' } },
      'baselineTo',
      /at least 2 periods/,
    ],
    [
      'a baseline without a reason',
      { baseline: { from: '2023-04', to: '2024-03', reason: '  ' } },
      'baselineReason',
      /say why/,
    ],
    [
      'a point without a reason',
      { recalculations: [{ period: '2025-04', reason: '' }] },
      'recalculations[0].reason',
      /Reason for recalculation point 1: say why/,
    ],
    [
      'a point without a period',
      { recalculations: [{ period: '', reason: 'r' }] },
      'recalculations[0].period',
      /Recalculation point 1: enter a period/,
    ],
    [
      'the same point twice',
      {
        recalculations: [
          { period: '2025-04', reason: 'a' },
          { period: '2025-04', reason: 'b' },
        ],
      },
      'recalculations[1].period',
      /2025-04 is given twice/,
    ],
    [
      'a point inside the baseline',
      {
        baseline: { from: '2023-04', to: '2024-03', reason: 'r' },
        recalculations: [{ period: '2024-03', reason: 'x' }],
      },
      'recalculations[0].period',
      /falls inside the baseline/,
    ],
    [
      'a very long reason',
      { baseline: { from: '2023-04', to: '2024-03', reason: 'x'.repeat(501) } },
      'baselineReason',
      /500 characters or fewer/,
    ],
  ];
  for (const [what, input, field, message] of cases) {
    test(`${what} is refused on the field ${field}`, () => {
      const found = problems(input);
      const hit = found.find((p) => p.field === field);
      assert.ok(hit, `expected a problem on ${field}, got ${JSON.stringify(found)}`);
      assert.match(hit.message, message);
    });
  }

  test('too many recalculation points are refused as a whole', () => {
    const recalculations = Array.from({ length: 13 }, (_, i) => ({ period: `20${10 + i}-04`, reason: 'r' }));
    assert.ok(
      problems({ recalculations }).some((p) => p.field === 'recalculations' && /at most 12/.test(p.message)),
    );
  });

  test('a quarterly measure takes quarter keys', () => {
    assert.deepEqual(
      problems(
        {
          baseline: { from: '2022-23-Q1', to: '2023-24-Q4', reason: 'r' },
          recalculations: [{ period: '2024-25-Q3', reason: 'r' }],
        },
        quarterly,
      ),
      [],
    );
  });
});
