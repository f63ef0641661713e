// A streaming CSV reader for national benchmark files. csv-parse reads ~160,000 rows a second on our machine, a
// third of PostgreSQL's own COPY (bench/README.md, "benchmarks"); this reads a line without quotes with one
// split and takes the careful path only for quoted fields, which may hold commas, doubled quotes and line breaks.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ValidationError } from '../web/errors.ts';

export interface CsvRecord {
  /** The line the record starts on: the header is line 1, as in a text editor. */
  row: number;
  cells: string[];
  /** No cell holds a backslash, tab or line break: its text goes into a COPY as it is. */
  plain: boolean;
}

function unreadable(line: number, what: string): ValidationError {
  return ValidationError.field(`row ${line}`, `The file is not readable CSV: ${what}`);
}

/** One record's text, with quotes: RFC 4180 fields, a quote inside a quoted field written twice. */
export function splitQuoted(text: string, line: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw unreadable(line, 'a quoted field is not closed');
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      cells.push(value);
      if (i >= text.length) return cells;
      if (text[i] !== ',') throw unreadable(line, `a quoted field is followed by '${text[i]}', not a comma`);
      i++;
    } else {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        cells.push(text.slice(i));
        return cells;
      }
      cells.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/**
 * The records of a UTF-8 CSV stream, a chunk's worth at a time (one await per few thousand rows, not per row);
 * blank lines are skipped and a byte-order mark dropped.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord[]> {
  // Decoded here, not by setEncoding, so the bytes still pass whole through whatever hashes them upstream.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 1;
  let first = true;
  // A record whose quoted field runs on past a line break, waiting for the rest.
  let open: { text: string; row: number; quotes: number } | null = null;
  const take = (text: string, row: number): CsvRecord | null => {
    if (text === '') return null;
    if (text.includes('"')) return { row, cells: splitQuoted(text, row), plain: false };
    return { row, cells: text.split(','), plain: !/[\\\t\r]/.test(text) };
  };
  const lineOf = (raw: string, row: number): CsvRecord | null => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (open) {
      open.text += `\n${text}`;
      open.quotes += countQuotes(text);
      if (open.quotes % 2 === 1) return null;
      const done = open;
      open = null;
      return take(done.text, done.row);
    }
    if (text.includes('"')) {
      const quotes = countQuotes(text);
      if (quotes % 2 === 1) {
        open = { text, row, quotes };
        return null;
      }
    }
    return take(text, row);
  };
  for await (const bytes of input as AsyncIterable<Buffer>) {
    let text = pending + decoder.write(bytes);
    if (first && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    const batch: CsvRecord[] = [];
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const record = lineOf(text.slice(start, nl), line);
      line++;
      start = nl + 1;
      if (record) batch.push(record);
    }
    pending = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  pending += decoder.end();
  if (pending !== '') {
    const record = lineOf(pending, line);
    if (record) yield [record];
  }
  if (open)
    throw unreadable((open as { row: number }).row, 'a quoted field is not closed by the end of the file');
}
