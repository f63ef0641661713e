// Reading uploaded files, by the table: each malformed file is refused, or its row reported, with the exact
// message a person sees; CSV and XLSX forms of the same figures read the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { readUploadFile } from './file-read.ts';
import { defaultLimits } from './limits.ts';
import { describeProblem } from './rows-read.ts';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function xlsx(
  rows: ExcelJS.CellValue[][],
  options: { sheetName?: string; before?: string; percentCell?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.before) workbook.addWorksheet(options.before).addRow(['not', 'these']);
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const r of rows) sheet.addRow(r);
  if (options.percentCell) sheet.getCell(options.percentCell).numFmt = '0.0%';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const refusals: [string, Buffer, string][] = [
  ['an empty file', csv(''), 'The file is empty'],
  [
    'a header without measure_code',
    csv('code,period,value\nHOU-07,2025-10,1\n'),
    'The header has no measure_code column: it needs measure_code, period and value (or numerator and denominator)',
  ],
  [
    'a header without a value or numerator and denominator',
    csv('measure_code,period,numerator\nHOU-07,2025-10,1\n'),
    'The header has no value column: it needs measure_code, period and value (or numerator and denominator)',
  ],
  [
    'a column named twice',
    csv('measure_code,period,value,Value\n'),
    'The header names the column value twice (columns C and D); keep one',
  ],
  [
    'a quote never closed',
    csv('measure_code,period,value\nHOU-07,2025-10,"12\n'),
    'The CSV could not be read: line 2: a quoted field is never closed',
  ],
  [
    'text that is not UTF-8',
    Buffer.concat([
      csv('measure_code,period,value,commentary\nHOU-07,2025-10,1,caf'),
      Buffer.from([0xe9, 0x0a]),
    ]),
    'The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again',
  ],
  [
    'an old .xls workbook',
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    'The file is an old Excel .xls workbook: save it as .xlsx or CSV and upload it again',
  ],
  [
    'a zip that is not a workbook',
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
    'The file is not a readable XLSX workbook (its zip directory is missing)',
  ],
];

for (const [name, bytes, message] of refusals) {
  test(`refuses ${name}: "${message}"`, async () => {
    await assert.rejects(readUploadFile(bytes, defaultLimits), { message });
  });
}

test('refuses a file over the size limit, saying both sizes', async () => {
  const bytes = csv('measure_code,period,value\n' + 'HOU-07,2025-10,1\n'.repeat(80_000));
  await assert.rejects(readUploadFile(bytes, { ...defaultLimits, maxBytes: 1024 * 1024 }), {
    message: 'The file is 1.3 MB; the largest upload accepted is 1 MB',
  });
});

test('refuses a CSV and an XLSX with more rows than the limit', async () => {
  const limits = { ...defaultLimits, maxRows: 3 };
  const message = 'The file has more than 3 rows of figures; split it into smaller files';
  const lines = ['measure_code,period,value', ...['1', '2', '3', '4'].map((v) => `HOU-01,2025-10,${v}`)];
  await assert.rejects(readUploadFile(csv(lines.join('\n')), limits), { message });
  const rows = lines.map((l) => l.split(','));
  await assert.rejects(readUploadFile(await xlsx(rows), limits), { message });
  assert.equal((await readUploadFile(csv(lines.slice(0, 4).join('\n')), limits)).rows.length, 3);
});

test('refuses a workbook that expands beyond the unzipped limit before opening it', async () => {
  // Highly repetitive rows compress about a hundredfold: a small file that unzips to several megabytes.
  const rows = [['measure_code', 'period', 'value', 'commentary']];
  for (let i = 0; i < 20_000; i++)
    rows.push(['HOU-01', '2025-10', '1', 'The same words over and over again.']);
  const bytes = await xlsx(rows);
  assert.ok(bytes.length < 1024 * 1024, `the workbook is ${bytes.length} bytes`);
  await assert.rejects(readUploadFile(bytes, { ...defaultLimits, maxUnzippedBytes: 2 * 1024 * 1024 }), {
    message:
      'The workbook expands to more than 2 MB when unzipped, which no figures upload needs; it was not opened',
  });
});

