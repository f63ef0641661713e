// A measure's validation rules checked against a candidate figure: range, whole numbers, numerator within
// denominator, change from the previous period, outlier against its own history, and cross-measure rules in the
// formula language. Pure: the caller supplies the figures; each finding says what is wrong, with the numbers.

import { parseFormula } from './formula.parse.ts';
import { evaluateFormula } from './formula.evaluate.ts';
import { formatValue, type Unit } from './format.ts';
import { round10 } from './numbers.ts';
import { modifiedZScore } from './validation-rules.outlier.ts';

export type RuleKind =
  'range' | 'integer' | 'numerator_within_denominator' | 'change' | 'outlier' | 'cross_measure';
export type RuleSeverity = 'hard' | 'soft';

interface RuleBase {
  readonly severity: RuleSeverity;
  /** Said instead of the worked-out message, when the performance team wants their own words. */
  readonly message?: string;
}

export type ValidationRule = RuleBase &
  (
    | { readonly kind: 'range'; readonly min: number | null; readonly max: number | null }
    | { readonly kind: 'integer' }
    | { readonly kind: 'numerator_within_denominator' }
    | { readonly kind: 'change'; readonly limit: number; readonly unit: 'absolute' | 'percent' }
    | { readonly kind: 'outlier'; readonly threshold: number; readonly minimumHistory: number }
    | { readonly kind: 'cross_measure'; readonly expression: string }
  );

export const RULE_NAMES: Record<RuleKind, string> = {
  range: 'range',
  integer: 'whole numbers only',
  numerator_within_denominator: 'numerator no more than denominator',
  change: 'change from the previous period',
  outlier: 'outlier against its own history',
  cross_measure: 'cross-measure rule',
};

export interface Finding {
  readonly rule: RuleKind;
  readonly severity: RuleSeverity;
  /** The form field or API property the finding is about: value, numerator or denominator. */
  readonly field: 'value' | 'numerator' | 'denominator';
  readonly message: string;
}

/** A rule that could not be checked for this figure, and why (a missing input, too little history). */
export interface Skipped {
  readonly rule: RuleKind;
  readonly reason: string;
}

export interface RuleContext {
  readonly measure: {
    readonly code: string;
    readonly unit: Unit;
    readonly decimals: number;
    readonly ratio: boolean;
  };
  readonly figure: {
    readonly value: number;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  /** The previous period's figure and its label ("September 2026"), or null when there is none. */
  readonly previous: { readonly value: number; readonly label: string } | null;
  /** The measure's own earlier figures (not including this one), in any order. */
  readonly history: readonly number[];
  /** Other measures' figures for the same period, by code; a missing one skips the rules that read it. */
  readonly others: Readonly<Record<string, number | null | undefined>>;
}

export interface RuleResult {
  readonly findings: Finding[];
  readonly skipped: Skipped[];
}

const percentFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 });

/** Checks every rule; hard findings first, so the one that rejects the figure is the one read first. */
export function checkRules(rules: readonly ValidationRule[], context: RuleContext): RuleResult {
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  for (const rule of rules) {
    const outcome = checkRule(rule, context);
    if (outcome === null) continue;
    if ('reason' in outcome) skipped.push({ rule: rule.kind, reason: outcome.reason });
    else
      findings.push({
        rule: rule.kind,
        severity: rule.severity,
        field: outcome.field,
        message: `${outcome.field}: ${rule.message?.trim() || outcome.message} (${rule.severity} rule: ${RULE_NAMES[rule.kind]})`,
      });
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'hard' ? -1 : 1));
  return { findings, skipped };
}

type Outcome = { field: Finding['field']; message: string } | { reason: string } | null;

