// Validation rules between their stored rows, the checks' shape and what pages and the API show: each rule's
// parameters, and one line saying what it allows ("Hard: between 0% and 100%").
import {
  formatValue,
  RULE_NAMES,
  type RuleInput,
  type Unit,
  type ValidationRule,
} from '../../assessment/index.ts';
import type { RuleRow, RuleWrite } from './rules.queries.ts';

export interface RuleOut {
  id: string;
  version: number;
  kind: RuleRow['kind'];
  severity: RuleRow['severity'];
  min: number | null;
  max: number | null;
  limit: number | null;
  unit: 'absolute' | 'percent' | null;
  threshold: number | null;
  minimumHistory: number | null;
  expression: string;
  message: string;
  /** What the rule allows, in words. */
  summary: string;
  updatedAt: string;
  updatedBy: string | null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function ruleFromRow(
  row: Pick<RuleRow, 'kind' | 'severity' | 'parameters' | 'expression' | 'message'>,
): ValidationRule {
  const p = row.parameters;
  const base = { severity: row.severity, ...(row.message ? { message: row.message } : {}) };
  switch (row.kind) {
    case 'range':
      return { ...base, kind: 'range', min: num(p.min), max: num(p.max) };
    case 'change':
      return {
        ...base,
        kind: 'change',
        limit: num(p.limit) ?? 0,
        unit: p.unit === 'absolute' ? 'absolute' : 'percent',
      };
    case 'outlier':
      return {
        ...base,
        kind: 'outlier',
        threshold: num(p.threshold) ?? 3.5,
        minimumHistory: num(p.minimumHistory) ?? 8,
      };
    case 'cross_measure':
      return { ...base, kind: 'cross_measure', expression: row.expression };
    default:
      return { ...base, kind: row.kind };
  }
}

export function writeOf(rule: ValidationRule): RuleWrite {
  const common = { kind: rule.kind, severity: rule.severity, message: rule.message ?? '', expression: '' };
  switch (rule.kind) {
    case 'range':
      return { ...common, parameters: { min: rule.min, max: rule.max } };
    case 'change':
      return { ...common, parameters: { limit: rule.limit, unit: rule.unit } };
    case 'outlier':
      return { ...common, parameters: { threshold: rule.threshold, minimumHistory: rule.minimumHistory } };
    case 'cross_measure':
      return { ...common, parameters: {}, expression: rule.expression };
    default:
      return { ...common, parameters: {} };
  }
}

/** The fields a form or an API body would hold for this rule, as text, so a change form starts from it. */
export function inputOf(rule: RuleOut): Record<keyof RuleInput, string> {
  const text = (x: number | null) => (x === null ? '' : String(x));
  return {
    kind: rule.kind,
    severity: rule.severity,
    min: text(rule.min),
    max: text(rule.max),
    limit: text(rule.limit),
    unit: rule.unit ?? '',
    threshold: text(rule.threshold),
    minimumHistory: text(rule.minimumHistory),
    expression: rule.expression,
    message: rule.message,
  };
}

export function presentRule(row: RuleRow, measure: { unit: Unit; decimals: number }): RuleOut {
  const rule = ruleFromRow(row);
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    severity: row.severity,
    min: rule.kind === 'range' ? rule.min : null,
    max: rule.kind === 'range' ? rule.max : null,
    limit: rule.kind === 'change' ? rule.limit : null,
    unit: rule.kind === 'change' ? rule.unit : null,
    threshold: rule.kind === 'outlier' ? rule.threshold : null,
    minimumHistory: rule.kind === 'outlier' ? rule.minimumHistory : null,
    expression: row.expression,
    message: row.message,
    summary: summarise(rule, measure),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

function summarise(rule: ValidationRule, measure: { unit: Unit; decimals: number }): string {
  const show = (x: number) => formatValue(x, measure.unit, measure.decimals);
  const severity = rule.severity === 'hard' ? 'Hard' : 'Soft';
  const what = ((): string => {
    switch (rule.kind) {
      case 'range':
        if (rule.min !== null && rule.max !== null) return `between ${show(rule.min)} and ${show(rule.max)}`;
        return rule.min !== null ? `at least ${show(rule.min)}` : `at most ${show(rule.max ?? 0)}`;
      case 'change':
        return rule.unit === 'percent'
          ? `changes by no more than ${rule.limit}% from the previous period`
          : `changes by no more than ${rule.limit} from the previous period`;
      case 'outlier':
        return `no outlier: modified z-score within ${rule.threshold} of its own history, once it has ${rule.minimumHistory} earlier figures`;
      case 'cross_measure':
        return rule.expression;
      default:
        return RULE_NAMES[rule.kind];
    }
  })();
  return `${severity}: ${what}`;
}
