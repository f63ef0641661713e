// A round's due periods by frequency: what a month's, a quarter's and a year's round collect.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePeriod, periodKey, type Frequency } from '../../assessment/index.ts';
import { periodsDueIn } from './rounds.due.ts';

const due = (round: string, frequency: Frequency) =>
  periodsDueIn(parsePeriod(round), frequency).map(periodKey);

describe('periodsDueIn', () => {
  const cases: [string, Frequency, string[]][] = [
    ['2025-10', 'monthly', ['2025-10']],
    ['2025-10', 'quarterly', []],
    ['2025-12', 'quarterly', ['2025-26-Q3']],
    ['2025-26-Q2', 'monthly', ['2025-07', '2025-08', '2025-09']],
    ['2025-26-Q2', 'quarterly', ['2025-26-Q2']],
    ['2025-26-Q2', 'annual', []],
    ['2025-26-Q4', 'annual', ['2025-26']],
    ['2025-26', 'quarterly', ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3', '2025-26-Q4']],
    [
      '2025-26',
      'monthly',
      [
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ],
    ],
    ['2025-26-Q2', 'academic_year', ['AY2024-25']],
    ['2025-26-Q3', 'academic_year', []],
  ];
  for (const [round, frequency, expected] of cases)
    test(`a ${round} round collects ${frequency} figures for ${expected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(due(round, frequency), expected);
    });
});
