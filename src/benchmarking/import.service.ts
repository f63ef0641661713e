// Loads a benchmark file as a new version of a dataset: read through its profile, streamed into PostgreSQL with
// COPY, all or nothing in one transaction. The rows go into a bare table of their own; its index is built once
// they are in and it is attached as the version's partition of benchmark_rows (bench/README.md, "benchmarks").
// A metric, period and area given twice is refused here, as the file is read: no index checks it.
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db } from '../db/connection.ts';
import { ValidationError, type FieldProblem } from '../web/errors.ts';
import { CopyWriter } from './copy-writer.ts';
import { openRecords } from './file-records.ts';
import { recordSourceFacts, type SourceFacts } from './import.facts.ts';
import { KeysSeen } from './keys-seen.ts';
import { findProfile } from './profiles.queries.ts';
import { locateColumns, polarityFromWord, type ColumnPositions, type ProfileDefinition } from './profiles.ts';
import { rowReader, type LongRow } from './rows.ts';

export interface ImportRequest {
  councilId: string;
  /** null from the command line, where whoever runs the server is the operator. */
  userId: string | null;
  file: string;
  fileName: string;
  profile: string;
  /** The dataset this file is a new version of, by name; created on its first load. */
  dataset: string;
  /** Filled, when given, with the milliseconds each step took: where a load's time goes (the benchmark prints it). */
  timings?: Record<string, number>;
  /** Called now and then with rows read and bytes read of the file's size. */
  progress?: (rows: number, bytes: number, totalBytes: number) => void;
}

export interface ImportResult {
  datasetId: string;
  versionId: string;
  version: number;
  rows: number;
  metrics: number;
  areas: number;
  sha256: string;
}

/** Problems listed before the rest are only counted: enough to fix a file by, not a second copy of it. */
const MAX_LISTED_PROBLEMS = 20;

function safeId(id: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`not a row id: ${id}`);
  return id;
}

