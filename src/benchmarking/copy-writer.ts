// Writes rows to a COPY … FROM STDIN stream in COPY's text format, ~64 KB at a time, waiting whenever the stream
// says it is full: the parser is paced by PostgreSQL, so memory stays flat however long the file.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 64 * 1024;

/** COPY's text format: \N is NULL; backslash, tab and line breaks are escaped. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

function plainText(value: string | null): string {
  return value ?? '\\N';
}

export class CopyWriter {
  private chunk = '';

  constructor(private readonly stream: Writable) {}

  /**
   * Adds a row; returns a promise to wait on only when a chunk was sent and the stream is full. `plain` says no
   * value holds a backslash, tab or line break (the reader knows it of a whole line at once), so none is escaped.
   */
  row(plain: boolean, ...values: (string | null)[]): Promise<void> | undefined {
    const text = plain ? plainText : copyText;
    let line = text(values[0] ?? null);
    for (let i = 1; i < values.length; i++) line += '\t' + text(values[i] ?? null);
    this.chunk += line + '\n';
    return this.chunk.length >= CHUNK_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.chunk === '') return;
    const ok = this.stream.write(this.chunk);
    this.chunk = '';
    if (!ok) await once(this.stream, 'drain');
  }

  /** Sends what is left and waits for PostgreSQL to confirm the COPY. */
  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
  }
}
