// Figures that must never reach a resident, planted in the demo with values no real figure has: a public measure's
// newest figure at each stage before publication, a correction in progress on a published figure, and a published
// figure of a measure that is not public. Each sentinel is looked for as it is stored and as the site would show it.
import { sql } from 'kysely';
import { formatValue, type Unit } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';

export interface Sentinel {
  what: string;
  /** Every way the figure could be written: stored, rounded and formatted with the measure's unit. */
  forms: string[];
}

const SENTINELS = {
  draft: 987654.321,
  submitted: 876543.219,
  validated: 765432.198,
  approved: 654321.987,
  correction: 543219.876,
  notPublic: 432198.765,
  control: 321987.654,
} as const;

interface Planted {
  id: string;
  code: string;
  unit: Unit;
  decimals: number;
}

/** Writes the figure's value and commentary, on the figure and on its current revision. */
async function plant(db: Db, target: Planted, value: number, note: string): Promise<Sentinel> {
  await sql`UPDATE data_values SET value = ${value}, numerator = NULL, denominator = NULL, commentary = ${note}
             WHERE id = ${target.id}`.execute(db);
  await sql`UPDATE data_value_revisions r SET value = ${value}, numerator = NULL, denominator = NULL, commentary = ${note}
              FROM data_values dv WHERE dv.id = ${target.id} AND r.data_value_id = dv.id AND r.revision = dv.revision`.execute(
    db,
  );
  return { what: `${note} (${target.code})`, forms: [note, ...formsOf(value, target.unit, target.decimals)] };
}

