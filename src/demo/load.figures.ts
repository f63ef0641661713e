// Writes the demo measure library and its figures: measures with their links and first version, targets,
// data values and every value's revision history, in chunks so thousands of rows load in a second or two.
// Formula measures' figures are then calculated by the same code as when a performance officer adds one.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Insertable } from 'kysely';
import { parseFormula } from '../assessment/index.ts';
import { recalculateFormulaMeasures } from '../collection/formula-figures.service.ts';
import type { Database } from '../db/schema.ts';
import { replaceFormulaInputs } from '../measures/formula-inputs.queries.ts';
import { measureColumns, type ResolvedLinks } from '../measures/measure-writes.queries.ts';
import { snapshotOf } from '../measures/measures.present.ts';
import { measureAsSaved } from '../measures/measures.service.ts';
import type { DemoDataset, DemoMeasureRow } from './generate.ts';

/** Codes (or e-mails) of inserted rows to their ids. */
export type Codes = Map<string, string>;

type Refs = { services: Codes; outcomes: Codes; users: Codes };

const CHUNK = 1000;
/** When the demo measure library was set up: fixed, so every load writes the same rows. */
const LIBRARY_CREATED = new Date('2022-04-01T09:00:00Z');

export function idOf(codes: Codes, code: string, what: string): string {
  const id = codes.get(code);
  if (id === undefined) throw new Error(`demo data refers to an unknown ${what} '${code}'`);
  return id;
}

/** Column types for jsonb_to_recordset, which turns one JSON parameter into rows: far quicker than a VALUES list. */
type ColumnTypes<T extends keyof Database> = Partial<Record<keyof Insertable<Database[T]> & string, string>>;

const TARGET_COLUMNS: ColumnTypes<'targets'> = {
  council_id: 'bigint',
  measure_id: 'bigint',
  period: 'text',
  period_start: 'date',
  period_end: 'date',
  value: 'numeric',
  low: 'numeric',
  high: 'numeric',
  tolerance_kind: 'text',
  tolerance: 'numeric',
  source: 'text',
  updated_at: 'timestamptz',
  updated_by: 'bigint',
};

const VALUE_COLUMNS: ColumnTypes<'data_values'> = {
  council_id: 'bigint',
  measure_id: 'bigint',
  period: 'text',
  period_start: 'date',
  period_end: 'date',
  breakdown: 'text',
  value: 'numeric',
  numerator: 'numeric',
  denominator: 'numeric',
  commentary: 'text',
  status: 'text',
  revision: 'integer',
  version: 'integer',
  published_at: 'timestamptz',
  revised_after_publication: 'boolean',
  source: 'text',
  source_ref: 'text',
  created_at: 'timestamptz',
  created_by: 'bigint',
  updated_at: 'timestamptz',
  updated_by: 'bigint',
};

const REVISION_COLUMNS: ColumnTypes<'data_value_revisions'> = {
  council_id: 'bigint',
  data_value_id: 'bigint',
  revision: 'integer',
  value: 'numeric',
  numerator: 'numeric',
  denominator: 'numeric',
  commentary: 'text',
  status: 'text',
  source: 'text',
  source_ref: 'text',
  changed_by: 'bigint',
  changed_at: 'timestamptz',
  published_at: 'timestamptz',
};

interface Inserted {
  id: string;
  measure_id: string;
  period: string;
  breakdown: string;
}

/** Inserts rows (each with exactly the keys of `types`) in one statement, returning each row's key columns. */
async function bulkInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  types: ColumnTypes<T>,
  rows: Insertable<Database[T]>[],
): Promise<Inserted[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(types);
  const definitions = sql.raw(names.map((n) => `${n} ${types[n as keyof typeof types]}`).join(', '));
  const returning = table === 'data_values' ? sql`RETURNING id, measure_id, period, breakdown` : sql``;
  const result = await sql<Inserted>`
    INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    SELECT ${sql.join(names.map((n) => sql.ref(`x.${n}`)))}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${definitions})
    ${returning}`.execute(db);
  return result.rows;
}

