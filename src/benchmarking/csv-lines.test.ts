// The streaming CSV reader reads what csv-parse reads: plain lines, quoted commas, doubled quotes, line breaks in a
// quoted field (the LGBF quarterly file has them), CRLF, a byte-order mark and blank lines; an unclosed quote is
// refused naming its row. Chunk boundaries anywhere give the same records.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvRecords, type CsvRecord } from './csv-lines.ts';

async function read(text: string, chunkSize = 1 << 20): Promise<CsvRecord[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const records: CsvRecord[] = [];
  for await (const batch of csvRecords(Readable.from(chunks))) records.push(...batch);
  return records;
}

const awkward =
  '\uFEFFcode,name,note\r\n' +
  'ASC1,"Outcome, carers",plain\r\n' +
  '\r\n' +
  'CORP 09,"He said ""yes""","two\nlines, here"\r\n' +
  'X,£5 café,\r\n' +
  'last,row,"ends"';

test('reads quoted commas, doubled quotes, line breaks, CRLF, a BOM and blank lines as csv-parse does', async () => {
  const ours = await read(awkward);
  const theirs = parse(awkward, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  assert.deepEqual(
    ours.map((r) => r.cells),
    theirs,
  );
  assert.deepEqual(
    ours.map((r) => r.row),
    [1, 2, 4, 6, 7],
  );
});

test('gives the same records whatever the chunk boundaries, even inside a multi-byte character', async () => {
  const whole = await read(awkward);
  for (const size of [1, 2, 3, 5, 7, 16])
    assert.deepEqual(await read(awkward, size), whole, `chunks of ${size}`);
});

test('refuses a quoted field never closed, naming the row it starts on', async () => {
  await assert.rejects(read('a,b\n1,"open\n2,3\n'), (error: Error & { details?: { field: string }[] }) => {
    assert.equal(error.details?.[0]?.field, 'row 2');
    assert.match(error.message, /not closed/);
    return true;
  });
});

test('refuses text after a closing quote', async () => {
  await assert.rejects(read('a,b\n"x"y,2\n'), /followed by 'y', not a comma/);
});