function checkRule(rule: ValidationRule, c: RuleContext): Outcome {
  const { measure, figure } = c;
  const show = (x: number) => formatValue(x, measure.unit, measure.decimals);
  const valueField: Finding['field'] = measure.ratio ? 'numerator' : 'value';
  const x = figure.value;
  switch (rule.kind) {
    case 'range':
      if (rule.min !== null && round10(x) < round10(rule.min))
        return { field: valueField, message: `${show(x)} is below the lowest allowed, ${show(rule.min)}` };
      if (rule.max !== null && round10(x) > round10(rule.max))
        return { field: valueField, message: `${show(x)} is above the highest allowed, ${show(rule.max)}` };
      return null;
    case 'integer': {
      const field = measure.ratio ? wholeNumberField(figure) : Number.isInteger(round10(x)) ? null : 'value';
      if (field === null) return null;
      const n = field === 'value' ? x : (figure[field] ?? 0);
      return {
        field,
        message: `${numberFormat.format(n)} is not a whole number; ${measure.code} counts whole things`,
      };
    }
    case 'numerator_within_denominator':
      if (figure.numerator === null || figure.denominator === null)
        return { reason: 'the figure has no numerator and denominator' };
      if (round10(figure.numerator) <= round10(figure.denominator)) return null;
      return {
        field: 'numerator',
        message: `the numerator ${numberFormat.format(figure.numerator)} is more than the denominator ${numberFormat.format(figure.denominator)}`,
      };
    case 'change':
      return checkChange(rule, c, show);
    case 'outlier': {
      if (c.history.length < rule.minimumHistory)
        return {
          reason: `${measure.code} has ${c.history.length} earlier figures; the outlier rule needs at least ${rule.minimumHistory}`,
        };
      const z = modifiedZScore(x, c.history);
      if (Math.abs(z.score) <= rule.threshold) return null;
      const score = Number.isFinite(z.score) ? percentFormat.format(Math.abs(z.score)) : 'beyond any bound';
      const spread =
        z.spread === 'none'
          ? `all ${c.history.length} earlier figures are ${show(z.median)}`
          : `median ${show(z.median)} over the ${c.history.length} earlier figures`;
      return {
        field: valueField,
        message: `${show(x)} is far from ${measure.code}'s usual figures (${spread}; modified z-score ${score}, the rule allows ${percentFormat.format(rule.threshold)})`,
      };
    }
    case 'cross_measure':
      return checkCrossMeasure(rule.expression, c);
  }
}

/** Which of a ratio's figures breaks the whole-number rule, if either. */
function wholeNumberField(figure: RuleContext['figure']): 'numerator' | 'denominator' | null {
  if (figure.numerator !== null && !Number.isInteger(round10(figure.numerator))) return 'numerator';
  if (figure.denominator !== null && !Number.isInteger(round10(figure.denominator))) return 'denominator';
  return null;
}

function checkChange(
  rule: Extract<ValidationRule, { kind: 'change' }>,
  c: RuleContext,
  show: (x: number) => string,
): Outcome {
  const field: Finding['field'] = c.measure.ratio ? 'numerator' : 'value';
  if (!c.previous) return { reason: 'there is no figure for the previous period' };
  const before = c.previous.value;
  const now = c.figure.value;
  const difference = round10(now - before);
  const direction = difference > 0 ? 'higher' : 'lower';
  if (rule.unit === 'absolute') {
    if (Math.abs(difference) <= round10(rule.limit)) return null;
    return {
      field,
      message: `${show(now)} is ${numberFormat.format(round10(Math.abs(difference)))} ${direction} than ${c.previous.label}'s ${show(before)}; the rule allows a change of ${numberFormat.format(rule.limit)}`,
    };
  }
  if (before === 0) {
    return difference === 0
      ? null
      : { reason: `${c.previous.label}'s figure is 0, so a percentage change cannot be worked out` };
  }
  const percent = round10((Math.abs(difference) / Math.abs(before)) * 100);
  if (percent <= round10(rule.limit)) return null;
  return {
    field,
    message: `${show(now)} is ${percentFormat.format(percent)}% ${direction} than ${c.previous.label}'s ${show(before)}; the rule allows ${percentFormat.format(rule.limit)}%`,
  };
}

function checkCrossMeasure(expression: string, c: RuleContext): Outcome {
  // Defined rules were parsed when saved; one that no longer reads is skipped rather than blocking every save.
  let formula;
  try {
    formula = parseFormula(expression);
  } catch (error) {
    return { reason: `the rule '${expression}' cannot be read: ${(error as Error).message}` };
  }
  const values = { ...c.others, [c.measure.code]: c.figure.value };
  const result = evaluateFormula(formula, values);
  if (result.missing.length > 0)
    return {
      reason: `no figure for ${result.missing.join(', ')} in this period, so '${expression}' was not checked`,
    };
  if (result.value === null)
    return { reason: `'${expression}' could not be worked out: ${result.notes.join('; ')}` };
  if (result.value !== 0) return null;
  const figures = formula.inputs.map((code) => `${code} is ${numberFormat.format(values[code] ?? 0)}`);
  return {
    field: c.measure.ratio ? 'numerator' : 'value',
    message: `${expression} does not hold: ${figures.join(' and ')}`,
  };
}
