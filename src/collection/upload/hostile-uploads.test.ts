// Whatever file is uploaded — any text, any bytes, a workbook of any cell values, a damaged workbook — reading it
// gives rows (with each row's problems) or refuses the file with a message, never another exception; and the whole
// preview over HTTP answers 200 or 400, never a 500. Property-based (fast-check).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../../testing/app.ts';
import { ValidationError } from '../../web/errors.ts';
import { readUploadFile } from './file-read.ts';
import { defaultLimits } from './limits.ts';
import { type ReadRows, columns } from './rows-read.ts';

/** Rows, each problem addressed to a row, or a refusal with a message: the only two outcomes allowed. */
async function readOrRefused(bytes: Buffer): Promise<ReadRows | ValidationError> {
  try {
    const read = await readUploadFile(bytes, defaultLimits);
    for (const problem of read.problems) {
      assert.ok(
        Number.isInteger(problem.row) && problem.row >= 1,
        `problem without a row: ${problem.message}`,
      );
      assert.ok(problem.message.length > 0);
    }
    return read;
  } catch (error) {
    assert.ok(error instanceof ValidationError, `not a ValidationError: ${String(error)}`);
    assert.ok(error.message.length > 0);
    return error;
  }
}

// Half the files have the full header, so their rows reach the row checks; the rest any mix of columns.
const someColumns = fc.shuffledSubarray<string>([...columns, 'notes', 'Value', ''], { minLength: 1 });
const headerColumns = fc.oneof(fc.constant<string[]>([...columns]), someColumns);
const header = headerColumns.map((c) => c.join(','));
const cell = fc.oneof(
  fc.constantFrom(
    'HOU-07',
    'ASC-01',
    '2025-10',
    '2026-27-Q1',
    '12.5',
    '-0',
    '1e309',
    'NaN',
    '',
    '=1+1',
    'ward:1',
  ),
  fc.stringMatching(/^[a-zA-Z0-9 .,;:"'\\/%£€=+\-\t\r]{0,20}$/),
  fc.string({ maxLength: 20 }),
  fc.double().map(String),
);
const csvText = fc
  .tuple(header, fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
  .map(([head, rows, end]) => [head, ...rows.map((r) => r.join(','))].join(end));

describe('reading an uploaded CSV', () => {
  test('any text with a header of known and unknown columns gives rows or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        await readOrRefused(Buffer.from(text, 'utf8'));
      }),
      { numRuns: 400 },
    );
  });

  test('any bytes at all give rows or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.string({ maxLength: 400 }).map((s) => Buffer.from(s)),
        ),
        async (bytes) => {
          await readOrRefused(Buffer.from(bytes));
        },
      ),
      { numRuns: 400 },
    );
  });
});

// fast-check's records have no prototype, which exceljs cannot write; a person's workbook never holds one.
const plain = <T extends object>(record: T): T => ({ ...record });
const xlsxCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.date({ min: new Date('1900-03-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
  fc
    .record({
      formula: fc.constantFrom('1+1', 'A1*2', 'SUM(B:B)'),
      result: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })),
    })
    .map(plain),
  fc
    .array(
      fc.string({ maxLength: 10 }).map((text) => ({ text })),
      { maxLength: 3 },
    )
    .map((richText) => ({ richText })),
  fc.string({ maxLength: 10 }).map((text) => ({ text, hyperlink: 'https://example.invalid/' })),
  fc
    .constantFrom<ExcelJS.CellErrorValue['error']>('#N/A', '#REF!', '#DIV/0!', '#VALUE!')
    .map((error) => ({ error })),
);

async function workbook(rows: ExcelJS.CellValue[][], sheetName: string, percent: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  if (percent) sheet.getColumn(3).numFmt = '0.0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}

const sheetRows = fc.tuple(headerColumns, fc.array(fc.array(xlsxCell, { maxLength: 8 }), { maxLength: 15 }));

describe('reading an uploaded XLSX', () => {
  test('a workbook of any cell values (text, numbers, dates, formulas, rich text, links, errors) gives rows or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        sheetRows,
        fc.constantFrom('values', 'Sheet1', 'Figures'),
        fc.boolean(),
        async ([head, rows], name, percent) => {
          const read = await readOrRefused(await workbook([head, ...rows], name, percent));
          if (!(read instanceof ValidationError)) assert.ok(read.rows.length <= rows.length);
        },
      ),
      { numRuns: 120 },
    );
  });

  test('a workbook damaged anywhere (bytes changed, cut short) gives rows or a refusal', async () => {
    const good = await workbook(
      [
        ['measure_code', 'period', 'value'],
        ['HOU-07', '2025-10', 12],
        ['HOU-07', '2025-11', 13],
      ],
      'values',
      false,
    );
    const damage = fc.oneof(
      fc.integer({ min: 4, max: good.length - 1 }).map((cut) => (b: Buffer) => b.subarray(0, cut)),
      fc
        .array(fc.tuple(fc.integer({ min: 4, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        })
        .map((changes) => (b: Buffer) => {
          const copy = Buffer.from(b);
          for (const [at, byte] of changes) copy[at] = byte;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (damaged) => {
        await readOrRefused(damaged(good));
      }),
      { numRuns: 300 },
    );
  });
});

describe('previewing any uploaded file over HTTP', () => {
  let t: TestApp;
  let officer: Client;
  before(async () => {
    t = await startTestApp('demo');
    officer = new Client(t.baseUrl);
    await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
    await officer.get('/uploads');
  });
  after(() => t.close());

  test('answers a preview (200) or the file’s problems (400), never a 500, and writes no figure', async () => {
    const before = await t.db
      .selectFrom('data_values')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const file = fc.oneof(
      csvText.map((text) => ({ name: 'figures.csv', bytes: Buffer.from(text) })),
      sheetRows.chain(([head, rows]) =>
        fc
          .constant(null)
          .map(() => ({ name: 'figures.xlsx', rows: [head, ...rows] as ExcelJS.CellValue[][] })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(file, async (chosen) => {
        const bytes = 'bytes' in chosen ? chosen.bytes : await workbook(chosen.rows, 'values', false);
        const form = new FormData();
        form.set('file', new Blob([new Uint8Array(bytes)]), chosen.name);
        const response = await officer.multipart('/uploads', form);
        const page = await response.text();
        assert.ok([200, 400].includes(response.status), `${response.status}: ${page.slice(0, 300)}`);
        if (response.status === 400) assert.match(page, /govuk-error-summary/);
      }),
      { numRuns: 60 },
    );
    const afterwards = await t.db
      .selectFrom('data_values')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterwards.n, before.n);
  });
});
