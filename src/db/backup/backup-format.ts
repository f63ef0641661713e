// The backup file: gzip of a first line naming the format, a JSON line of what the backup is, then each table as a
// JSON line, its rows in COPY's text format ended by `\.`, and a JSON line of its row count and SHA-256; then an end
// line. COPY escapes every backslash and line break inside a value, so no row can be the `\.` line.

export const MAGIC = 'civic-scorecard backup 1';
export const END_OF_ROWS = '\\.';

export interface BackupHeader {
  takenAt: string;
  /** The migrations the database had run: a backup restores only into the same version of Civic Scorecard. */
  migrations: string[];
  tables: number;
}

export interface TableHeader {
  table: string;
  columns: string[];
  partition: { of: string; bound: string } | null;
}

export interface TableTrailer {
  rows: number;
  sha256: string;
}

export interface BackupEnd {
  end: true;
  tables: number;
}
