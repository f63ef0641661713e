// The measure page's formula in words, by the table: operators, grouping, functions and measure codes as pieces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formulaInWords, type FormulaWord } from './formula-words.ts';

const say = (words: FormulaWord[] | null) =>
  words?.map((w) => ('code' in w ? `<${w.code}>` : w.text)).join('') ?? null;

const cases: [formula: string, words: string | null][] = [
  ['[HOU-04] / [HOU-03] * 100', '<HOU-04> divided by <HOU-03> times 100'],
  ['A / (B + C)', '<A> divided by (<B> plus <C>)'],
  ['A - (B - C)', '<A> minus (<B> minus <C>)'],
  ['-A * 2', 'minus <A> times 2'],
  ['min(A, B, 3)', 'the smaller of <A>, <B> and 3'],
  ['max(A, B)', 'the larger of <A> and <B>'],
  ['abs(A - B)', 'the size of (<A> minus <B>)'],
  ['round(A / B * 100, 1)', '(<A> divided by <B> times 100) rounded to 1 decimal place'],
  ['round(A, 2)', '(<A>) rounded to 2 decimal places'],
  ['round(A)', '(<A>) rounded to a whole number'],
  ['if(A >= 50, 1, 0)', 'if <A> is at least 50 then 1, otherwise 0'],
  ['A +', null],
];

describe('formulaInWords', () => {
  for (const [formula, words] of cases) {
    test(`${formula} reads "${words}"`, () => assert.equal(say(formulaInWords(formula)), words));
  }
});
