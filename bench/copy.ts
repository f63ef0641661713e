// Streams rows into a table with PostgreSQL COPY: rows are encoded lazily in ~64 KB chunks and the stream's
// back-pressure paces the generator, so a quarter of a million rows never sit in memory at once.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

const CHUNK_BYTES = 64 * 1024;

/** COPY's text format: \N is NULL; backslash, tab and line breaks are escaped. */
export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal for COPY; the elements here are plain words, quoted anyway so a comma cannot split one. */
export function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function* encodedChunks(rows: Iterable<readonly CopyValue[]>, width: number): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    if (row.length !== width) throw new RangeError(`a COPY row has ${row.length} values, expected ${width}`);
    chunk += row.map(encodeCopyValue).join('\t') + '\n';
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Returns the number of rows PostgreSQL stored. Table and column names are the caller's constants. */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encodedChunks(rows, columns.length)), stream);
  return stream.rowCount;
}
