// Saving a figure — the one use case behind the entry form and the values API: check it, then write the value,
// its revision and the audit row in one transaction, refusing a stale version rather than overwriting. The
// formula measures calculated from it are worked out again in the same transaction.
import type { CurrentUser } from '../access/current-user.ts';
import { figureInReach, servicesInReach, servicesWithinReach } from '../access/scope.ts';
import { periodEnd, periodKey, periodStart, type Period } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../web/errors.ts';
import { recordRuleFindings, softWarnings } from './quality/findings.queries.ts';
import {
  findMeasureByCode,
  findValue,
  insertAudit,
  insertRevision,
  insertValue,
  keepCurrentRevision,
  updateValue,
  type EntryMeasure,
  type StoredValue,
  type Tx,
  type ValueWrite,
} from './values.queries.ts';
import { recalculateAfterSave } from './formula-figures.service.ts';
import { checkFigure as checkRulesFor } from './rules/check-figure.ts';
import { verdictOf } from './rules/verdict.ts';
import { checkFigure, checkPeriod, isProblem, readVersion, type ValueInput } from './values.validation.ts';

/** A stale write: carries the figure that is stored now, so the writer can see what the other person saved. */
export class StaleValueError extends ConflictError {
  constructor(
    message: string,
    readonly current: StoredValue | null,
  ) {
    super(message, [{ field: 'version', message }]);
  }
}

export interface SaveRequest {
  user: CurrentUser;
  code: string;
  period: string;
  input: ValueInput;
  source: 'form' | 'api';
  /** '' (or absent) for the headline figure; 'provider:CODE' for a provider's own figure. */
  breakdown?: string;
  /** A draft is kept for its owner to finish; a submitted figure goes on to be validated. Submitted by default. */
  status?: 'draft' | 'submitted';
}

export interface Saved {
  measure: EntryMeasure;
  value: StoredValue;
  created: boolean;
}

/** The measure by code if the user may act on it; outside their reach it is "not found", exactly like a missing one. */
export async function measureForUser(
  db: Db,
  user: CurrentUser,
  code: string,
  action: 'value.read' | 'value.write',
): Promise<EntryMeasure> {
  const measure = await findMeasureByCode(db, user.councilId, code);
  const reach = servicesInReach(user, action);
  if (!measure || !servicesWithinReach(reach, measure.service_ids)) {
    throw new NotFoundError(`There is no measure with the code '${code}'`);
  }
  return measure;
}

/**
 * The measure by code if the user may act on this one figure of it: the headline or a breakdown. A provider
 * reaches only its own breakdown of a measure asked of it; anything else is "not found".
 */
export async function measureForFigure(
  db: Db,
  user: CurrentUser,
  code: string,
  breakdown: string,
  action: 'value.read' | 'value.write',
): Promise<EntryMeasure> {
  const measure = await findMeasureByCode(db, user.councilId, code);
  const figure = measure && { id: measure.id, serviceIds: measure.service_ids };
  if (!figure || !(await figureInReach(db, user, action, figure, breakdown))) {
    throw new NotFoundError(`There is no measure with the code '${code}'`);
  }
  return measure;
}

/** Throws a ValidationError on the 'breakdown' field unless it is '' or a provider asked for this measure. */
export async function checkBreakdown(db: Db, measure: EntryMeasure, breakdown: string): Promise<void> {
  if (breakdown === '') return;
  const asked = await db
    .selectFrom('provider_measures as pm')
    .innerJoin('providers as p', 'p.id', 'pm.provider_id')
    .select('p.code')
    .where('pm.measure_id', '=', measure.id)
    .where('p.code', '=', breakdown.startsWith('provider:') ? breakdown.slice('provider:'.length) : '')
    .executeTakeFirst();
  if (!asked) {
    const message = `breakdown: '${breakdown}' is not a provider asked for ${measure.code}; leave it empty for the headline figure`;
    throw ValidationError.field('breakdown', message);
  }
}

/** Throws a ValidationError on the 'period' field unless the key is a period of the measure's frequency. */
export function periodForMeasure(measure: EntryMeasure, key: string): Period {
  const period = checkPeriod(key, measure);
  if (isProblem(period)) throw new ValidationError(period.message, [period]);
  return period;
}

export async function saveValue(db: Db, request: SaveRequest): Promise<Saved> {
  return db.transaction().execute((tx) => saveValueIn(tx, request));
}

