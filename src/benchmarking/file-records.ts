// A benchmark file's records, one at a time, from disk: CSV through csv-lines.ts or XLSX through exceljs's streaming
// reader (first sheet), so a national file is never held whole in memory. Which kind it is comes from its first
// bytes (an XLSX is a zip), not its name.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { cellText } from '../collection/upload/xlsx-read.ts';
import { ValidationError } from '../web/errors.ts';
import { csvRecords as splitCsv } from './csv-lines.ts';

export interface FileRecord {
  /** The row number a person sees in Excel or a text editor's CSV view (the header is row 1). */
  row: number;
  cells: string[];
  /** No cell holds a backslash, tab or line break (false where that was not looked at). */
  plain: boolean;
}

export interface RecordSource {
  /** The records a few thousand at a time: the importer's loop, with one await per batch. */
  batches: AsyncIterable<FileRecord[]>;
  /** The same records one at a time, for small files. */
  records: AsyncIterable<FileRecord>;
  /** Bytes of the file read so far, for a progress bar against its size. */
  bytesRead(): number;
  /** The file's SHA-256 in hex, once every record has been read. */
  sha256(): string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function firstBytes(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function openRecords(file: string): Promise<RecordSource> {
  const head = await firstBytes(file);
  if (head.length === 0) throw ValidationError.field('file', 'The file is empty');
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  // The hash is taken from the same bytes the parser reads, as they pass: the file is read once.
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (error) => hashing.destroy(error));
  input.pipe(hashing);
  const source = head.equals(ZIP_MAGIC) ? xlsxRecords(hashing) : csvRecords(hashing);
  let digest: string | null = null;
  return {
    batches: source,
    records: oneByOne(source),
    bytesRead: () => input.bytesRead,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

async function* oneByOne(batches: AsyncIterable<FileRecord[]>): AsyncGenerator<FileRecord> {
  for await (const batch of batches) yield* batch;
}

function csvRecords(input: Readable): AsyncIterable<FileRecord[]> {
  return splitCsv(input);
}

function xlsxRecords(input: Readable): AsyncIterable<FileRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  async function* records(): AsyncGenerator<FileRecord[]> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const cells: string[] = [];
          for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
          yield [{ row: row.number, cells, plain: false }];
        }
        // The first sheet is the data; the rest (notes, a contents page) are not read.
        return;
      }
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      throw ValidationError.field(
        'file',
        `The file is not a readable XLSX workbook: ${(error as Error).message}`,
      );
    }
  }
  return records();
}