export async function importBenchmarkFile(db: Db, request: ImportRequest): Promise<ImportResult> {
  const definition = await findProfile(db, request.councilId, request.profile);
  const dataset = request.dataset.trim();
  if (dataset === '' || dataset.length > 200)
    throw ValidationError.field('dataset', 'Give the dataset a name of 1 to 200 characters');
  const totalBytes = (await stat(request.file)).size;
  const source = await openRecords(request.file);

  const client = await poolOf(db).connect();
  try {
    await client.query('BEGIN');
    // The version's index is built in one sort after the load; memory for it is the server's, for this load only.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const datasetRow = await client.query<{ id: string }>(
      `INSERT INTO benchmark_datasets (council_id, name) VALUES ($1, $2)
       ON CONFLICT (council_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [request.councilId, dataset],
    );
    const datasetId = safeId(datasetRow.rows[0]?.id ?? '');
    // The row lock taken above makes two loads of one dataset number their versions one after the other.
    const versionRow = await client.query<{ id: string; version: number }>(
      `INSERT INTO benchmark_dataset_versions (council_id, dataset_id, version, file_name, sha256, profile, imported_by)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, repeat('0', 64), $4, $5
         FROM benchmark_dataset_versions WHERE dataset_id = $2
       RETURNING id, version`,
      [request.councilId, datasetId, request.fileName, request.profile, request.userId],
    );
    const versionId = safeId(versionRow.rows[0]?.id ?? '');
    const version = versionRow.rows[0]?.version ?? 0;
    const table = `benchmark_rows_v${versionId}`;
    await client.query(
      `CREATE TABLE ${table} (LIKE benchmark_rows, CHECK (version_id = ${versionId}));
       ALTER TABLE ${table} ALTER COLUMN council_id SET DEFAULT ${safeId(request.councilId)},
                            ALTER COLUMN version_id SET DEFAULT ${versionId}`,
    );

    let clock = performance.now();
    const lap = (step: string) => {
      const now = performance.now();
      if (request.timings) request.timings[step] = now - clock;
      clock = now;
    };
    const facts = await copyRows(client, table, source, definition, request, totalBytes);
    const sha256 = source.sha256();
    lap('read, check and COPY');
    // benchmark_rows_metric's counterpart (migration 016), so the attach adopts it rather than building another.
    await client.query(`CREATE INDEX ${table}_metric ON ${table} (metric_code)`);
    lap('index');
    await client.query(`ALTER TABLE benchmark_rows ATTACH PARTITION ${table} FOR VALUES IN (${versionId})`);
    lap('attach');
    await client.query(`ANALYZE ${table}`);
    lap('analyze');
    await recordSourceFacts(client, { councilId: request.councilId, datasetId, facts });
    await client.query(`UPDATE benchmark_dataset_versions SET row_count = $2, sha256 = $3 WHERE id = $1;`, [
      versionId,
      facts.rows,
      sha256,
    ]);
    await client.query(`UPDATE benchmark_datasets SET current_version_id = $2 WHERE id = $1`, [
      datasetId,
      versionId,
    ]);
    await client.query(
      `INSERT INTO audit_log (council_id, user_id, action, entity, entity_id, after)
       VALUES ($1, $2, 'benchmark.import', 'benchmark_dataset_version', $3, $4)`,
      [
        request.councilId,
        request.userId,
        versionId,
        JSON.stringify({
          dataset,
          datasetId,
          version,
          file: request.fileName,
          sha256,
          profile: request.profile,
          rows: facts.rows,
        }),
      ],
    );
    lap('metrics, areas, version');
    await client.query('COMMIT');
    lap('commit');
    return {
      datasetId,
      versionId,
      version,
      rows: facts.rows,
      metrics: facts.metrics.size,
      areas: facts.areas.size,
      sha256,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Streams the file's rows into the version's table; throws, naming rows and columns, if any row is wrong. */
async function copyRows(
  client: pg.PoolClient,
  table: string,
  source: Awaited<ReturnType<typeof openRecords>>,
  definition: Awaited<ReturnType<typeof findProfile>>,
  request: ImportRequest,
  totalBytes: number,
): Promise<SourceFacts> {
  const stream = client.query(
    copyFrom(
      `COPY ${table} (metric_code, area_code, area_name, period, value, numerator, denominator) FROM STDIN WITH (FREEZE)`,
    ),
  );
  const writer = new CopyWriter(stream);
  const facts: SourceFacts = { rows: 0, metrics: new Map(), areas: new Map() };
  const problems: FieldProblem[] = [];
  const keys = new KeysSeen();
  let badRows = 0;
  let at: ReturnType<typeof locateColumns> | null = null;
  let read: ReturnType<typeof rowReader> | null = null;
  try {
    for await (const batch of source.batches) {
      for (const { row, cells, plain } of batch) {
        if (at === null || read === null) {
          at = locateColumns(definition, cells);
          read = rowReader(definition, at);
          continue;
        }
        const outcome = read(cells, row);
        if ('blank' in outcome) continue;
        if ('problems' in outcome) {
          badRows++;
          for (const p of outcome.problems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
          continue;
        }
        const r = outcome.row;
        if (!keys.add(r.metric, r.period, r.areaCode)) {
          badRows++;
          if (problems.length < MAX_LISTED_PROBLEMS)
            problems.push({
              field: `row ${row}`,
              message: `metric ${r.metric}, period ${r.period} and area ${r.areaCode} are given again (once each)`,
            });
          continue;
        }
        facts.rows++;
        if (badRows === 0) {
          const full = writer.row(
            plain,
            r.metric,
            r.areaCode,
            r.areaName,
            r.period,
            r.value,
            r.numerator,
            r.denominator,
          );
          if (full) await full;
        }
        noteFacts(facts, r, cells, at, definition);
      }
      request.progress?.(facts.rows, source.bytesRead(), totalBytes);
    }
  } finally {
    // The COPY is always ended, so the connection is usable for the ROLLBACK that follows a refusal.
    await writer.end();
  }
  request.progress?.(facts.rows, totalBytes, totalBytes);
  if (at === null) throw ValidationError.field('file', `${request.fileName} has no header row: it is empty`);
  if (badRows > 0) {
    const more = badRows > MAX_LISTED_PROBLEMS ? ` (the first ${problems.length} problems are listed)` : '';
    throw new ValidationError(
      `${request.fileName}: ${badRows} ${badRows === 1 ? 'row has' : 'rows have'} problems${more}; nothing was loaded`,
      problems.map((p) => ({ field: `${request.fileName}, ${p.field}`, message: p.message })),
    );
  }
  if (facts.rows === 0) throw ValidationError.field('file', `${request.fileName} has a header but no rows`);
  return facts;
}

/** What the row tells of its metric (title, unit, polarity where the profile maps them) and its area's name. */
function noteFacts(
  facts: SourceFacts,
  r: LongRow,
  cells: string[],
  at: ColumnPositions,
  definition: ProfileDefinition,
): void {
  if (!facts.areas.has(r.areaCode)) facts.areas.set(r.areaCode, r.areaName);
  let metric = facts.metrics.get(r.metric);
  if (!metric) facts.metrics.set(r.metric, (metric = { title: '', unit: '', polarity: null }));
  if (metric.title === '' && at.metricTitle !== null) metric.title = (cells[at.metricTitle] ?? '').trim();
  if (metric.unit === '' && at.unit !== null) metric.unit = (cells[at.unit] ?? '').trim();
  if (metric.polarity === null && at.polarity !== null)
    metric.polarity = polarityFromWord(definition, cells[at.polarity] ?? '');
}
