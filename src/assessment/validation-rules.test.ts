// Proves the validation rules by the table: each rule passing, failing (with its exact message) and skipping,
// hard findings before soft, the message override, the outlier score with MAD = 0, and every mistake a rule's
// definition can have, named by its field.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkRules, type RuleContext, type ValidationRule } from './validation-rules.ts';
import { defineRule, type RuleInput, type RuleOwner } from './validation-rules.define.ts';
import { median, modifiedZScore } from './validation-rules.outlier.ts';

const HISTORY = [100, 104, 98, 101, 99, 103, 97, 102, 100, 101];

function context(over: Partial<RuleContext> & { value?: number } = {}): RuleContext {
  const { value = 100, ...rest } = over;
  return {
    measure: { code: 'HOU-04', unit: 'count', decimals: 0, ratio: false },
    figure: { value, numerator: null, denominator: null },
    previous: { value: 6700, label: 'September 2026' },
    history: HISTORY,
    others: {},
    ...rest,
  };
}

const percentMeasure = { code: 'HOU-01', unit: 'percent', decimals: 1, ratio: true } as const;
const ratio = (numerator: number, denominator: number): RuleContext =>
  context({
    measure: percentMeasure,
    figure: { value: (numerator / denominator) * 100, numerator, denominator },
  });

type Case = [name: string, rule: ValidationRule, context: RuleContext, expected: string | null];

