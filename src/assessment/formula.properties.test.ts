// Properties of the formula language over many generated cases: integer addition agrees with JavaScript,
// printing any tree and reading it back gives the same value and notes, and formulaOrder puts every formula
// measure after the formula measures it reads, on any acyclic set, and refuses any set with a cycle.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FormulaCycleError, type BinaryOperator, type FormulaNode, type FunctionName } from './formula.ts';
import { formatFormula, parseFormula } from './formula.parse.ts';
import { evaluateFormula } from './formula.evaluate.ts';
import { formulaOrder } from './formula.graph.ts';

const CODES = ['A', 'B', 'HOU_DM_REPORTED', 'HOU-07', '07_X'] as const;
const OPERATORS: BinaryOperator[] = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!='];

const at = 0;
const call = (name: FunctionName, args: FormulaNode[]): FormulaNode => ({
  kind: 'call',
  name,
  args,
  position: at,
});

const { node: anyNode } = fc.letrec<{ node: FormulaNode }>((tie) => {
  const child = tie('node');
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc
        .oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.5, 0.25, 2.75, 0.1, 1000000))
        .map((value): FormulaNode => ({ kind: 'number', value, position: at })),
      fc.constantFrom(...CODES).map((code): FormulaNode => ({ kind: 'input', code, position: at })),
      child.map((operand): FormulaNode => ({ kind: 'negate', operand, position: at })),
      fc.tuple(fc.constantFrom(...OPERATORS), child, child).map(([operator, left, right]): FormulaNode => ({
        kind: 'binary',
        operator,
        left,
        right,
        position: at,
      })),
      fc.array(child, { minLength: 1, maxLength: 3 }).map((args) => call('min', args)),
      fc.array(child, { minLength: 1, maxLength: 3 }).map((args) => call('max', args)),
      child.map((x) => call('abs', [x])),
      fc.array(child, { minLength: 1, maxLength: 2 }).map((args) => call('round', args)),
      fc.tuple(child, child, child).map((args) => call('if', args)),
    ),
  };
});

const anyValues = fc.record(
  Object.fromEntries(CODES.map((code) => [code, fc.option(fc.integer({ min: -20, max: 20 }), { freq: 5 })])),
);

describe('formula properties', () => {
  test('a + b evaluates as JavaScript adds integers', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        assert.deepEqual(evaluateFormula(parseFormula('a + b'), { a, b }), {
          value: a + b,
          notes: [],
          missing: [],
        });
        assert.equal(
          evaluateFormula(parseFormula(`${Math.abs(a)} + ${Math.abs(b)}`), {}).value,
          Math.abs(a) + Math.abs(b),
        );
      }),
    );
  });

  test('printing any tree and reading it back gives the same value and notes', () => {
    fc.assert(
      fc.property(anyNode, anyValues, (ast, values) => {
        const text = formatFormula(ast);
        const reread = parseFormula(text);
        assert.deepEqual(evaluateFormula(reread, values), evaluateFormula({ ast, inputs: [] }, values), text);
        assert.equal(formatFormula(reread.ast), text);
      }),
      { numRuns: 500 },
    );
  });

  // Measure i may read any measure j < i (and a raw measure X); names and the order given are shuffled.
  const anyDag = fc.integer({ min: 1, max: 12 }).chain((size) =>
    fc.tuple(
      fc.tuple(
        ...Array.from({ length: size }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j))),
      ),
      fc.shuffledSubarray(
        Array.from({ length: size }, (_, i) => i),
        { minLength: size, maxLength: size },
      ),
    ),
  );
  const name = (i: number) => (i % 2 === 0 ? `M${i}` : `HOU-${i}`);
  const text = (reads: number[]) => ['X', ...reads.map((j) => `[${name(j)}]`)].join(' + ');

  test('formulaOrder puts every input before its dependant', () => {
    fc.assert(
      fc.property(anyDag, ([reads, given]) => {
        const definitions: Record<string, string> = {};
        for (const i of given) definitions[name(i)] = text(reads[i] ?? []);
        const order = formulaOrder(definitions);
        assert.deepEqual([...order].sort(), Object.keys(definitions).sort());
        reads.forEach((dependencies, i) => {
          for (const j of dependencies) assert.ok(order.indexOf(name(j)) < order.indexOf(name(i)));
        });
      }),
    );
  });

  test('formulaOrder refuses a set where the first measure reads the last, through a chain', () => {
    fc.assert(
      fc.property(anyDag, ([reads, given]) => {
        const last = reads.length - 1;
        // Make measure 0 read the last one, and the last read measure 0 (through itself if there is only one).
        const closed = reads.map((r, i) => (i === 0 ? [...r, last] : i === last ? [...r, 0] : r));
        const definitions: Record<string, string> = {};
        for (const i of given) definitions[name(i)] = text(closed[i] ?? []);
        assert.throws(() => formulaOrder(definitions), FormulaCycleError);
      }),
    );
  });
});
