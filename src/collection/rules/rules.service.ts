// A measure's validation rules, read and changed: performance officers add, change and remove one rule at a
// time on the page, or replace the whole set through the API. Every write checks the version it was read at
// (409 otherwise), checks each rule as written (problems named by field) and is audited.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { defineRule, type RuleInput, type RuleOwner, type ValidationRule } from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../../measures/measure-writes.queries.ts';
import { getMeasure, type MeasureWithId } from '../../measures/measures.service.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../web/errors.ts';
import type { Tx } from '../values.queries.ts';
import { presentRule, writeOf, type RuleOut } from './rules.present.ts';
import {
  bumpRuleSet,
  councilMeasureCodes,
  deleteRule,
  insertRule,
  ruleSetVersion,
  rulesOf,
  updateRule,
} from './rules.queries.ts';

export interface RuleSet {
  measure: MeasureWithId;
  rules: RuleOut[];
  /** null until the measure's rules are first written. */
  version: number | null;
}

export async function getRules(db: Db, user: CurrentUser, code: string): Promise<RuleSet> {
  const measure = await getMeasure(db, user, code);
  return readSet(db, measure);
}

async function readSet(db: Db | Tx, measure: MeasureWithId): Promise<RuleSet> {
  const [rows, version] = await Promise.all([rulesOf(db, measure.id), ruleSetVersion(db, measure.id)]);
  return { measure, rules: rows.map((r) => presentRule(r, measure)), version };
}

async function ownerOf(db: Db, user: CurrentUser, measure: MeasureWithId): Promise<RuleOwner> {
  return {
    code: measure.code,
    frequency: measure.frequency,
    ratio: measure.calculationType === 'ratio',
    measures: await councilMeasureCodes(db, user.councilId),
  };
}

/** The rule, or a ValidationError whose fields carry `prefix` (e.g. `rules[2].`) for the API's lists. */
function ruleOrThrow(input: RuleInput, owner: RuleOwner, prefix = ''): ValidationRule {
  const rule = defineRule(input, owner);
  if (!Array.isArray(rule)) return rule;
  const problems = rule.map((p) => ({ field: `${prefix}${p.field}`, message: `${prefix}${p.message}` }));
  throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
}

async function writable(db: Db, user: CurrentUser, code: string): Promise<MeasureWithId> {
  authorize(user, 'measure.write');
  return getMeasure(db, user, code, 'measure.write');
}

const audit = (user: CurrentUser, action: string, id: string, before: unknown, after: unknown) => ({
  councilId: user.councilId,
  userId: user.id,
  action,
  entity: 'validation_rule',
  entityId: id,
  before,
  after,
});

export async function addRule(db: Db, user: CurrentUser, code: string, input: RuleInput): Promise<RuleSet> {
  const measure = await writable(db, user, code);
  const rule = ruleOrThrow(input, await ownerOf(db, user, measure));
  return db.transaction().execute(async (tx) => {
    const who = { councilId: user.councilId, measureId: measure.id, userId: user.id };
    await bumpRuleSet(tx, who, 'any');
    const id = await insertRule(tx, who, writeOf(rule));
    await recordAudit(
      tx,
      audit(user, 'validation_rule.add', id, null, { measure: measure.code, ...writeOf(rule) }),
    );
    return readSet(tx, measure);
  });
}

export async function changeRule(
  db: Db,
  user: CurrentUser,
  code: string,
  id: string,
  input: RuleInput,
  version: number,
): Promise<RuleSet> {
  const measure = await writable(db, user, code);
  const before = await findRule(db, measure, id);
  // Checked before the fields, so nobody corrects a form only to learn it was out of date all along.
  if (before.version !== version) throw staleRule(measure.code, before);
  const rule = ruleOrThrow(input, await ownerOf(db, user, measure));
  return db.transaction().execute(async (tx) => {
    if (!(await updateRule(tx, id, measure.id, version, user.id, writeOf(rule))))
      throw staleRule(measure.code, await findRule(db, measure, id));
    await bumpRuleSet(tx, { councilId: user.councilId, measureId: measure.id, userId: user.id }, 'any');
    await recordAudit(
      tx,
      audit(user, 'validation_rule.change', id, snapshot(measure, before), {
        measure: measure.code,
        ...writeOf(rule),
        version: version + 1,
      }),
    );
    return readSet(tx, measure);
  });
}

