// Reads a validation rule as a person wrote it (a form or an API body) into a rule the checks can run, or says
// what is wrong with each field. Cross-measure rules are parsed here, so a syntax error or an unknown measure code
// is caught when the rule is written, not when a figure is entered.

import { FormulaError } from './formula.ts';
import { parseFormula } from './formula.parse.ts';
import type { Frequency } from './periods.navigation.ts';
import type { RuleKind, RuleSeverity, ValidationRule } from './validation-rules.ts';

export const RULE_KINDS: readonly RuleKind[] = [
  'range',
  'integer',
  'numerator_within_denominator',
  'change',
  'outlier',
  'cross_measure',
];

export const DEFAULT_OUTLIER_THRESHOLD = 3.5;
export const DEFAULT_MINIMUM_HISTORY = 8;

type Raw = string | number | null | undefined;

export interface RuleInput {
  kind?: string;
  severity?: string;
  min?: Raw;
  max?: Raw;
  limit?: Raw;
  unit?: string | null;
  threshold?: Raw;
  minimumHistory?: Raw;
  expression?: string | null;
  message?: string | null;
}

export interface RuleProblem {
  readonly field: keyof RuleInput;
  readonly message: string;
}

/** The measure a rule belongs to, and every measure of the council by code with its frequency. */
export interface RuleOwner {
  readonly code: string;
  readonly frequency: Frequency;
  readonly ratio: boolean;
  readonly measures: ReadonlyMap<string, Frequency>;
}

const MESSAGE_LIMIT = 500;

function readNumber(field: keyof RuleInput, raw: Raw, problems: RuleProblem[]): number | null {
  if (raw == null || (typeof raw === 'string' && raw.trim() === '')) return null;
  const n = typeof raw === 'number' ? raw : Number(raw.trim().replace(/,(?=\d{3}(\D|$))/g, ''));
  if (!Number.isFinite(n)) {
    problems.push({ field, message: `${field}: '${raw}' is not a number` });
    return null;
  }
  return n;
}

export function defineRule(input: RuleInput, owner: RuleOwner): ValidationRule | RuleProblem[] {
  const problems: RuleProblem[] = [];
  const kind = input.kind as RuleKind;
  if (!RULE_KINDS.includes(kind))
    problems.push({ field: 'kind', message: `kind: choose one of ${RULE_KINDS.join(', ')}` });
  const severity = input.severity as RuleSeverity;
  if (severity !== 'hard' && severity !== 'soft')
    problems.push({
      field: 'severity',
      message: 'severity: choose hard (rejects the figure) or soft (needs an explanation)',
    });
  const message = (input.message ?? '').trim();
  if (message.length > MESSAGE_LIMIT)
    problems.push({
      field: 'message',
      message: `message: must be ${MESSAGE_LIMIT} characters or fewer (it has ${message.length})`,
    });
  const rule = problems.length === 0 ? parts(kind, input, owner, problems) : null;
  if (rule === null || problems.length > 0) return problems;
  return { ...rule, severity, ...(message ? { message } : {}) } as ValidationRule;
}

type Parts = Record<string, unknown> & { kind: RuleKind };

function parts(kind: RuleKind, input: RuleInput, owner: RuleOwner, problems: RuleProblem[]): Parts | null {
  switch (kind) {
    case 'range': {
      const min = readNumber('min', input.min, problems);
      const max = readNumber('max', input.max, problems);
      if (problems.length) return null;
      if (min === null && max === null)
        problems.push({ field: 'min', message: 'min: give a lowest or a highest allowed figure, or both' });
      else if (min !== null && max !== null && min > max)
        problems.push({ field: 'max', message: `max: ${max} is below the lowest allowed, ${min}` });
      return { kind, min, max };
    }
    case 'integer':
      return { kind };
    case 'numerator_within_denominator':
      if (!owner.ratio)
        problems.push({
          field: 'kind',
          message: `kind: ${owner.code} has no numerator and denominator, so this rule cannot apply`,
        });
      return { kind };
    case 'change': {
      const limit = readNumber('limit', input.limit, problems);
      const unit = input.unit;
      if (unit !== 'absolute' && unit !== 'percent')
        problems.push({
          field: 'unit',
          message: 'unit: choose absolute (a difference) or percent (a % of the previous figure)',
        });
      if (limit === null && !problems.some((p) => p.field === 'limit'))
        problems.push({ field: 'limit', message: 'limit: enter the largest change allowed' });
      else if (limit !== null && limit < 0)
        problems.push({
          field: 'limit',
          message: `limit: ${limit} is negative; enter the largest change allowed`,
        });
      return { kind, limit, unit };
    }
    case 'outlier': {
      const threshold = readNumber('threshold', input.threshold, problems) ?? DEFAULT_OUTLIER_THRESHOLD;
      const minimumHistory =
        readNumber('minimumHistory', input.minimumHistory, problems) ?? DEFAULT_MINIMUM_HISTORY;
      if (threshold <= 0)
        problems.push({
          field: 'threshold',
          message: `threshold: ${threshold} must be above 0 (3.5 is usual)`,
        });
      if (!Number.isInteger(minimumHistory) || minimumHistory < 3)
        problems.push({
          field: 'minimumHistory',
          message: `minimumHistory: ${minimumHistory} must be a whole number of 3 or more (8 is usual)`,
        });
      return { kind, threshold, minimumHistory };
    }
    case 'cross_measure': {
      const expression = (input.expression ?? '').trim();
      const problem = checkExpression(expression, owner);
      if (problem) problems.push({ field: 'expression', message: `expression: ${problem}` });
      return { kind, expression };
    }
  }
}

/** Why a cross-measure rule cannot be used, or null when it can. */
function checkExpression(expression: string, owner: RuleOwner): string | null {
  if (expression === '') return `write the rule, e.g. [${owner.code}] <= [OTHER-CODE]`;
  let formula;
  try {
    formula = parseFormula(expression);
  } catch (error) {
    if (error instanceof FormulaError) return error.message;
    throw error;
  }
  const { ast } = formula;
  if (ast.kind !== 'binary' || !['<', '<=', '>', '>=', '==', '!='].includes(ast.operator))
    return `'${expression}' must be a comparison (<, <=, >, >=, == or !=), e.g. [${owner.code}] <= [OTHER-CODE]`;
  const unknown = formula.inputs.filter((code) => code !== owner.code && !owner.measures.has(code));
  if (unknown.length) return `no measure has the code ${unknown.join(', ')}`;
  if (!formula.inputs.includes(owner.code))
    return `the rule must read ${owner.code} itself, e.g. [${owner.code}] <= [OTHER-CODE]`;
  const mismatched = formula.inputs.filter(
    (code) => code !== owner.code && owner.measures.get(code) !== owner.frequency,
  );
  if (mismatched.length)
    return `${mismatched.join(', ')} ${mismatched.length === 1 ? 'is' : 'are'} not reported ${owner.frequency} like ${owner.code}, so there is no figure for the same period to compare`;
  return null;
}
