// One uploaded row's figure checked by the entry form's rules, by the table, with the exact message a person
// reads in the preview: "row 12, column value: 'abc' is not a number".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRow, type RowMeasure } from './row-figure.ts';
import { describeProblem, type UploadRow } from './rows-read.ts';

const count: RowMeasure = {
  code: 'HOU-01',
  unit: 'count',
  frequency: 'monthly',
  calculation_type: 'value',
  formula: '',
};
const percent: RowMeasure = { ...count, code: 'HOU-04', unit: 'percent' };
const ratio: RowMeasure = { ...percent, code: 'HOU-07', calculation_type: 'ratio' };
const formula: RowMeasure = {
  ...count,
  code: 'HOU-99',
  calculation_type: 'formula',
  formula: '[HOU-01] + [HOU-02]',
};

function row(fields: Partial<UploadRow>): UploadRow {
  return {
    row: 12,
    measure_code: 'HOU-01',
    period: '2025-10',
    value: '',
    numerator: '',
    denominator: '',
    breakdown: '',
    commentary: '',
    ...fields,
  };
}

const refused: [string, RowMeasure, Partial<UploadRow>, string[]][] = [
  ['text for a number', count, { value: 'abc' }, ["row 12, column value: 'abc' is not a number"]],
  ['no figure', count, {}, ['row 12, column value: enter the figure']],
  [
    'a negative count',
    count,
    { value: '-3' },
    ['row 12, column value: -3 is negative; a count cannot be below zero'],
  ],
  [
    'a percentage for a count',
    count,
    { value: '12.5%' },
    ["row 12, column value: '12.5%' is a percentage but HOU-01 is not measured in per cent"],
  ],
  [
    'a quarter for a monthly measure',
    count,
    { period: '2025-26-Q1', value: '1' },
    ['row 12, column period: 2025-26-Q1 is a quarter but HOU-01 is reported monthly'],
  ],
  [
    'a numerator above its denominator',
    ratio,
    { numerator: '51', denominator: '50' },
    [
      'row 12, column numerator: 51 is greater than the denominator 50; a percentage cannot be more than 100%',
    ],
  ],
  [
    'a ratio without its denominator',
    ratio,
    { numerator: '5' },
    ['row 12, column denominator: enter the denominator'],
  ],
  [
    'a formula measure',
    formula,
    { value: '4' },
    [
      'row 12, column value: HOU-99 is calculated from its formula: enter its inputs (HOU-01, HOU-02) and its figure is worked out from them',
    ],
  ],
];

for (const [name, measure, fields, messages] of refused) {
  test(`refuses ${name}`, () => {
    const checked = checkRow(row(fields), measure);
    assert.ok(Array.isArray(checked));
    assert.deepEqual(checked.map(describeProblem), messages);
  });
}

const accepted: [string, RowMeasure, Partial<UploadRow>, number][] = [
  ['thousands separators', count, { value: '1,234' }, 1234],
  ['a percentage with its sign', percent, { value: '12.5%' }, 12.5],
  ['a percentage without its sign', percent, { value: '12.5' }, 12.5],
  ['a ratio worked out from its parts', ratio, { numerator: '45', denominator: '50' }, 90],
];

for (const [name, measure, fields, value] of accepted) {
  test(`accepts ${name}`, () => {
    const checked = checkRow(row(fields), measure);
    assert.ok(!Array.isArray(checked), JSON.stringify(checked));
    assert.equal(checked.figure.value, value);
  });
}