/** Saves within the caller's transaction, so several figures (a return's whole form) are written all or nothing. */
export async function saveValueIn(tx: Tx, request: SaveRequest): Promise<Saved> {
  const { user, input } = request;
  const status = request.status ?? 'submitted';
  const breakdown = request.breakdown ?? '';
  const measure = await measureForFigure(tx, user, request.code, breakdown, 'value.write');
  await checkBreakdown(tx, measure, breakdown);
  const problems: FieldProblem[] = [];
  const period = checkPeriod(request.period, measure);
  if (isProblem(period)) problems.push(period);
  const figure = checkFigure(measure, input);
  if (Array.isArray(figure)) problems.push(...figure);
  const version = readVersion(input.version);
  if (isProblem(version)) problems.push(version);
  if (isProblem(period) || Array.isArray(figure) || isProblem(version) || problems.length > 0) {
    throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  }

  const key = periodKey(period);
  const write: ValueWrite = {
    councilId: user.councilId,
    measureId: measure.id,
    period: key,
    periodStart: periodStart(period),
    periodEnd: periodEnd(period),
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    commentary: figure.commentary,
    status,
    source: request.source,
    userId: user.id,
    breakdown,
  };
  const find = (tx: Tx) => findValue(tx, measure.id, key, breakdown);

  // The measure's validation rules: a hard finding rejects; a soft one is kept as a flag with its explanation,
  // which a draft may still lack — it is needed to submit.
  const result = await checkRulesFor(tx, measure, period, figure, breakdown);
  write.qualityFlags = verdictOf(result, input.explanation, { explanationRequired: status !== 'draft' });
  // Whichever way the figure was written: its revision, the formulas reading it (headline figures only) and its
  // soft warnings as findings.
  const afterWrite = async (tx: Tx, stored: StoredValue) => {
    await insertRevision(tx, user.councilId, stored, request.source, user.id);
    if (breakdown === '')
      await recalculateAfterSave(tx, { councilId: user.councilId, userId: user.id }, measure.id, key);
    await recordRuleFindings(tx, {
      user,
      measureId: measure.id,
      period,
      breakdown,
      warnings: softWarnings(result),
      explanation: input.explanation,
    });
  };
  const existing = await find(tx);
  if (!existing) {
    if (version != null && version !== 0) throw stale(measure, key, null);
    const created = await insertValue(tx, write);
    if (!created) throw stale(measure, key, (await find(tx)) ?? null);
    await afterWrite(tx, created);
    await insertAudit(tx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'value.create',
      entityId: created.id,
      before: null,
      after: audited(measure, created),
    });
    return { measure, value: created, created: true };
  }
  if (version == null) throw versionMissing(measure, key, existing);
  if (version === 0) throw stale(measure, key, existing);
  if (status === 'draft' && !DRAFTABLE.has(existing.status)) throw tooFarForDraft(measure, key, existing);
  await keepCurrentRevision(tx, existing.id);
  const updated = await updateValue(tx, existing.id, version, write);
  if (!updated) throw stale(measure, key, (await find(tx)) ?? existing);
  await afterWrite(tx, updated);
  await insertAudit(tx, {
    councilId: user.councilId,
    userId: user.id,
    action: 'value.update',
    entityId: updated.id,
    before: audited(measure, existing),
    after: audited(measure, updated),
  });
  return { measure, value: updated, created: false };
}

/** A figure the performance team has taken on cannot quietly go back to being a draft; it can be corrected. */
const DRAFTABLE: ReadonlySet<string> = new Set(['draft', 'submitted']);

function tooFarForDraft(measure: EntryMeasure, period: string, current: StoredValue): ConflictError {
  const message = `status: ${measure.code} ${period} is already ${current.status}, so it cannot go back to being a draft; submit the corrected figure instead`;
  return new ConflictError(message, [{ field: 'status', message }]);
}

function versionMissing(measure: EntryMeasure, period: string, current: StoredValue): StaleValueError {
  return new StaleValueError(
    `version: ${measure.code} already has a figure for ${period} (version ${current.version}); send that version to change it, so nobody's change is lost.`,
    current,
  );
}

function stale(measure: EntryMeasure, period: string, current: StoredValue | null): StaleValueError {
  if (!current) {
    return new StaleValueError(
      `The figure for ${measure.code} ${period} you were changing no longer exists. Reload the page and enter it again.`,
      null,
    );
  }
  const who = current.updated_by_name ? ` by ${current.updated_by_name}` : '';
  const figure = current.value == null ? 'no value' : current.value;
  return new StaleValueError(
    `Someone else changed this figure while you were editing: ${measure.code} ${period} is now ${figure} (version ${current.version}, saved${who}). Your figure has not been saved. Check theirs, then send yours again with version ${current.version} if it is still right.`,
    current,
  );
}

/** A figure as the audit log records it; uploads write the same shape. */
export function audited(measure: EntryMeasure, v: StoredValue): Record<string, unknown> {
  return {
    measure: measure.code,
    period: v.period,
    ...(v.breakdown ? { breakdown: v.breakdown } : {}),
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    commentary: v.commentary,
    status: v.status,
    quality_flags: v.quality_flags,
    revision: v.revision,
    version: v.version,
    revised_after_publication: v.revised_after_publication,
  };
}
