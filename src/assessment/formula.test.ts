// Proves the formula language by the table: precedence, unary minus, every operator and function, every error
// message with its position, missing inputs, division by zero, lazy `if`, bracketed codes, whitespace, deep
// nesting, and the dependency order of formula measures with its cycles.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { FormulaCycleError, FormulaError } from './formula.ts';
import { formatFormula, parseFormula } from './formula.parse.ts';
import { evaluateFormula, type FormulaValues } from './formula.evaluate.ts';
import { formulaOrder } from './formula.graph.ts';

const run = (text: string, values: FormulaValues = {}) => evaluateFormula(parseFormula(text), values);

type ValueCase = [name: string, text: string, expected: number | null, values?: FormulaValues];

const values: ValueCase[] = [
  // Numbers.
  ['a whole number', '12', 12],
  ['a decimal', '12.5', 12.5],
  ['a decimal with no leading digit', '.5', 0.5],
  ['a trailing zero', '2.50', 2.5],
  // Precedence and grouping.
  ['multiplication binds tighter than addition', '1 + 2 * 3', 7],
  ['division binds tighter than subtraction', '10 - 6 / 2', 7],
  ['parentheses override precedence', '(1 + 2) * 3', 9],
  ['subtraction groups from the left', '10 - 4 - 3', 3],
  ['division groups from the left', '24 / 4 / 2', 3],
  ['parentheses on the right of a subtraction', '10 - (4 - 3)', 9],
  ['comparison binds looser than addition', '1 + 1 == 2', 1],
  ['comparison binds looser than multiplication', '2 * 3 > 5', 1],
  ['comparisons group from the left', '3 > 2 > 1', 0],
  // Unary minus.
  ['unary minus', '-5', -5],
  ['unary minus binds tighter than multiplication', '-2 * 3', -6],
  ['unary minus on both operands', '-2 * -3', 6],
  ['subtracting a negative', '2 - -3', 5],
  ['double negation', '--4', 4],
  ['negating a group', '-(2 + 3)', -5],
  ['negating an input', '-A', -7, { A: 7 }],
  ['negating zero gives zero, not -0', '-0', 0],
  // Arithmetic.
  ['addition', '2 + 3', 5],
  ['subtraction', '2 - 3', -1],
  ['multiplication', '2 * 3', 6],
  ['division', '3 / 4', 0.75],
  // Comparisons give 1 or 0.
  ['< true', '1 < 2', 1],
  ['< false', '2 < 2', 0],
  ['<= true at equality', '2 <= 2', 1],
  ['<= false', '3 <= 2', 0],
  ['> true', '3 > 2', 1],
  ['> false', '2 > 2', 0],
  ['>= true at equality', '2 >= 2', 1],
  ['>= false', '1 >= 2', 0],
  ['== true', '2 == 2', 1],
  ['== false', '2 == 3', 0],
  ['!= true', '2 != 3', 1],
  ['!= false', '2 != 2', 0],
  ['== ignores binary noise', '0.1 + 0.2 == 0.3', 1],
  // Functions.
  ['min of one', 'min(4)', 4],
  ['min of several', 'min(4, -1, 3)', -1],
  ['max of several', 'max(4, -1, 3)', 4],
  ['abs of a negative', 'abs(-3.5)', 3.5],
  ['abs of a positive', 'abs(2)', 2],
  ['round to a whole number', 'round(2.4)', 2],
  ['round halves away from zero', 'round(2.5)', 3],
  ['round negative halves away from zero', 'round(-2.5)', -3],
  ['round to places', 'round(3.14159, 2)', 3.14],
  ['round 1.005 to 2 places is 1.01, as on paper', 'round(1.005, 2)', 1.01],
  ['round to negative places rounds to tens', 'round(1250, -2)', 1300],
  ['round to fractional places is missing', 'round(1.5, 0.5)', null],
  ['if takes the then branch when true', 'if(1, 10, 20)', 10],
  ['if takes the else branch when false', 'if(0, 10, 20)', 20],
  ['if treats any non-zero as true', 'if(-0.5, 10, 20)', 10],
  ['if with a comparison', 'if(A >= 50, 1, 0)', 1, { A: 50 }],
  ['functions nest', 'max(min(A, B), abs(C))', 5, { A: 3, B: 4, C: -5 }],
  ['function arguments are full expressions', 'min(1 + 1, 2 * 3 > 5)', 1],
  // Inputs.
  [
    'a plain code',
    'HOU_DM_INVESTIGATED / HOU_DM_REPORTED * 100',
    75,
    { HOU_DM_INVESTIGATED: 3, HOU_DM_REPORTED: 4 },
  ],
  ['a bracketed code with hyphens', '[HOU-07] + 1', 8, { 'HOU-07': 7 }],
  ['a bracketed code may start with a digit', '[07-HOU] * 2', 14, { '07-HOU': 7 }],
  ['a plain code written in brackets is the same code', '[A] + A', 4, { A: 2 }],
  ['an input of zero is a value, not missing', 'A + 1', 1, { A: 0 }],
  ['a code named like a function is a code when not called', 'min + 1', 3, { min: 2 }],
  // Whitespace.
  ['no whitespace at all', 'min(A,B)*2+1', 3, { A: 1, B: 2 }],
  ['tabs and newlines', '\tA\n+\r\n B ', 3, { A: 1, B: 2 }],
  ['whitespace before a call', 'max (1, 2)', 2],
  // Laziness of if.
  ['a missing input in the unchosen else branch does not matter', 'if(A > 0, A, B)', 5, { A: 5 }],
  ['a missing input in the unchosen then branch does not matter', 'if(A > 0, B, 0)', 0, { A: -1 }],
  ['division by zero in the unchosen branch does not matter', 'if(B == 0, 0, A / B)', 0, { A: 3, B: 0 }],
  // Deep nesting.
  ['400 levels of parentheses', `${'('.repeat(400)}1${')'.repeat(400)}`, 1],
  ['a long chain of additions', Array.from({ length: 2000 }, () => '1').join(' + '), 2000],
  ['nested functions', `${'abs('.repeat(100)}-1${')'.repeat(100)}`, 1],
];

