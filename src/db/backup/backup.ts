// `scorecard backup`: a consistent snapshot of the whole database (one repeatable-read transaction, every table
// streamed out by COPY), written gzipped to a temporary file and renamed into place only when complete.
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import { poolOf, type Db } from '../connection.ts';
import { MAGIC, END_OF_ROWS, type BackupEnd, type BackupHeader, type TableHeader } from './backup-format.ts';
import { backupTables, quoted } from './tables.ts';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

export async function writeBackup(db: Db, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial);
  const written = once(output, 'close');
  gzip.pipe(output);
  const put = async (data: string | Buffer) => {
    if (!gzip.write(data)) await once(gzip, 'drain');
  };
  const client = await poolOf(db).connect();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await backupTables(client);
    const migrations = await client.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    const header: BackupHeader = {
      takenAt: new Date().toISOString(),
      migrations: migrations.rows.map((r) => r.name),
      tables: tables.length,
    };
    await put(`${MAGIC}\n${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const tableHeader: TableHeader = {
        table: table.name,
        columns: table.columns,
        partition: table.partition,
      };
      await put(`${JSON.stringify(tableHeader)}\n`);
      const hash = createHash('sha256');
      let lines = 0;
      const columns = table.columns.map(quoted).join(', ');
      const stream = client.query(copyTo(`COPY ${quoted(table.name)} (${columns}) TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
        await put(chunk);
      }
      rows += lines;
      await put(`${END_OF_ROWS}\n${JSON.stringify({ rows: lines, sha256: hash.digest('hex') })}\n`);
    }
    const end: BackupEnd = { end: true, tables: tables.length };
    await put(`${JSON.stringify(end)}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    await rename(partial, file);
    return { file, tables: tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}
