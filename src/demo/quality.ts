// The demo council's data quality: which measures each provider is asked for, the collection rounds of the last two
// quarters and October, the validation rules run over the providers' latest figures (so Brookfield Primary's
// collapse in free-school-meal registrations is caught), and one finding raised by the performance team.
import { sql, type Kysely } from 'kysely';
import { parsePeriod, periodEnd, periodStart } from '../assessment/index.ts';
import { checkFigure } from '../collection/rules/check-figure.ts';
import type { CalculationType, Database, Unit } from '../db/schema.ts';
import type { MeasureDef } from './measures.ts';

/** Each provider is asked for the measures the demo gives it its own figures for. */
export async function insertProviderMeasures(
  db: Kysely<Database>,
  councilId: string,
  measures: readonly MeasureDef[],
): Promise<void> {
  const pairs = measures.flatMap((m) => (m.model.breakdowns ?? []).map((p) => [m.code, p] as const));
  await sql`
    INSERT INTO provider_measures (council_id, provider_id, measure_id)
    SELECT ${councilId}, p.id, m.id
    FROM unnest(${pairs.map((x) => x[0])}::text[], ${pairs.map((x) => x[1])}::text[]) AS x(measure, provider)
    JOIN measures m ON m.council_id = ${councilId} AND m.code = x.measure
    JOIN providers p ON p.council_id = ${councilId} AND p.code = x.provider`.execute(db);
}

const ROUNDS = [
  { period: '2026-27-Q1', deadline: '2026-07-31', openedAt: '2026-07-01T09:00:00Z' },
  { period: '2026-27-Q2', deadline: '2026-10-30', openedAt: '2026-10-01T09:00:00Z' },
  { period: '2026-10', deadline: '2026-11-13', openedAt: '2026-11-02T09:00:00Z' },
];

export async function insertDemoRounds(
  db: Kysely<Database>,
  councilId: string,
  officerId: string,
): Promise<void> {
  await db
    .insertInto('collection_rounds')
    .values(
      ROUNDS.map((r) => {
        const period = parsePeriod(r.period);
        return {
          council_id: councilId,
          period: r.period,
          period_start: periodStart(period),
          period_end: periodEnd(period),
          deadline: r.deadline,
          reminder_days: 3,
          opened_by: officerId,
          opened_at: new Date(r.openedAt),
        };
      }),
    )
    .execute();
}

/** The rules run over every provider's latest figure of a measure with rules: each warning becomes an open finding. */
export async function insertDemoFindings(
  db: Kysely<Database>,
  councilId: string,
  officerId: string,
): Promise<void> {
  const figures = await sql<{
    measure_id: string;
    code: string;
    unit: Unit;
    decimals: number;
    calculation_type: CalculationType;
    period: string;
    period_end: string;
    breakdown: string;
    value: string;
    numerator: string | null;
    denominator: string | null;
    raised_at: Date;
  }>`
    SELECT m.id AS measure_id, m.code, m.unit, m.decimals, m.calculation_type, dv.period, dv.period_end::text,
      dv.breakdown, dv.value, dv.numerator, dv.denominator, dv.created_at AS raised_at
    FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE dv.council_id = ${councilId} AND dv.breakdown LIKE 'provider:%' AND dv.value IS NOT NULL
      AND EXISTS (SELECT 1 FROM measure_validation_rules r WHERE r.measure_id = m.id)
      AND dv.period_end = (SELECT max(l.period_end) FROM data_values l WHERE l.measure_id = m.id AND l.breakdown = dv.breakdown)
    ORDER BY m.code, dv.breakdown`.execute(db);
  for (const f of figures.rows) {
    const result = await checkFigure(
      db,
      { ...f, id: f.measure_id },
      parsePeriod(f.period),
      {
        value: Number(f.value),
        numerator: f.numerator === null ? null : Number(f.numerator),
        denominator: f.denominator === null ? null : Number(f.denominator),
      },
      f.breakdown,
    );
    for (const finding of result.findings)
      await db
        .insertInto('data_quality_findings')
        .values({
          council_id: councilId,
          measure_id: f.measure_id,
          period: f.period,
          period_end: f.period_end,
          breakdown: f.breakdown,
          kind: 'rule',
          message: finding.message,
          raised_at: f.raised_at,
        })
        .execute();
  }
  // One raised by the performance team on a housing figure, for the housing data owner to answer.
  await sql`
    INSERT INTO data_quality_findings (council_id, measure_id, period, period_end, breakdown, kind, message, raised_by, raised_at)
    SELECT ${councilId}, m.id, '2026-10', '2026-10-31', '', 'raised',
      'October''s hazards due looks low against the reports received: check that emergency hazards were counted.',
      ${officerId}, '2026-11-16T10:30:00Z'
    FROM measures m WHERE m.council_id = ${councilId} AND m.code = 'HOU-07'`.execute(db);
}
