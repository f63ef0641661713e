// Reads an uploaded CSV: UTF-8 with or without a byte-order mark, comma or semicolon separated (whichever the
// header line uses, as Excel in many locales saves semicolons), quoted fields allowed.
import { CsvError, parse } from 'csv-parse/sync';
import { tooManyRows, UploadRefused } from './problems.ts';
import type { RawTable } from './table.ts';

/** The separator the header line uses, counting only separators outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function readCsv(bytes: Buffer, maxRows: number): RawTable {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new UploadRefused('The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again');
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // One more than allowed is enough to know the file is too long without reading all of it.
      to: maxRows + 2,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = 'lines' in error && typeof error.lines === 'number' ? `line ${error.lines}: ` : '';
      throw new UploadRefused(`The CSV could not be read: ${line}${csvReason(error)}`);
    }
    throw error;
  }
  const header = records[0];
  if (!header)
    throw new UploadRefused('The file is empty: it needs a header row and at least one row of figures');
  if (records.length - 1 > maxRows) throw tooManyRows(maxRows);
  // Straight from the parsed records, without a copy of the list: a long file's rows are held once.
  const rows: RawTable['rows'] = [];
  for (let i = 1; i < records.length; i++) rows.push({ row: i + 1, cells: records[i] ?? [] });
  return { header, rows };
}

function csvReason(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote closes a field but more text follows it';
  return error.message;
}
