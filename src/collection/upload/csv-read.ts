// Reads an uploaded CSV: UTF-8 with or without a byte-order mark, comma or semicolon separated (whichever the
// header line uses, as Excel in many locales saves semicolons), quoted fields allowed; its columns read as rows.
import { CsvError, parse } from 'csv-parse/sync';
import { tooManyRows, UploadRefused } from './problems.ts';
import { rowsReader, type ReadRows, type RowsReader } from './rows-read.ts';

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

/**
 * Reads a CSV's rows as the parser meets them: each record becomes its row and is let go, so a long file's
 * parsed records never sit in memory all at once beside its rows. Refusals come in the same order as for a
 * table read whole: the CSV's syntax, an empty file, too many rows, then the header.
 */
export function readCsv(bytes: Buffer, maxRows: number): ReadRows {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new UploadRefused('The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again');
  }
  const read: { records: number; reader?: RowsReader; badHeader?: unknown } = { records: 0 };
  const take = (record: string[]): null => {
    read.records++;
    if (read.records === 1) {
      try {
        read.reader = rowsReader(record);
      } catch (error) {
        // Kept until the whole file is parsed: a broken quote further down is reported first, as it always was.
        read.badHeader = error;
      }
    } else read.reader?.add({ row: read.records, cells: record });
    return null;
  };
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // One more than allowed is enough to know the file is too long without reading all of it.
      to: maxRows + 2,
      // Returning null keeps the record out of the parser's own list: the row read from it is all that stays.
      on_record: take,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = 'lines' in error && typeof error.lines === 'number' ? `line ${error.lines}: ` : '';
      throw new UploadRefused(`The CSV could not be read: ${line}${csvReason(error)}`);
    }
    throw error;
  }
  if (read.records === 0)
    throw new UploadRefused('The file is empty: it needs a header row and at least one row of figures');
  if (read.records - 1 > maxRows) throw tooManyRows(maxRows);
  if (read.badHeader !== undefined || !read.reader) throw read.badHeader;
  return read.reader.done();
}

function csvReason(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote closes a field but more text follows it';
  return error.message;
}
