// A benchmark file's records, one at a time, from disk: CSV through csv-parse or XLSX through exceljs's streaming
// reader (first sheet), so a national file is never held whole in memory. Which kind it is comes from its first
// bytes (an XLSX is a zip), not its name.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { cellText } from '../collection/upload/xlsx-read.ts';
import { ValidationError } from '../web/errors.ts';

export interface FileRecord {
  /** The row number a person sees in Excel or a text editor's CSV view (the header is row 1). */
  row: number;
  cells: string[];
}

export interface RecordSource {
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
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  // The hash is taken from the same bytes the parser reads: the file is read once.
  const hash = createHash('sha256');
  input.on('data', (chunk) => hash.update(chunk));
  const source = head.equals(ZIP_MAGIC) ? xlsxRecords(input) : csvRecords(input);
  let digest: string | null = null;
  return { ...source, sha256: () => (digest ??= hash.digest('hex')) };
}

type Input = ReturnType<typeof createReadStream>;

function csvRecords(input: Input): Omit<RecordSource, 'sha256'> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  input.pipe(parser);
  input.on('error', (error) => parser.destroy(error));
  async function* records(): AsyncGenerator<FileRecord> {
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { row: item.info.lines, cells: item.record };
      }
    } catch (error) {
      const e = error as { code?: string; lines?: number; message?: string };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
        throw ValidationError.field(
          `line ${e.lines ?? '?'}`,
          `The file is not readable CSV: ${e.message ?? e.code}`,
        );
      throw error;
    }
  }
  return { records: records(), bytesRead: () => input.bytesRead };
}

function xlsxRecords(input: Input): Omit<RecordSource, 'sha256'> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  async function* records(): AsyncGenerator<FileRecord> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const cells: string[] = [];
          for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
          yield { row: row.number, cells };
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
  return { records: records(), bytesRead: () => input.bytesRead };
}