describe('evaluateFormula gives the value', () => {
  for (const [name, text, expected, inputs] of values) {
    test(`${name}: ${text.length > 40 ? text.slice(0, 40) + '…' : text} = ${expected}`, () => {
      assert.equal(run(text, inputs).value, expected);
    });
  }
});

type NoteCase = [name: string, text: string, values: FormulaValues, notes: string[]];

const missing: NoteCase[] = [
  ['a missing input is missing, never zero', 'A + B', { A: 1 }, ['No value for B']],
  ['a null input is missing', 'A * 2', { A: null }, ['No value for A']],
  ['an undefined input is missing', 'A * 2', { A: undefined }, ['No value for A']],
  ['every missing input is named, once each', 'A + B + A', {}, ['No value for A', 'No value for B']],
  ['a missing input inside a function', 'max(A, 1)', {}, ['No value for A']],
  ['a missing condition', 'if(A, 1, 2)', {}, ['No value for A']],
  ['a missing input in the chosen branch', 'if(1, A, 2)', {}, ['No value for A']],
  ['a missing input in a comparison', 'A > 1', {}, ['No value for A']],
  ['a non-finite input', 'A + 1', { A: Infinity }, ['A is not a finite number (Infinity)']],
  ['NaN as an input', 'A + 1', { A: NaN }, ['A is not a finite number (NaN)']],
  [
    'division by zero names the divisor',
    'HOU_DM_INVESTIGATED / HOU_DM_REPORTED',
    { HOU_DM_INVESTIGATED: 3, HOU_DM_REPORTED: 0 },
    ['Division by zero: HOU_DM_REPORTED is 0'],
  ],
  [
    'division by a zero expression shows it',
    'A / (B - C)',
    { A: 1, B: 2, C: 2 },
    ['Division by zero: B - C is 0'],
  ],
  ['division by a literal zero', '1 / 0', {}, ['Division by zero: 0 is 0']],
  ['division by a bracketed code', '1 / [HOU-07]', { 'HOU-07': 0 }, ['Division by zero: [HOU-07] is 0']],
  ['an overflowing result is missing', 'A * A', { A: 1e200 }, ['Not a finite number: A * A']],
  [
    'round with bad places',
    'round(1, 2.5)',
    {},
    ["'round' needs whole-number places from -15 to 15, not 2.5"],
  ],
  [
    'round with too many places',
    'round(1, 16)',
    {},
    ["'round' needs whole-number places from -15 to 15, not 16"],
  ],
];

/** The inputs a case's notes say had no value: what `missing` must list. */
const missingIn = (notes: string[]) =>
  notes.filter((n) => n.startsWith('No value for ')).map((n) => n.slice('No value for '.length));

