// Which period a measure's figure is due for, by the table: pure, so no database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duePeriod } from './entry.service.ts';

const cases: [
  string,
  Parameters<typeof duePeriod>[0],
  string | null,
  string,
  { period: string; overdue: boolean },
][] = [
  [
    'a monthly measure up to date is due next month, not yet',
    'monthly',
    '2026-10',
    '2026-11-26',
    { period: '2026-11', overdue: false },
  ],
  [
    'a monthly measure a month behind owes last month',
    'monthly',
    '2026-09',
    '2026-11-26',
    { period: '2026-10', overdue: true },
  ],
  [
    'a monthly measure far behind owes the first missing month',
    'monthly',
    '2026-03',
    '2026-11-26',
    { period: '2026-04', overdue: true },
  ],
  [
    'a monthly measure with no figures owes the latest complete month',
    'monthly',
    null,
    '2026-11-26',
    { period: '2026-10', overdue: true },
  ],
  [
    'a quarterly measure owes the quarter just ended',
    'quarterly',
    '2026-27-Q1',
    '2026-11-26',
    { period: '2026-27-Q2', overdue: true },
  ],
  [
    'a quarterly measure up to date is due at the end of this quarter',
    'quarterly',
    '2026-27-Q2',
    '2026-11-26',
    { period: '2026-27-Q3', overdue: false },
  ],
  [
    'an annual measure with no figures owes last financial year',
    'annual',
    null,
    '2026-11-26',
    { period: '2025-26', overdue: true },
  ],
  [
    'an academic-year measure owes the year that ended in August',
    'academic_year',
    'AY2024-25',
    '2026-11-26',
    { period: 'AY2025-26', overdue: true },
  ],
];

for (const [name, frequency, latest, today, expected] of cases) {
  test(name, () => {
    assert.deepEqual(duePeriod(frequency, latest, today), expected);
  });
}
