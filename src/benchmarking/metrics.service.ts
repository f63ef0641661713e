// An officer's edits to an external metric's title, unit and polarity (a Goldilocks metric needs its midpoint),
// and the mapping of our measures to metrics: versioned, audited, a stale edit refused naming who changed it.
import type { CurrentUser } from '../access/current-user.ts';
import type { Db } from '../db/connection.ts';
import type { BenchmarkPolarity } from '../db/schema.ts';
import { formatDateTime } from '../web/filters.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../web/errors.ts';

export interface MetricEdit {
  title: string;
  unit: string;
  polarity: string;
  midpoint: string;
  version: number;
}

const polarities: Record<string, BenchmarkPolarity | null> = {
  '': null,
  higher: 'higher',
  lower: 'lower',
  goldilocks: 'goldilocks',
};

/** Pure: the edit's fields checked, each problem naming its field. */
export function checkMetricEdit(
  edit: MetricEdit,
): { polarity: BenchmarkPolarity | null; midpoint: string | null } | FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (edit.title.length > 500) problems.push({ field: 'title', message: 'Keep the title to 500 characters' });
  if (edit.unit.length > 50) problems.push({ field: 'unit', message: 'Keep the unit to 50 characters' });
  const polarity = polarities[edit.polarity];
  if (polarity === undefined)
    problems.push({
      field: 'polarity',
      message: 'Choose higher is better, lower is better, closest to a midpoint, or not set',
    });
  const midpointText = edit.midpoint.trim();
  if (polarity === 'goldilocks' && !/^-?\d+(\.\d+)?$/.test(midpointText))
    problems.push({
      field: 'midpoint',
      message:
        midpointText === ''
          ? 'Give the midpoint a Goldilocks metric is best at'
          : `'${midpointText}' is not a number`,
    });
  if (problems.length > 0) return problems;
  return { polarity: polarity ?? null, midpoint: polarity === 'goldilocks' ? midpointText : null };
}

export async function editMetric(
  db: Db,
  user: CurrentUser,
  metricId: string,
  edit: MetricEdit,
): Promise<void> {
  const checked = checkMetricEdit(edit);
  if (Array.isArray(checked)) throw new ValidationError('The metric has problems', checked);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('benchmark_metrics as m')
      .leftJoin('users as u', 'u.id', 'm.updated_by')
      .select([
        'm.id',
        'm.code',
        'm.title',
        'm.unit',
        'm.polarity',
        'm.midpoint',
        'm.version',
        'm.updated_at',
        'u.display_name',
      ])
      .where('m.id', '=', metricId)
      .where('m.council_id', '=', user.councilId)
      .forUpdate('m')
      .executeTakeFirst();
    if (!before) throw new NotFoundError();
    if (before.version !== edit.version) {
      const message =
        `Someone else changed ${before.code} since you opened it (now version ${before.version} by ` +
        `${before.display_name ?? 'an import'} at ${formatDateTime(before.updated_at)}). Your change has not been saved.`;
      throw new ConflictError(message, [{ field: 'version', message }]);
    }
    const after = { title: edit.title.trim(), unit: edit.unit.trim(), ...checked };
    await trx
      .updateTable('benchmark_metrics')
      .set({ ...after, version: before.version + 1, updated_by: user.id, updated_at: new Date() })
      .where('id', '=', metricId)
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        council_id: user.councilId,
        user_id: user.id,
        action: 'benchmark.metric.edit',
        entity: 'benchmark_metric',
        entity_id: metricId,
        before: JSON.stringify({
          title: before.title,
          unit: before.unit,
          polarity: before.polarity,
          midpoint: before.midpoint,
        }),
        after: JSON.stringify(after),
      })
      .execute();
  });
}

/** Maps one of our measures (by code) to a metric, or unmaps it; both audited. */
export async function setMapping(
  db: Db,
  user: CurrentUser,
  input: { measureCode: string; metricId: string; mapped: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const measure = await trx
      .selectFrom('measures')
      .select('id')
      .where('council_id', '=', user.councilId)
      .where('code', '=', input.measureCode.trim())
      .executeTakeFirst();
    if (!measure)
      throw ValidationError.field('measure', `There is no measure with the code '${input.measureCode}'`);
    const metric = await trx
      .selectFrom('benchmark_metrics')
      .select('id')
      .where('council_id', '=', user.councilId)
      .where('id', '=', input.metricId)
      .executeTakeFirst();
    if (!metric) throw ValidationError.field('metric', 'Choose a metric from the list');
    if (input.mapped)
      await trx
        .insertInto('benchmark_mappings')
        .values({ council_id: user.councilId, measure_id: measure.id, metric_id: metric.id })
        .onConflict((oc) => oc.columns(['measure_id', 'metric_id']).doNothing())
        .execute();
    else
      await trx
        .deleteFrom('benchmark_mappings')
        .where('measure_id', '=', measure.id)
        .where('metric_id', '=', metric.id)
        .execute();
    await trx
      .insertInto('audit_log')
      .values({
        council_id: user.councilId,
        user_id: user.id,
        action: input.mapped ? 'benchmark.mapping.add' : 'benchmark.mapping.remove',
        entity: 'benchmark_mapping',
        entity_id: `${measure.id}:${metric.id}`,
        before: null,
        after: JSON.stringify({ measure: input.measureCode, metricId: metric.id }),
      })
      .execute();
  });
}
