// The open data's CSV by the table: text a spreadsheet would run as a formula is kept as text, numbers stay numbers
// (a negative figure is not "neutralised"), an empty cell means no figure, and the header is the fields in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { openDataFields, type OpenDataRow } from './open-data.fields.ts';
import { openDataCsv } from './open-data.ts';

const row: OpenDataRow = {
  measure_code: 'FIN-01',
  measure_title: '=HYPERLINK("https://example.org","click")',
  unit: 'gbp',
  period: '2025-26-Q1',
  period_label: 'Q1 2025/26',
  period_start: '2025-04-01',
  period_end: '2025-06-30',
  value: -1250.5,
  numerator: null,
  denominator: null,
  target: 0,
  published_at: '2025-07-15T09:30:00.000Z',
  revised: true,
};

test('a title that would run as a formula is written as text, and a negative figure as a number', () => {
  const [header, cells] = parse(
    openDataCsv([row, { ...row, measure_title: '@SUM(A1)', revised: false }]),
  ) as string[][];
  assert.deepEqual(
    header,
    openDataFields.map((f) => f.name),
  );
  assert.deepEqual(cells, [
    'FIN-01',
    `'=HYPERLINK("https://example.org","click")`,
    'gbp',
    '2025-26-Q1',
    'Q1 2025/26',
    '2025-04-01',
    '2025-06-30',
    '-1250.5',
    '',
    '',
    '0',
    '2025-07-15T09:30:00.000Z',
    'true',
  ]);
  const [, , second] = parse(
    openDataCsv([row, { ...row, measure_title: '@SUM(A1)', revised: false }]),
  ) as string[][];
  assert.equal(second?.[1], "'@SUM(A1)");
  assert.equal(second?.at(-1), 'false');
});

test('with no figures the CSV is its header alone', () => {
  assert.equal(openDataCsv([]).trim(), openDataFields.map((f) => f.name).join(','));
});