export async function removeRule(
  db: Db,
  user: CurrentUser,
  code: string,
  id: string,
  version: number,
): Promise<RuleSet> {
  const measure = await writable(db, user, code);
  const before = await findRule(db, measure, id);
  if (before.version !== version) throw staleRule(measure.code, before);
  return db.transaction().execute(async (tx) => {
    if (!(await deleteRule(tx, id, measure.id, version)))
      throw staleRule(measure.code, await findRule(db, measure, id));
    await bumpRuleSet(tx, { councilId: user.councilId, measureId: measure.id, userId: user.id }, 'any');
    await recordAudit(tx, audit(user, 'validation_rule.remove', id, snapshot(measure, before), null));
    return readSet(tx, measure);
  });
}

export type ListedRule = RuleInput & { id?: string };

/**
 * The API's write: the set becomes exactly `inputs` (a rule with an id is that rule, changed; one without is
 * new; a rule left out is removed), only if the set is still at `version`.
 */
export async function replaceRules(
  db: Db,
  user: CurrentUser,
  code: string,
  inputs: readonly ListedRule[],
  version: number | null,
): Promise<RuleSet> {
  const measure = await writable(db, user, code);
  const current = await readSet(db, measure);
  if (current.version !== version) throw staleSet(measure.code, current.version);
  const owner = await ownerOf(db, user, measure);
  const known = new Map(current.rules.map((r) => [r.id, r]));
  const problems: FieldProblem[] = [];
  const rules = inputs.map((input, i) => {
    if (input.id !== undefined && !known.has(input.id))
      problems.push({
        field: `rules[${i}].id`,
        message: `rules[${i}].id: ${measure.code} has no rule ${input.id}`,
      });
    try {
      return ruleOrThrow(input, owner, `rules[${i}].`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.details);
      return null;
    }
  });
  if (problems.length) throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  return db.transaction().execute(async (tx) => {
    const who = { councilId: user.councilId, measureId: measure.id, userId: user.id };
    if ((await bumpRuleSet(tx, who, version)) === null)
      throw staleSet(measure.code, await ruleSetVersion(db, measure.id));
    const kept = new Set(inputs.map((r) => r.id).filter((id) => id !== undefined));
    for (const old of current.rules)
      if (!kept.has(old.id)) {
        await deleteRule(tx, old.id, measure.id, 'any');
        await recordAudit(tx, audit(user, 'validation_rule.remove', old.id, snapshot(measure, old), null));
      }
    for (const [i, input] of inputs.entries()) {
      const rule = rules[i];
      if (!rule) continue;
      const old = input.id === undefined ? undefined : known.get(input.id);
      if (old) {
        await updateRule(tx, old.id, measure.id, 'any', user.id, writeOf(rule));
        await recordAudit(
          tx,
          audit(user, 'validation_rule.change', old.id, snapshot(measure, old), {
            measure: measure.code,
            ...writeOf(rule),
          }),
        );
      } else {
        const id = await insertRule(tx, who, writeOf(rule));
        await recordAudit(
          tx,
          audit(user, 'validation_rule.add', id, null, { measure: measure.code, ...writeOf(rule) }),
        );
      }
    }
    return readSet(tx, measure);
  });
}

export async function findRule(db: Db | Tx, measure: MeasureWithId, id: string): Promise<RuleOut> {
  const rule = (await readSet(db, measure)).rules.find((r) => r.id === id);
  if (!rule)
    throw new NotFoundError(`${measure.code} has no validation rule ${id}; someone may have removed it`);
  return rule;
}

function snapshot(measure: MeasureWithId, rule: RuleOut): Record<string, unknown> {
  const { summary: _summary, updatedAt: _at, updatedBy: _by, id: _id, ...kept } = rule;
  return { measure: measure.code, ...kept };
}

function staleRule(code: string, now: RuleOut): ConflictError {
  const message =
    `Someone else changed this rule of ${code} since you opened it (now version ${now.version} by ` +
    `${now.updatedBy ?? 'an unknown user'}: ${now.summary}). Your change has not been saved.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

function staleSet(code: string, now: number | null): ConflictError {
  const message = `The validation rules of ${code} have changed since you read them (now version ${now ?? 'none'}). Your change has not been saved; read them again.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}