/** The ids a demo measure refers to, in the form the measure library writes them. */
function resolvedLinks(m: DemoMeasureRow, refs: Refs): ResolvedLinks {
  return {
    ownerUserId: m.ownerEmail === null ? null : idOf(refs.users, m.ownerEmail, 'user'),
    leadServiceId: idOf(refs.services, m.leadService, 'service'),
    serviceIds: m.services.map((s) => idOf(refs.services, s, 'service')),
    outcomeIds: m.outcomes.map((o) => idOf(refs.outcomes, o, 'outcome')),
  };
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function insertFigures(
  db: Transaction<Database>,
  councilId: string,
  data: DemoDataset,
  refs: Refs,
): Promise<{ measures: number; values: number; targets: number }> {
  const officer = refs.users.get('performance@anytown.example') ?? null;
  const linked = data.measures.map((m) => ({ m, links: resolvedLinks(m, refs) }));
  const measureRows = await db
    .insertInto('measures')
    .values(
      linked.map(({ m, links }) => ({
        council_id: councilId,
        ...measureColumns(m, links),
        created_at: LIBRARY_CREATED,
        updated_at: LIBRARY_CREATED,
        updated_by: officer,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const measures: Codes = new Map(measureRows.map((r) => [r.code, r.id]));

  await db
    .insertInto('measure_services')
    .values(
      linked.flatMap(({ m, links }) =>
        links.serviceIds.map((service_id) => ({
          council_id: councilId,
          measure_id: idOf(measures, m.code, 'measure'),
          service_id,
        })),
      ),
    )
    .execute();
  await db
    .insertInto('measure_outcomes')
    .values(
      linked.flatMap(({ m, links }) =>
        links.outcomeIds.map((outcome_id) => ({
          council_id: councilId,
          measure_id: idOf(measures, m.code, 'measure'),
          outcome_id,
        })),
      ),
    )
    .execute();
  const formulas = data.measures.filter((m) => m.calculationType === 'formula');
  for (const m of formulas) {
    const inputs = parseFormula(m.formula).inputs.map((code) => idOf(measures, code, 'formula input'));
    await replaceFormulaInputs(db, councilId, idOf(measures, m.code, 'measure'), inputs);
  }
  // Version 1 is the measure as the library itself reads and presents it, so later edits diff cleanly against it.
  const snapshots: Codes = new Map();
  for (const [code, id] of measures)
    snapshots.set(code, JSON.stringify(snapshotOf(await measureAsSaved(db, councilId, id))));
  await db
    .insertInto('measure_versions')
    .values(
      data.measures.map((m) => ({
        council_id: councilId,
        measure_id: idOf(measures, m.code, 'measure'),
        version: 1,
        snapshot: idOf(snapshots, m.code, 'measure snapshot'),
        changed_by: officer,
        changed_at: LIBRARY_CREATED,
        note: 'Demo measure library loaded',
      })),
    )
    .execute();

  const targetRows = data.targets.map((t) => ({
    council_id: councilId,
    measure_id: idOf(measures, t.measure, 'measure'),
    period: t.period,
    period_start: t.periodStart,
    period_end: t.periodEnd,
    value: t.value,
    low: t.low,
    high: t.high,
    tolerance_kind: t.toleranceKind,
    tolerance: t.tolerance,
    source: t.source,
    updated_at: LIBRARY_CREATED,
    updated_by: officer,
  }));
  for (const chunk of chunks(targetRows)) await bulkInsert(db, 'targets', TARGET_COLUMNS, chunk);

  const user = (email: string) => idOf(refs.users, email, 'user');
  for (const chunk of chunks(data.values)) {
    const rows = chunk.map((v) => ({
      council_id: councilId,
      measure_id: idOf(measures, v.measure, 'measure'),
      period: v.period,
      period_start: v.periodStart,
      period_end: v.periodEnd,
      breakdown: v.breakdown,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      commentary: v.commentary,
      status: v.status,
      revision: v.revision,
      version: 1,
      published_at: v.publishedAt,
      revised_after_publication: v.revisedAfterPublication,
      source: 'demo',
      source_ref: v.sourceRef,
      created_at: new Date(v.createdAt),
      created_by: user(v.enteredByEmail),
      updated_at: v.updatedAt,
      updated_by: user(v.revisions[v.revisions.length - 1]?.changedByEmail ?? v.enteredByEmail),
    }));
    const inserted = await bulkInsert(db, 'data_values', VALUE_COLUMNS, rows);
    const ids = new Map(inserted.map((r) => [`${r.measure_id}|${r.period}|${r.breakdown}`, r.id]));
    const revisions = chunk.flatMap((v) => {
      const id = idOf(
        ids,
        `${idOf(measures, v.measure, 'measure')}|${v.period}|${v.breakdown}`,
        'data value',
      );
      return v.revisions.map((r) => ({
        council_id: councilId,
        data_value_id: id,
        revision: r.revision,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        commentary: r.commentary,
        status: r.status,
        source: 'demo',
        source_ref: v.sourceRef,
        changed_by: user(r.changedByEmail),
        changed_at: new Date(r.changedAt),
        // A correction was published when it was made; the first revision when the figure was.
        published_at:
          r.status !== 'published' ? null : r.revision === 1 && v.publishedAt ? v.publishedAt : r.changedAt,
      }));
    });
    await bulkInsert(db, 'data_value_revisions', REVISION_COLUMNS, revisions);
  }
  // Replayed: each calculated figure is timed when its latest input was saved, so every load writes the same rows.
  const calculated = await recalculateFormulaMeasures(
    db,
    { councilId, userId: user('performance@anytown.example'), replay: true },
    formulas.map((m) => idOf(measures, m.code, 'measure')),
  );
  return {
    measures: data.measures.length,
    values: data.values.length + calculated,
    targets: data.targets.length,
  };
}