test('refuses a workbook whose directory claims gigabytes, without inflating it', async () => {
  const bytes = await xlsx([['measure_code', 'period', 'value']]);
  // Rewrite every central-directory entry's declared uncompressed size to 1 GB.
  for (let i = 0; i < bytes.length - 4; i++) {
    if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt32LE(1024 * 1024 * 1024, i + 24);
  }
  const before = process.memoryUsage().rss;
  await assert.rejects(readUploadFile(bytes, defaultLimits), /expands to more than 200 MB when unzipped/);
  assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024);
});

test('reads a CSV with a byte-order mark, semicolons, quoted fields, any header case and blank rows', async () => {
  const text =
    '\uFEFF Measure_Code ;PERIOD;value;Commentary;notes\n' +
    'hou-07;2025-10; 1,234 ;"Up; because ""winter""";x\n' +
    ';;;;\n' +
    '\n' +
    'HOU-07;2025-11;12.5%;"two\nlines";\n';
  const read = await readUploadFile(csv(text), defaultLimits);
  assert.deepEqual(read.unknownColumns, ['notes']);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(
    read.rows.map((r) => [r.row, r.measure_code, r.period, r.value, r.commentary]),
    [
      [2, 'HOU-07', '2025-10', '1,234', 'Up; because "winter"'],
      [5, 'HOU-07', '2025-11', '12.5%', 'two\nlines'],
    ],
  );
});

test('reports a figure given twice in one file, naming both rows', async () => {
  const text =
    'measure_code,period,value,breakdown\nHOU-01,2025-10,1,\nHOU-01,2025-10,2,ward:A\nHOU-01,2025-10,3,\n,2025-10,4,\n';
  const read = await readUploadFile(csv(text), defaultLimits);
  assert.deepEqual(read.problems.map(describeProblem), [
    'row 4: HOU-01 2025-10 is given twice, on rows 2 and 4; keep one',
    'row 5, column measure_code: enter the measure code',
  ]);
});

test('reads an XLSX: the sheet named values, numbers, percentages, formulas by their result, months typed as dates', async () => {
  const bytes = await xlsx(
    [
      ['Measure_code', 'period', 'value', 'commentary'],
      ['HOU-01', new Date(Date.UTC(2025, 9, 1)), 1234, 'typed'],
      ['HOU-07', '2025-11', 0.125, 'a percentage'],
      ['HOU-01', '2025-12', { formula: 'C2*2', result: 2468 }, 'a formula'],
      [null, null, null, null],
      [
        'HOU-01',
        '2026-01',
        { sharedFormula: 'C4', result: 7 },
        { richText: [{ text: 'rich ' }, { text: 'text' }] },
      ],
    ],
    { sheetName: 'Values', before: 'Notes', percentCell: 'C3' },
  );
  const read = await readUploadFile(bytes, defaultLimits);
  assert.deepEqual(
    read.rows.map((r) => [r.row, r.measure_code, r.period, r.value, r.commentary]),
    [
      [2, 'HOU-01', '2025-10', '1234', 'typed'],
      [3, 'HOU-07', '2025-11', '12.5%', 'a percentage'],
      [4, 'HOU-01', '2025-12', '2468', 'a formula'],
      [6, 'HOU-01', '2026-01', '7', 'rich text'],
    ],
  );
});

test('reads the first sheet of a workbook with no sheet named values', async () => {
  const bytes = await xlsx([
    ['measure_code', 'period', 'value'],
    ['HOU-01', '2025-10', 41.5],
  ]);
  const read = await readUploadFile(bytes, defaultLimits);
  assert.deepEqual(
    read.rows.map((r) => [r.measure_code, r.value]),
    [['HOU-01', '41.5']],
  );
});
