// Orders formula measures so each is worked out after the formula measures it reads.

import { FormulaCycleError, FormulaError } from './formula.ts';
import { parseFormula } from './formula.parse.ts';

/**
 * Takes formula measures (code → formula text) and returns their codes with every formula measure after the
 * formula measures it reads; inputs that are not formula measures are left out. Ties keep the order given.
 * Throws FormulaCycleError naming the cycle (a measure reading itself is one), or FormulaError, prefixed with
 * the measure's code, for a formula that cannot be read.
 */
export function formulaOrder(definitions: Readonly<Record<string, string>>): string[] {
  const dependencies = new Map<string, readonly string[]>();
  for (const [code, text] of Object.entries(definitions)) {
    try {
      dependencies.set(
        code,
        parseFormula(text).inputs.filter((input) => Object.hasOwn(definitions, input)),
      );
    } catch (error) {
      if (error instanceof FormulaError) throw new FormulaError(`${code}: ${error.message}`, error.position);
      throw error;
    }
  }

  const order: string[] = [];
  const done = new Set<string>();
  // Depth-first with an explicit stack, so a long chain of formulas cannot overflow the call stack.
  for (const root of dependencies.keys()) {
    if (done.has(root)) continue;
    const path: { code: string; next: number }[] = [{ code: root, next: 0 }];
    const onPath = new Set([root]);
    while (path.length > 0) {
      const top = path[path.length - 1];
      if (top === undefined) break;
      const needs = dependencies.get(top.code) ?? [];
      const dependency = needs[top.next++];
      if (dependency === undefined) {
        path.pop();
        onPath.delete(top.code);
        done.add(top.code);
        order.push(top.code);
      } else if (onPath.has(dependency)) {
        const start = path.findIndex((step) => step.code === dependency);
        throw new FormulaCycleError([...path.slice(start).map((step) => step.code), dependency]);
      } else if (!done.has(dependency)) {
        path.push({ code: dependency, next: 0 });
        onPath.add(dependency);
      }
    }
  }
  return order;
}
