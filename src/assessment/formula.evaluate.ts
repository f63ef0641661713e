// Works out a parsed formula from its inputs' values. A missing input makes the result missing, never zero;
// each reason a result is missing is given as a note a person can act on.

import { type Formula, type FormulaNode } from './formula.ts';
import { formatFormula } from './formula.parse.ts';
import { round10 } from './numbers.ts';

export type FormulaValues = Readonly<Record<string, number | null | undefined>>;

export interface FormulaResult {
  readonly value: number | null;
  /** Why the value is missing (or what was doubtful), each said once, in the order found. */
  readonly notes: string[];
  /**
   * The inputs the result needed but had no value for, each once: a caller can tell "not worked out yet" (an
   * input is still to come) from "cannot be worked out" (division by zero) without reading the notes.
   */
  readonly missing: string[];
}

/** The largest number of decimal places `round` accepts either side of the point. */
const MAX_PLACES = 15;

/**
 * Evaluates every operand (so every missing input is named), except that `if` evaluates only the branch its
 * condition chooses. Comparisons and `round` ignore binary noise below 10 decimal places, so 0.1 + 0.2 == 0.3.
 */
export function evaluateFormula(formula: Formula, values: FormulaValues): FormulaResult {
  const notes: string[] = [];
  const missing: string[] = [];
  const note = (text: string): null => {
    if (!notes.includes(text)) notes.push(text);
    return null;
  };
  const finite = (result: number, node: FormulaNode): number | null =>
    Number.isFinite(result) ? result : note(`Not a finite number: ${formatFormula(node)}`);

  function evaluate(node: FormulaNode): number | null {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'input': {
        const value = Object.hasOwn(values, node.code) ? values[node.code] : undefined;
        if (value === null || value === undefined) {
          if (!missing.includes(node.code)) missing.push(node.code);
          return note(`No value for ${node.code}`);
        }
        return Number.isFinite(value) ? value : note(`${node.code} is not a finite number (${value})`);
      }
      case 'negate': {
        const operand = evaluate(node.operand);
        return operand === null ? null : 0 - operand;
      }
      case 'binary':
        return binary(node);
      case 'call':
        return call(node);
    }
  }

  function binary(node: Extract<FormulaNode, { kind: 'binary' }>): number | null {
    const left = evaluate(node.left);
    const right = evaluate(node.right);
    if (left === null || right === null) return null;
    switch (node.operator) {
      case '+':
        return finite(left + right, node);
      case '-':
        return finite(left - right, node);
      case '*':
        return finite(left * right, node);
      case '/':
        if (right === 0) return note(`Division by zero: ${formatFormula(node.right)} is 0`);
        return finite(left / right, node);
      case '<':
        return round10(left) < round10(right) ? 1 : 0;
      case '<=':
        return round10(left) <= round10(right) ? 1 : 0;
      case '>':
        return round10(left) > round10(right) ? 1 : 0;
      case '>=':
        return round10(left) >= round10(right) ? 1 : 0;
      case '==':
        return round10(left) === round10(right) ? 1 : 0;
      case '!=':
        return round10(left) !== round10(right) ? 1 : 0;
    }
  }

  function call(node: Extract<FormulaNode, { kind: 'call' }>): number | null {
    if (node.name === 'if') {
      const [condition, then, otherwise] = node.args;
      if (condition === undefined || then === undefined || otherwise === undefined) return null;
      const chosen = evaluate(condition);
      if (chosen === null) return null;
      return evaluate(round10(chosen) !== 0 ? then : otherwise);
    }
    const args = node.args.map(evaluate);
    const present = args.filter((a): a is number => a !== null);
    if (present.length < args.length || present.length === 0) return null;
    switch (node.name) {
      case 'min':
        return Math.min(...present);
      case 'max':
        return Math.max(...present);
      case 'abs':
        return Math.abs(present[0] ?? 0);
      case 'round':
        return roundTo(present[0] ?? 0, present[1] ?? 0, node);
    }
  }

  function roundTo(x: number, places: number, node: FormulaNode): number | null {
    if (!Number.isInteger(places) || Math.abs(places) > MAX_PLACES) {
      return note(`'round' needs whole-number places from -${MAX_PLACES} to ${MAX_PLACES}, not ${places}`);
    }
    // Halves round away from zero, as in a spreadsheet; round10 first so 1.005 counts as a half.
    const scale = 10 ** Math.abs(places);
    const scaled = places >= 0 ? Math.abs(x) * scale : Math.abs(x) / scale;
    const whole = Math.round(round10(scaled));
    const magnitude = places >= 0 ? whole / scale : whole * scale;
    const result = Math.sign(x) * magnitude;
    return finite(result === 0 ? 0 : result, node);
  }

  const value = evaluate(formula.ast);
  return { value: value === 0 ? 0 : value, notes, missing };
}