const cases: Case[] = [
  [
    'a figure inside the range passes',
    { kind: 'range', severity: 'hard', min: 0, max: 100 },
    ratio(50, 100),
    null,
  ],
  [
    'a figure on the maximum passes',
    { kind: 'range', severity: 'hard', min: 0, max: 100 },
    ratio(100, 100),
    null,
  ],
  [
    'a figure above the maximum fails',
    { kind: 'range', severity: 'hard', min: null, max: 95 },
    ratio(97, 100),
    'numerator: 97.0% is above the highest allowed, 95.0% (hard rule: range)',
  ],
  [
    'a figure below the minimum fails',
    { kind: 'range', severity: 'soft', min: 10, max: null },
    context({ value: 7 }),
    'value: 7 is below the lowest allowed, 10 (soft rule: range)',
  ],
  ['a whole number passes', { kind: 'integer', severity: 'hard' }, context({ value: 12 }), null],
  [
    'a fraction fails the whole-number rule',
    { kind: 'integer', severity: 'hard' },
    context({ value: 12.5 }),
    'value: 12.5 is not a whole number; HOU-04 counts whole things (hard rule: whole numbers only)',
  ],
  [
    "a ratio's fractional denominator fails the whole-number rule",
    { kind: 'integer', severity: 'hard' },
    ratio(3, 4.5),
    'denominator: 4.5 is not a whole number; HOU-01 counts whole things (hard rule: whole numbers only)',
  ],
  [
    'a numerator equal to its denominator passes',
    { kind: 'numerator_within_denominator', severity: 'hard' },
    ratio(9, 9),
    null,
  ],
  [
    'a numerator above its denominator fails',
    { kind: 'numerator_within_denominator', severity: 'hard' },
    ratio(120, 100),
    'numerator: the numerator 120 is more than the denominator 100 (hard rule: numerator no more than denominator)',
  ],
  [
    'a rise beyond the % bound fails, with the numbers',
    { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
    context({ value: 12400 }),
    "value: 12,400 is 85.1% higher than September 2026's 6,700; the rule allows 50% (soft rule: change from the previous period)",
  ],
  [
    'a rise within the % bound passes',
    { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
    context({ value: 10050 }),
    null,
  ],
  [
    'a fall beyond the absolute bound fails',
    { kind: 'change', severity: 'hard', limit: 1000, unit: 'absolute' },
    context({ value: 5000 }),
    "value: 5,000 is 1,700 lower than September 2026's 6,700; the rule allows a change of 1,000 (hard rule: change from the previous period)",
  ],
  [
    'a change exactly on the absolute bound passes',
    { kind: 'change', severity: 'hard', limit: 1700, unit: 'absolute' },
    context({ value: 5000 }),
    null,
  ],
  [
    'a figure far from the history is an outlier',
    { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
    context({ value: 140 }),
    "value: 140 is far from HOU-04's usual figures (median 101 over the 10 earlier figures; modified z-score 17.8, the rule allows 3.5) (soft rule: outlier against its own history)",
  ],
  [
    'a usual figure is no outlier',
    { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
    context({ value: 103 }),
    null,
  ],
  [
    'a changed figure after a flat history is an outlier',
    { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
    context({ value: 12, history: [10, 10, 10, 10, 10, 10, 10, 10] }),
    "value: 12 is far from HOU-04's usual figures (all 8 earlier figures are 10; modified z-score beyond any bound, the rule allows 3.5) (soft rule: outlier against its own history)",
  ],
  [
    'a cross-measure rule that does not hold fails, naming the figures',
    { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= [HOU-03]' },
    context({ value: 130, others: { 'HOU-03': 120 } }),
    'value: [HOU-04] <= [HOU-03] does not hold: HOU-04 is 130 and HOU-03 is 120 (hard rule: cross-measure rule)',
  ],
  [
    'a cross-measure rule that holds passes',
    { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= [HOU-03]' },
    context({ value: 120, others: { 'HOU-03': 120 } }),
    null,
  ],
  [
    'the override replaces the worked-out words',
    { kind: 'range', severity: 'hard', min: 0, max: 10, message: 'More than 10 is impossible for a ward' },
    context({ value: 11 }),
    'value: More than 10 is impossible for a ward (hard rule: range)',
  ],
];

describe('checkRules', () => {
  for (const [name, rule, ctx, expected] of cases) {
    test(name, () => {
      const { findings, skipped } = checkRules([rule], ctx);
      assert.deepEqual(skipped, []);
      assert.deepEqual(
        findings.map((f) => f.message),
        expected === null ? [] : [expected],
      );
      if (expected !== null) assert.equal(findings[0]?.severity, rule.severity);
    });
  }

  const skips: [string, ValidationRule, RuleContext, string][] = [
    [
      'a change rule with no previous figure',
      { kind: 'change', severity: 'hard', limit: 10, unit: 'percent' },
      context({ previous: null }),
      'there is no figure for the previous period',
    ],
    [
      'a % change from zero',
      { kind: 'change', severity: 'hard', limit: 10, unit: 'percent' },
      context({ previous: { value: 0, label: 'March 2026' } }),
      "March 2026's figure is 0, so a percentage change cannot be worked out",
    ],
    [
      'an outlier rule with too little history',
      { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
      context({ history: [1, 2, 3] }),
      'HOU-04 has 3 earlier figures; the outlier rule needs at least 8',
    ],
    [
      'a cross-measure rule whose other figure is missing',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= [HOU-03]' },
      context({ others: { 'HOU-03': null } }),
      "no figure for HOU-03 in this period, so '[HOU-04] <= [HOU-03]' was not checked",
    ],
    [
      'a numerator rule on a plain figure',
      { kind: 'numerator_within_denominator', severity: 'hard' },
      context(),
      'the figure has no numerator and denominator',
    ],
  ];
  for (const [name, rule, ctx, reason] of skips) {
    test(`skips ${name}, saying why`, () => {
      assert.deepEqual(checkRules([rule], ctx), { findings: [], skipped: [{ rule: rule.kind, reason }] });
    });
  }

  test('puts hard findings before soft ones', () => {
    const { findings } = checkRules(
      [
        { kind: 'range', severity: 'soft', min: null, max: 10 },
        { kind: 'integer', severity: 'hard' },
      ],
      context({ value: 12.5 }),
    );
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['hard', 'soft'],
    );
  });
});

describe('modifiedZScore', () => {
  test('is 0.6745 × (x − median) / MAD', () => {
    // median 3, deviations 2 1 0 1 2 → MAD 1
    assert.equal(modifiedZScore(7, [1, 2, 3, 4, 5]).score, 0.6745 * 4);
  });
  test('falls back to the mean absolute deviation when MAD is 0', () => {
    const z = modifiedZScore(20, [10, 10, 10, 10, 10, 10, 11, 14]);
    assert.equal(z.spread, 'mean');
    assert.equal(z.score, (0.7979 * 10) / (5 / 8));
  });
  test('scores the median itself 0 even when every figure is equal', () => {
    assert.equal(modifiedZScore(10, [10, 10, 10]).score, 0);
  });
  test('median of an even count is the mean of the middle two', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
  test('does not change when every figure is shifted and scaled alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 8, maxLength: 40 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -500, max: 500 }),
        (history, x, scale, shift) => {
          const plain = modifiedZScore(x, history).score;
          const moved = modifiedZScore(
            x * scale + shift,
            history.map((h) => h * scale + shift),
          ).score;
          if (Number.isFinite(plain))
            assert.ok(Math.abs(plain - moved) < 1e-9 * Math.max(1, Math.abs(plain)));
          else assert.equal(moved, plain);
        },
      ),
    );
  });
  test('no figure within the history’s range is further out than its extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 8, maxLength: 30 }),
        (history) => {
          const lo = Math.min(...history);
          const hi = Math.max(...history);
          const mid = median(history);
          assert.ok(
            Math.abs(modifiedZScore(mid, history).score) <=
              Math.abs(modifiedZScore(lo, history).score) + 1e-9,
          );
          assert.ok(
            Math.abs(modifiedZScore(mid, history).score) <=
              Math.abs(modifiedZScore(hi, history).score) + 1e-9,
          );
        },
      ),
    );
  });
});

const owner: RuleOwner = {
  code: 'HOU-04',
  frequency: 'monthly',
  ratio: false,
  measures: new Map([
    ['HOU-03', 'monthly'],
    ['HOU-04', 'monthly'],
    ['HOU-TSM', 'annual'],
  ]),
};

describe('defineRule', () => {
  const good: [string, RuleInput, ValidationRule][] = [
    [
      'a range from typed text',
      { kind: 'range', severity: 'hard', min: '0', max: '1,000' },
      { kind: 'range', severity: 'hard', min: 0, max: 1000 },
    ],
    [
      'a change bound',
      { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
      { kind: 'change', severity: 'soft', limit: 50, unit: 'percent' },
    ],
    [
      'an outlier rule with the defaults',
      { kind: 'outlier', severity: 'soft' },
      { kind: 'outlier', severity: 'soft', threshold: 3.5, minimumHistory: 8 },
    ],
    [
      'a cross-measure rule with its own words',
      {
        kind: 'cross_measure',
        severity: 'hard',
        expression: ' [HOU-04] <= [HOU-03] ',
        message: ' Cannot exceed reports ',
      },
      {
        kind: 'cross_measure',
        severity: 'hard',
        expression: '[HOU-04] <= [HOU-03]',
        message: 'Cannot exceed reports',
      },
    ],
  ];
  for (const [name, input, expected] of good)
    test(`reads ${name}`, () => assert.deepEqual(defineRule(input, owner), expected));

  const bad: [string, RuleInput, string[]][] = [
    [
      'an unknown kind',
      { kind: 'guess', severity: 'hard' },
      ['kind: choose one of range, integer, numerator_within_denominator, change, outlier, cross_measure'],
    ],
    [
      'no severity',
      { kind: 'integer' },
      ['severity: choose hard (rejects the figure) or soft (needs an explanation)'],
    ],
    [
      'a range with neither end',
      { kind: 'range', severity: 'hard' },
      ['min: give a lowest or a highest allowed figure, or both'],
    ],
    [
      'a range upside down',
      { kind: 'range', severity: 'hard', min: 10, max: 5 },
      ['max: 5 is below the lowest allowed, 10'],
    ],
    [
      'a range bound that is not a number',
      { kind: 'range', severity: 'hard', min: 'ten' },
      ["min: 'ten' is not a number"],
    ],
    [
      'a change with no unit or limit',
      { kind: 'change', severity: 'hard' },
      [
        'unit: choose absolute (a difference) or percent (a % of the previous figure)',
        'limit: enter the largest change allowed',
      ],
    ],
    [
      'a negative change limit',
      { kind: 'change', severity: 'hard', unit: 'absolute', limit: -1 },
      ['limit: -1 is negative; enter the largest change allowed'],
    ],
    [
      'a zero outlier threshold',
      { kind: 'outlier', severity: 'soft', threshold: 0 },
      ['threshold: 0 must be above 0 (3.5 is usual)'],
    ],
    [
      'too short a history',
      { kind: 'outlier', severity: 'soft', minimumHistory: 2 },
      ['minimumHistory: 2 must be a whole number of 3 or more (8 is usual)'],
    ],
    [
      'a numerator rule on a plain figure',
      { kind: 'numerator_within_denominator', severity: 'hard' },
      ['kind: HOU-04 has no numerator and denominator, so this rule cannot apply'],
    ],
    [
      'an empty expression',
      { kind: 'cross_measure', severity: 'hard', expression: '' },
      ['expression: write the rule, e.g. [HOU-04] <= [OTHER-CODE]'],
    ],
    [
      'an expression that does not read',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= ' },
      ["expression: Expected a number, measure code or '(' at position 11 in '[HOU-04] <='"],
    ],
    [
      'an unknown code',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= [HOU-99]' },
      ['expression: no measure has the code HOU-99'],
    ],
    [
      'an expression that is not a comparison',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] + [HOU-03]' },
      [
        "expression: '[HOU-04] + [HOU-03]' must be a comparison (<, <=, >, >=, == or !=), e.g. [HOU-04] <= [OTHER-CODE]",
      ],
    ],
    [
      'an expression that does not read the measure itself',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-03] >= 0' },
      ['expression: the rule must read HOU-04 itself, e.g. [HOU-04] <= [OTHER-CODE]'],
    ],
    [
      'an expression over a measure reported at another frequency',
      { kind: 'cross_measure', severity: 'hard', expression: '[HOU-04] <= [HOU-TSM]' },
      [
        'expression: HOU-TSM is not reported monthly like HOU-04, so there is no figure for the same period to compare',
      ],
    ],
    [
      'too long a message',
      { kind: 'integer', severity: 'hard', message: 'x'.repeat(501) },
      ['message: must be 500 characters or fewer (it has 501)'],
    ],
  ];
  for (const [name, input, messages] of bad)
    test(`refuses ${name}, naming the field`, () => {
      const result = defineRule(input, owner);
      assert.ok(Array.isArray(result), 'expected problems');
      assert.deepEqual(
        result.map((p) => p.message),
        messages,
      );
      for (const p of result) assert.ok(p.message.startsWith(`${p.field}: `));
    });
});