/** A number as stored, and rounded to 0–3 places with and without thousands separators, and with its unit. */
export function formsOf(value: number, unit: Unit, decimals: number): string[] {
  const forms = new Set([String(value), formatValue(value, unit, decimals)]);
  for (let places = 0; places <= 3; places++) {
    const grouped = value.toLocaleString('en-GB', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
    forms.add(grouped);
    forms.add(grouped.replaceAll(',', ''));
  }
  return [...forms];
}

const figureColumns = sql`dv.id::text AS id, m.code, m.unit, m.decimals`;

/**
 * Plants every sentinel in the council's demo data; returns what to look for (`hidden`), and `control`: a sentinel
 * planted in a published figure of a public measure, which must be found, so the search is shown able to fail.
 */
export async function plantSentinels(
  db: Db,
  councilId: string,
): Promise<{ hidden: Sentinel[]; control: Sentinel }> {
  const sentinels: Sentinel[] = [];
  for (const status of ['draft', 'submitted', 'validated', 'approved'] as const) {
    const found = await sql<Planted>`
      SELECT ${figureColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
       WHERE dv.council_id = ${councilId} AND dv.status = ${status} AND dv.breakdown = ''
         AND m.status = 'active' AND 'public' = ANY(m.tags)
       ORDER BY dv.period_end DESC, m.code LIMIT 1`.execute(db);
    const target = found.rows[0];
    if (!target)
      throw new Error(`the demo has no ${status} figure of a public measure to plant a sentinel in`);
    sentinels.push(await plant(db, target, SENTINELS[status], `SENTINEL-${status.toUpperCase()}-figure`));
  }

  // A correction in progress: the newest published figure of a public measure moves on to a draft revision.
  const newest = await sql<Planted>`
    SELECT ${figureColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
     WHERE dv.council_id = ${councilId} AND dv.status = 'published' AND dv.breakdown = ''
       AND m.status = 'active' AND 'public' = ANY(m.tags) AND m.frequency = 'quarterly'
       AND NOT EXISTS (SELECT 1 FROM data_values later WHERE later.measure_id = dv.measure_id
                         AND later.breakdown = '' AND later.period_end > dv.period_end)
     ORDER BY dv.period_end DESC, m.code LIMIT 1`.execute(db);
  const corrected = newest.rows[0];
  if (!corrected) throw new Error('the demo has no published figure of a public measure to correct');
  await sql`INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, numerator, denominator,
              commentary, status, source, published_at)
            SELECT council_id, id, revision, value, numerator, denominator, commentary, 'published', 'demo', published_at
              FROM data_values dv WHERE dv.id = ${corrected.id}
               AND NOT EXISTS (SELECT 1 FROM data_value_revisions r WHERE r.data_value_id = dv.id AND r.revision = dv.revision)`.execute(
    db,
  );
  await sql`UPDATE data_values SET revision = revision + 1, version = version + 1, status = 'draft',
              revised_after_publication = true WHERE id = ${corrected.id}`.execute(db);
  await sql`INSERT INTO data_value_revisions (council_id, data_value_id, revision, value, numerator, denominator,
              commentary, status, source)
            SELECT council_id, id, revision, value, numerator, denominator, commentary, 'draft', 'test'
              FROM data_values WHERE id = ${corrected.id}`.execute(db);
  sentinels.push(await plant(db, corrected, SENTINELS.correction, 'SENTINEL-CORRECTION-figure'));

  // A published figure of a measure that is not public.
  const hidden = await sql<Planted>`
    SELECT ${figureColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
     WHERE dv.council_id = ${councilId} AND dv.status = 'published' AND dv.breakdown = ''
       AND m.status = 'active' AND NOT ('public' = ANY(m.tags))
     ORDER BY dv.period_end DESC, m.code LIMIT 1`.execute(db);
  const notPublic = hidden.rows[0];
  if (!notPublic) throw new Error('the demo has no published figure of a non-public measure');
  sentinels.push(await plant(db, notPublic, SENTINELS.notPublic, 'SENTINEL-NOT-PUBLIC-figure'));

  const shown = await sql<Planted>`
    SELECT ${figureColumns} FROM data_values dv JOIN measures m ON m.id = dv.measure_id
     WHERE dv.council_id = ${councilId} AND dv.status = 'published' AND dv.breakdown = ''
       AND m.status = 'active' AND 'public' = ANY(m.tags) AND m.frequency = 'monthly' AND m.unit = 'count'
       AND NOT EXISTS (SELECT 1 FROM data_values later WHERE later.measure_id = dv.measure_id
                         AND later.breakdown = '' AND later.status = 'published' AND later.period_end > dv.period_end)
     ORDER BY dv.period_end DESC, m.code LIMIT 1`.execute(db);
  const published = shown.rows[0];
  if (!published) throw new Error('the demo has no published monthly count of a public measure');
  const control = await plant(db, published, SENTINELS.control, 'CONTROL-PUBLISHED-figure');

  // The site notices changes through the audit log.
  await sql`INSERT INTO audit_log (council_id, action, entity, entity_id) VALUES (${councilId}, 'test.sentinels', 'data_value', ${corrected.id})`.execute(
    db,
  );
  return { hidden: sentinels, control };
}

/**
 * The demo's own figures still in the workflow (or corrections of published ones) of public measures, formatted as
 * the site would, keeping only those no published figure or target of the council shows the same way.
 */
export async function unpublishedDemoFigures(db: Db, councilId: string): Promise<Sentinel[]> {
  const unpublished = await sql<{
    code: string;
    period: string;
    value: string;
    unit: Unit;
    decimals: number;
  }>`
    SELECT m.code, dv.period, r.value::text AS value, m.unit, m.decimals
      FROM data_value_revisions r JOIN data_values dv ON dv.id = r.data_value_id JOIN measures m ON m.id = dv.measure_id
     WHERE dv.council_id = ${councilId} AND r.status <> 'published' AND r.value IS NOT NULL
       AND 'public' = ANY(m.tags)
       AND NOT EXISTS (SELECT 1 FROM data_value_revisions p WHERE p.data_value_id = r.data_value_id
                         AND p.status = 'published' AND p.value = r.value)`.execute(db);
  const shown = await sql<{ value: string; unit: Unit; decimals: number }>`
    SELECT pv.value::text AS value, m.unit, m.decimals FROM published_values pv JOIN measures m ON m.id = pv.measure_id
     WHERE pv.council_id = ${councilId} AND pv.value IS NOT NULL
    UNION
    SELECT t.value::text, m.unit, m.decimals FROM targets t JOIN measures m ON m.id = t.measure_id
     WHERE t.council_id = ${councilId} AND t.value IS NOT NULL`.execute(db);
  const publicForms = new Set(shown.rows.map((r) => formatValue(Number(r.value), r.unit, r.decimals)));
  return unpublished.rows
    .map((r) => ({ r, display: formatValue(Number(r.value), r.unit, r.decimals) }))
    .filter(({ display }) => !publicForms.has(display))
    .map(({ r, display }) => ({ what: `${r.code} ${r.period} unpublished ${display}`, forms: [display] }));
}
