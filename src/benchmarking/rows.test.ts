// Reading one record through each shipped profile: the long row it gives, and each problem named by row and column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRecord } from './rows.ts';
import { locateColumns, shippedProfiles, type ProfileDefinition } from './profiles.ts';

function profile(name: string): ProfileDefinition {
  const found = shippedProfiles[name];
  if (!found) throw new Error(`no shipped profile ${name}`);
  return found;
}

const oflogHeader = [
  'Financial year',
  'Local authority code',
  'Local authority name',
  'Grouping',
  'Entity_Name',
  'Region',
  'Measure',
  'Code',
  'Value',
  'MEDIAN',
  'MADs_from_median',
  'rank_order',
];
const oflog = profile('oflog-asc');
const oflogAt = locateColumns(oflog, oflogHeader);
const oflogRecord = (overrides: Record<number, string> = {}): string[] => {
  const record = [
    '2016-17',
    'E06000005',
    'Darlington',
    'LA_Raw',
    'Unitary Authorities',
    'North East',
    'Outcome, ASC Carer Quality of Life',
    'ASC1',
    '7.6',
    '7.6',
    '0',
    'desc',
  ];
  for (const [i, v] of Object.entries(overrides)) record[Number(i)] = v;
  return record;
};

test('an Oflog row keeps its code as written and its GSS code', () => {
  assert.deepEqual(readRecord(oflog, oflogAt, oflogRecord(), 2), {
    row: {
      metric: 'ASC1',
      areaCode: 'E06000005',
      areaName: 'Darlington',
      period: '2016-17',
      value: '7.6',
      numerator: null,
      denominator: null,
    },
  });
});

test('an empty value is no figure, not a zero', () => {
  const read = readRecord(oflog, oflogAt, oflogRecord({ 8: '' }), 2);
  assert.ok('row' in read);
  assert.equal(read.row.value, null);
});

test('a value that is not a number is refused, naming the row and column', () => {
  assert.deepEqual(readRecord(oflog, oflogAt, oflogRecord({ 8: '7,6' }), 14), {
    problems: [{ field: 'row 14, column Value', message: "'7,6' is not a number" }],
  });
});

test('a bad area code and a bad period are both reported for the same row', () => {
  const read = readRecord(oflog, oflogAt, oflogRecord({ 0: 'last year', 1: 'Darlington' }), 3);
  assert.ok('problems' in read);
  assert.deepEqual(
    read.problems.map((p) => p.field),
    ['row 3, column Local authority code', 'row 3, column Financial year'],
  );
  assert.match(read.problems[0]?.message ?? '', /not an ONS GSS code/);
});

test('a row of empty cells is skipped as blank', () => {
  assert.deepEqual(
    readRecord(
      oflog,
      oflogAt,
      oflogRecord().map(() => ''),
      9,
    ),
    { blank: true },
  );
});

const quarterly = profile('lgbf-quarterly');
const quarterlyHeader = [
  '\uFEFFKey_CodePeriodDType',
  'Code',
  'LocalAuthority',
  'Period',
  'Value',
  'Numerator',
  'Denominator',
  'FamilyRank',
];
const quarterlyAt = locateColumns(quarterly, quarterlyHeader);

test('an LGBF quarterly row finds its council by name and its period as a quarter key', () => {
  const read = readRecord(
    quarterly,
    quarterlyAt,
    ['k', 'CORP 09', 'Argyll & Bute', '2018-19;Q1', '0.98', '2985.0', '3035.0', '3.0'],
    2,
  );
  assert.deepEqual(read, {
    row: {
      metric: 'CORP 09',
      areaCode: 'S12000035',
      areaName: 'Argyll & Bute',
      period: '2018-19-Q1',
      value: '0.98',
      numerator: '2985.0',
      denominator: '3035.0',
    },
  });
});

test('an unknown Scottish council is refused by name', () => {
  assert.deepEqual(
    readRecord(quarterly, quarterlyAt, ['k', 'CORP 09', 'Gotham', '2018-19;Q1', '1', '', '', ''], 7),
    {
      problems: [
        { field: 'row 7, column LocalAuthority', message: "'Gotham' is not the name of a Scottish council" },
      ],
    },
  );
});

const lgInform = profile('lg-inform-long');
const lgAt = locateColumns(lgInform, [
  'area_code',
  'area_name',
  'period',
  'indicator',
  'measure',
  'unit',
  'value',
]);

test("an LG Inform row's metric is its indicator and measure together, and NA is no figure", () => {
  const read = readRecord(
    lgInform,
    lgAt,
    ['E06000055', 'Bedford', '2014/15', 'Household waste recycled', 'Percentage', 'Waste', 'NA'],
    2,
  );
  assert.deepEqual(read, {
    row: {
      metric: 'Household waste recycled | Percentage',
      areaCode: 'E06000055',
      areaName: 'Bedford',
      period: '2014-15',
      value: null,
      numerator: null,
      denominator: null,
    },
  });
});

test('a header without a column the profile needs is refused, naming the column', () => {
  assert.throws(
    () => locateColumns(lgInform, ['area_code', 'area_name', 'period', 'indicator', 'value']),
    (error: Error & { details?: { field: string; message: string }[] }) => {
      assert.deepEqual(error.details, [
        { field: 'row 1, column measure', message: "no column 'measure' in the header row" },
      ]);
      return true;
    },
  );
});