describe('evaluateFormula gives a missing value with a note', () => {
  for (const [name, text, inputs, notes] of missing) {
    test(name, () => {
      assert.deepEqual(run(text, inputs), { value: null, notes, missing: missingIn(notes) });
    });
  }
  test('a value found has no notes', () => {
    assert.deepEqual(run('A / B', { A: 1, B: 4 }), { value: 0.25, notes: [], missing: [] });
  });
  test('division by zero with every input present lists no missing input', () => {
    assert.deepEqual(run('A / B', { A: 1, B: 0 }).missing, []);
  });
  test('an input in the branch `if` does not take is not missing', () => {
    assert.deepEqual(run('if(A > 0, A, B)', { A: 2 }), { value: 2, notes: [], missing: [] });
  });
});

type ErrorCase = [text: string, message: string, position: number];

const errors: ErrorCase[] = [
  ['min(A, B', "Expected ')' at position 8 in 'min(A, B'", 8],
  ['(1 + 2', "Expected ')' at position 6 in '(1 + 2'", 6],
  ['sqrt(4)', "Unknown function 'sqrt' at position 0", 0],
  ['1 + Sum(A)', "Unknown function 'Sum' at position 4", 4],
  ['round(1, 2, 3)', "'round' takes 1 or 2 arguments, not 3, at position 0", 0],
  ['round()', "'round' takes 1 or 2 arguments, not 0, at position 0", 0],
  ['1 + abs(1, 2)', "'abs' takes 1 argument, not 2, at position 4", 4],
  ['if(1, 2)', "'if' takes 3 arguments, not 2, at position 0", 0],
  ['min()', "'min' takes at least 1 argument, not 0, at position 0", 0],
  ['max()', "'max' takes at least 1 argument, not 0, at position 0", 0],
  ['', "Expected a number, measure code or '(' at position 0 in ''", 0],
  ['   ', "Expected a number, measure code or '(' at position 3 in '   '", 3],
  ['1 +', "Expected a number, measure code or '(' at position 3 in '1 +'", 3],
  ['1 + * 2', "Expected a number, measure code or '(' at position 4 in '1 + * 2'", 4],
  ['min(A,)', "Expected a number, measure code or '(' at position 6 in 'min(A,)'", 6],
  ['()', "Expected a number, measure code or '(' at position 1 in '()'", 1],
  ['1 2', "Expected an operator or the end of the formula at position 2 in '1 2'", 2],
  ['(1))', "Expected an operator or the end of the formula at position 3 in '(1))'", 3],
  ['A B', "Expected an operator or the end of the formula at position 2 in 'A B'", 2],
  ['1.2.3', "Expected an operator or the end of the formula at position 3 in '1.2.3'", 3],
  ['[HOU-07](1)', "Expected an operator or the end of the formula at position 8 in '[HOU-07](1)'", 8],
  ['A $ B', "Unexpected character '$' at position 2 in 'A $ B'", 2],
  ['A = B', "Unexpected character '=' at position 2 in 'A = B'", 2],
  ['A ! B', "Unexpected character '!' at position 2 in 'A ! B'", 2],
  ['[HOU-07', "Expected ']' at position 7 in '[HOU-07'", 7],
  ['[HOU 07]', "Expected ']' at position 4 in '[HOU 07]'", 4],
  ['[]', "Expected a measure code after '[' at position 1 in '[]'", 1],
  ['1 + []', "Expected a measure code after '[' at position 5 in '1 + []'", 5],
  [
    `1 + ${'9'.repeat(400)}`,
    `Number ${'9'.repeat(400)} is too large at position 4 in '1 + ${'9'.repeat(400)}'`,
    4,
  ],
  [`${'('.repeat(501)}1${')'.repeat(501)}`, 'Formula nests more than 500 levels deep at position 500', 500],
  [`${'-'.repeat(501)}1`, 'Formula nests more than 500 levels deep at position 500', 500],
];

describe('parseFormula names what was expected and where', () => {
  for (const [text, message, position] of errors) {
    test(message.length > 80 ? message.slice(0, 80) + '…' : message, () => {
      assert.throws(
        () => parseFormula(text),
        (error: unknown) => {
          assert.ok(error instanceof FormulaError);
          assert.equal(error.message, message);
          assert.equal(error.position, position);
          return true;
        },
      );
    });
  }
});

