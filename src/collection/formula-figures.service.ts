// Keeps calculated figures true. After an input's headline figure is saved, and when a formula measure is
// created or its formula changes, the formula measures affected are worked out again in dependency order, in
// the caller's transaction, through the same writes as a typed figure (the value, its revision, an audit row).
// A period an input has no figure for gets no calculated figure: one calculated earlier is removed.
import {
  comparePeriods,
  formulaOrder,
  parseFormula,
  parsePeriod,
  periodEnd,
  periodStart,
  type Formula,
} from '../assessment/index.ts';
import { ConflictError } from '../web/errors.ts';
import { calculateFigure, type CalculatedFigure, type InputFigure } from './formula-figures.ts';
import {
  calculatedPeriods,
  formulaMeasuresReading,
  inputFigures,
  removeValue,
  type FormulaMeasureRow,
  type InputFigureRow,
} from './formula-figures.queries.ts';
import {
  findHeadlineValue,
  insertAudit,
  insertRevision,
  insertValue,
  keepCurrentRevision,
  updateValue,
  type StoredValue,
  type Tx,
} from './values.queries.ts';

export interface Calculation {
  councilId: string;
  /** Who caused it: the person who saved an input or changed a formula. */
  userId: string;
  /** The demo replays its history: each figure is timed when its latest input changed, not now. */
  replay?: boolean;
}

/** After a headline figure of `measureId` for `period` is written: everything calculated from it, for that period. */
export async function recalculateAfterSave(
  tx: Tx,
  calculation: Calculation,
  measureId: string,
  period: string,
): Promise<number> {
  let changed = 0;
  for (const measure of inDependencyOrder(await formulaMeasuresReading(tx, [measureId], false)))
    changed += await calculatePeriods(tx, calculation, measure, [period]);
  return changed;
}

/** Formula measures created or changed: each of them, and everything calculated from them, for every period. */
export async function recalculateFormulaMeasures(
  tx: Tx,
  calculation: Calculation,
  measureIds: readonly string[],
): Promise<number> {
  let changed = 0;
  for (const measure of inDependencyOrder(await formulaMeasuresReading(tx, measureIds, true)))
    changed += await calculatePeriods(tx, calculation, measure, null);
  return changed;
}

function inDependencyOrder(measures: FormulaMeasureRow[]): FormulaMeasureRow[] {
  const byCode = new Map(measures.map((m) => [m.code, m]));
  return formulaOrder(Object.fromEntries(measures.map((m) => [m.code, m.formula]))).flatMap(
    (code) => byCode.get(code) ?? [],
  );
}

function byPeriod(rows: InputFigureRow[]): Map<string, Map<string, InputFigure>> {
  const periods = new Map<string, Map<string, InputFigure>>();
  for (const row of rows) {
    const inputs = periods.get(row.period) ?? new Map<string, InputFigure>();
    inputs.set(row.code, {
      value: row.value === null ? null : Number(row.value),
      status: row.status,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
    });
    periods.set(row.period, inputs);
  }
  return periods;
}

/** Works out the measure for these periods, or (null) for every period an input or the measure has a figure for. */
async function calculatePeriods(
  tx: Tx,
  calculation: Calculation,
  measure: FormulaMeasureRow,
  periods: readonly string[] | null,
): Promise<number> {
  const formula = parseFormula(measure.formula);
  const figures = byPeriod(await inputFigures(tx, measure.id, periods));
  const keys =
    periods ??
    [...new Set([...figures.keys(), ...(await calculatedPeriods(tx, measure.id))])].sort((a, b) =>
      comparePeriods(parsePeriod(a), parsePeriod(b)),
    );
  let changed = 0;
  for (const period of keys) {
    const inputs = figures.get(period) ?? new Map<string, InputFigure>();
    changed += await storeFigure(tx, calculation, measure, formula, period, inputs);
  }
  return changed;
}

const ATTEMPTS = 3;

/**
 * Stores one period's figure if it differs from what is there. Another transaction calculating the same figure
 * (two inputs saved at once) makes the version check fail; the figure is then worked out again from the
 * inputs as they now stand, which by then include the other transaction's.
 */
async function storeFigure(
  tx: Tx,
  calculation: Calculation,
  measure: FormulaMeasureRow,
  formula: Formula,
  period: string,
  inputs: Map<string, InputFigure>,
): Promise<number> {
  let current = inputs;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1)
      current = byPeriod(await inputFigures(tx, measure.id, [period])).get(period) ?? new Map();
    const existing = (await findHeadlineValue(tx, measure.id, period)) ?? null;
    const outcome = await write(
      tx,
      calculation,
      measure,
      period,
      calculateFigure(formula, current),
      existing,
    );
    if (outcome !== 'stale') return outcome === 'changed' ? 1 : 0;
  }
  throw new ConflictError(
    `The figure for ${measure.code} ${period} kept changing while it was being calculated. Try again.`,
  );
}

async function write(
  tx: Tx,
  calculation: Calculation,
  measure: FormulaMeasureRow,
  period: string,
  figure: CalculatedFigure,
  existing: StoredValue | null,
): Promise<'changed' | 'unchanged' | 'stale'> {
  const { councilId, userId } = calculation;
  if (figure.kind === 'none') {
    // Only a calculated figure goes: one typed before the measure became a formula measure stays as history.
    if (existing?.source !== 'formula') return 'unchanged';
    if (!(await removeValue(tx, existing.id, existing.version))) return 'stale';
    await insertAudit(tx, {
      councilId,
      userId,
      action: 'value.remove',
      entityId: existing.id,
      before: audited(measure, existing),
      after: { measure: measure.code, period, missing: figure.missing },
    });
    return 'changed';
  }
  if (existing && sameFigure(existing, figure)) return 'unchanged';
  const p = parsePeriod(period);
  const values = {
    councilId,
    measureId: measure.id,
    period,
    periodStart: periodStart(p),
    periodEnd: periodEnd(p),
    value: figure.value,
    numerator: null,
    denominator: null,
    commentary: '',
    status: figure.status,
    source: 'formula',
    userId,
    qualityFlags: figure.qualityFlags,
    publishedAt: figure.publishedAt,
    ...(calculation.replay ? { at: figure.latestInput } : {}),
  };
  let stored: StoredValue | undefined;
  if (existing) {
    await keepCurrentRevision(tx, existing.id);
    stored = await updateValue(tx, existing.id, existing.version, values);
  } else {
    stored = await insertValue(tx, values);
  }
  if (!stored) return 'stale';
  await insertRevision(tx, councilId, stored, 'formula', userId);
  await insertAudit(tx, {
    councilId,
    userId,
    action: 'value.calculate',
    entityId: stored.id,
    before: existing ? audited(measure, existing) : null,
    after: audited(measure, stored),
  });
  return 'changed';
}

function sameFigure(existing: StoredValue, figure: Extract<CalculatedFigure, { kind: 'figure' }>): boolean {
  const value = existing.value === null ? null : Number(existing.value);
  return (
    existing.source === 'formula' &&
    value === figure.value &&
    existing.status === figure.status &&
    existing.quality_flags.join('\n') === figure.qualityFlags.join('\n')
  );
}

function audited(measure: FormulaMeasureRow, v: StoredValue): Record<string, unknown> {
  return {
    measure: measure.code,
    period: v.period,
    value: v.value,
    status: v.status,
    qualityFlags: v.quality_flags,
    source: v.source,
    revision: v.revision,
    version: v.version,
  };
}
