// Reads a backup file as it streams out of gunzip: its JSON lines one at a time, and each table's rows passed on
// in bulk, up to the `\.` line that ends them, without holding a table in memory.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ValidationError } from '../../web/errors.ts';

const NEWLINE = 10;
const END_LINE = Buffer.from('\\.\n');

export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;
  private finished = false;

  constructor(private readonly file: string) {
    const gunzip = createGunzip();
    const input = createReadStream(file);
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    this.chunks = (gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** The next line as text, without its line break; null at the end of the file. */
  async line(): Promise<string | null> {
    for (;;) {
      const at = this.buffer.indexOf(NEWLINE);
      if (at >= 0) {
        const text = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 1);
        return text;
      }
      if (!(await this.more())) {
        if (this.buffer.length === 0) return null;
        throw this.broken('it ends part-way through a line');
      }
    }
  }

  /** The next line as JSON of the kind expected. */
  async json<T>(what: string): Promise<T> {
    const text = await this.line();
    if (text === null) throw this.broken(`it ends where ${what} should be`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw this.broken(`${what} is not readable`);
    }
  }

  /** Passes rows to `into` up to the `\.` line, which it consumes; each piece is also given to `seen`. */
  async rows(into: Writable, seen: (piece: Buffer) => void): Promise<void> {
    for (;;) {
      // What is kept always starts at the beginning of a line.
      if (this.buffer.length >= END_LINE.length && this.buffer.subarray(0, 3).equals(END_LINE)) {
        this.buffer = this.buffer.subarray(END_LINE.length);
        return;
      }
      const end = this.buffer.indexOf('\n\\.\n');
      const through = end >= 0 ? end + 1 : this.buffer.lastIndexOf(NEWLINE) + 1;
      if (through > 0) {
        const piece = this.buffer.subarray(0, through);
        this.buffer = this.buffer.subarray(through);
        seen(piece);
        if (!into.write(piece)) await once(into, 'drain');
        continue;
      }
      if (!(await this.more())) throw this.broken('it ends part-way through a table');
    }
  }

  private async more(): Promise<boolean> {
    if (this.finished) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw this.broken(`it cannot be read (${(error as Error).message})`);
    }
    if (next.done) {
      this.finished = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  broken(why: string): ValidationError {
    return ValidationError.field('file', `${this.file} is not a complete Civic Scorecard backup: ${why}`);
  }
}
