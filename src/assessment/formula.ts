// The shapes shared by the formula language: its syntax tree, its functions and its errors. The parser
// (formula.parse.ts), the evaluator (formula.evaluate.ts) and the dependency order (formula.graph.ts) build on
// these; nothing here runs a formula.

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator;
export type FunctionName = 'min' | 'max' | 'abs' | 'round' | 'if';

/** `position` is the 0-based offset in the formula text where the node begins. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'input'; readonly code: string; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly position: number }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly position: number;
    }
  | {
      readonly kind: 'call';
      readonly name: FunctionName;
      readonly args: readonly FormulaNode[];
      readonly position: number;
    };

export interface Formula {
  readonly ast: FormulaNode;
  /** The measure codes the formula reads, each once, in order of first use. */
  readonly inputs: readonly string[];
}

/** A formula that cannot be read: the message says what was expected and where. */
export class FormulaError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'FormulaError';
    this.position = position;
  }
}

/** Formula measures that depend on each other in a circle, so none can be worked out first. */
export class FormulaCycleError extends Error {
  readonly cycle: readonly string[];
  constructor(cycle: readonly string[]) {
    super(`Formula measures form a cycle: ${cycle.join(' → ')}`);
    this.name = 'FormulaCycleError';
    this.cycle = cycle;
  }
}

/** How many arguments each function accepts (max is Infinity for min and max). */
export const ARITY: Record<
  FunctionName,
  { readonly min: number; readonly max: number; readonly text: string }
> = {
  min: { min: 1, max: Infinity, text: 'at least 1 argument' },
  max: { min: 1, max: Infinity, text: 'at least 1 argument' },
  abs: { min: 1, max: 1, text: '1 argument' },
  round: { min: 1, max: 2, text: '1 or 2 arguments' },
  if: { min: 3, max: 3, text: '3 arguments' },
};

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(ARITY, name);
}