describe('parseFormula lists the inputs', () => {
  const cases: [text: string, inputs: string[]][] = [
    ['1 + 2', []],
    ['B + A + B', ['B', 'A']],
    ['[HOU-07] / HOU_DM_REPORTED + [HOU-07]', ['HOU-07', 'HOU_DM_REPORTED']],
    ['[A] + A', ['A']],
    // Without brackets a hyphen is a minus sign: HOU-07 is HOU minus 7, so hyphenated codes need brackets.
    ['HOU-07', ['HOU']],
    ['if(A, B, C)', ['A', 'B', 'C']],
    ['max(min(X, Y), abs(-Z))', ['X', 'Y', 'Z']],
  ];
  for (const [text, inputs] of cases) {
    test(`${text} reads ${inputs.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(parseFormula(text).inputs, inputs);
    });
  }
});

describe('formatFormula prints with as few parentheses as keep the meaning', () => {
  const cases: [text: string, printed: string][] = [
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['1 + (2 * 3)', '1 + 2 * 3'],
    ['(10 - 4) - 3', '10 - 4 - 3'],
    ['10 - (4 - 3)', '10 - (4 - 3)'],
    ['-(2 + 3)', '-(2 + 3)'],
    ['- - 4', '--4'],
    ['.5', '0.5'],
    ['(A<B)==1', 'A < B == 1'],
    ['[HOU-07]+[A]', '[HOU-07] + A'],
    ['round( x ,2 )', 'round(x, 2)'],
    ['if(a>=1,b,c)', 'if(a >= 1, b, c)'],
  ];
  for (const [text, printed] of cases) {
    test(`${text} prints as ${printed}`, () => {
      assert.equal(formatFormula(parseFormula(text).ast), printed);
    });
  }
  test('a number never prints in exponent notation', () => {
    assert.equal(formatFormula({ kind: 'number', value: 1e-7, position: 0 }), '0.0000001');
    assert.equal(formatFormula({ kind: 'number', value: 1e21, position: 0 }), '1000000000000000000000');
  });
});

describe('formulaOrder puts inputs before dependants', () => {
  const cases: [name: string, definitions: Record<string, string>, order: string[]][] = [
    ['no formulas', {}, []],
    ['independent formulas keep their order', { B: 'X + 1', A: 'Y + 1' }, ['B', 'A']],
    ['a chain given backwards', { C: 'B * 2', B: 'A + 1', A: 'X' }, ['A', 'B', 'C']],
    ['a diamond', { D: 'B + C', B: 'A', C: 'A', A: 'X' }, ['A', 'B', 'C', 'D']],
    ['bracketed codes', { 'HOU-09': '[HOU-08] / 2', 'HOU-08': '[HOU-07] * 2' }, ['HOU-08', 'HOU-09']],
    ['a dependency only in an if branch still counts', { B: 'if(X, A, 0)', A: 'Y' }, ['A', 'B']],
  ];
  for (const [name, definitions, order] of cases) {
    test(name, () => {
      assert.deepEqual(formulaOrder(definitions), order);
    });
  }

  const cycles: [name: string, definitions: Record<string, string>, message: string][] = [
    ['a self-reference is a cycle', { A: 'A + 1' }, 'Formula measures form a cycle: A → A'],
    ['a two-step cycle', { A: 'B', B: 'A' }, 'Formula measures form a cycle: A → B → A'],
    ['a three-step cycle', { A: 'B', B: 'C', C: 'A' }, 'Formula measures form a cycle: A → B → C → A'],
    [
      'a cycle reached from outside names only the cycle',
      { Z: 'A', A: 'B + X', B: 'C', C: 'A' },
      'Formula measures form a cycle: A → B → C → A',
    ],
    [
      'bracketed codes in a cycle',
      { 'HOU-07': '[HOU-08]', 'HOU-08': '[HOU-07]' },
      'Formula measures form a cycle: HOU-07 → HOU-08 → HOU-07',
    ],
  ];
  for (const [name, definitions, message] of cycles) {
    test(name, () => {
      assert.throws(() => formulaOrder(definitions), { name: 'FormulaCycleError', message });
      assert.throws(() => formulaOrder(definitions), FormulaCycleError);
    });
  }

  test('a formula that cannot be read is named by its code', () => {
    assert.throws(() => formulaOrder({ A: 'min(B' }), {
      name: 'FormulaError',
      message: "A: Expected ')' at position 5 in 'min(B'",
    });
  });

  test('a chain of 10,000 formulas does not overflow the stack', () => {
    const definitions: Record<string, string> = {};
    for (let i = 10_000; i > 0; i--) definitions[`M${i}`] = `M${i - 1} + 1`;
    const order = formulaOrder(definitions);
    assert.equal(order[0], 'M1');
    assert.equal(order.at(-1), 'M10000');
  });
});
