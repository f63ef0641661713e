// One calculated figure from its inputs, by the table: value, no figure while an input is still to come, a
// valueless flagged figure when it cannot be worked out, the least advanced status, and publication time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFormula } from '../assessment/index.ts';
import type { ValueStatus } from '../db/schema.ts';
import { calculateFigure, leastAdvancedStatus, type InputFigure } from './formula-figures.ts';

const at = (day: number) => new Date(Date.UTC(2025, 9, day));
const input = (value: number | null, status: ValueStatus = 'approved', day = 1): InputFigure => ({
  value,
  status,
  publishedAt: status === 'published' ? at(day) : null,
  updatedAt: at(day),
});
const calc = (formula: string, inputs: Record<string, InputFigure>) =>
  calculateFigure(parseFormula(formula), new Map(Object.entries(inputs)));

describe('calculateFigure', () => {
  test('works out the value, to 10 places, from the latest input’s time', () => {
    assert.deepEqual(calc('A / B', { A: input(1, 'approved', 3), B: input(3, 'approved', 7) }), {
      kind: 'figure',
      value: 0.3333333333,
      qualityFlags: [],
      status: 'approved',
      publishedAt: null,
      latestInput: at(7),
    });
  });

  test('gives no figure while an input has none, naming it', () => {
    assert.deepEqual(calc('A + B', { A: input(1) }), { kind: 'none', missing: ['B'] });
  });

  test('division by zero gives a figure with no value and the note as its flag', () => {
    const figure = calc('A / B', { A: input(1), B: input(0) });
    assert.equal(figure.kind === 'figure' && figure.value, null);
    assert.deepEqual(figure.kind === 'figure' && figure.qualityFlags, ['Division by zero: B is 0']);
  });

  test('an input whose own figure has no value makes a flagged figure, not none', () => {
    const figure = calc('A + 1', { A: input(null) });
    assert.equal(figure.kind, 'figure');
    assert.deepEqual(figure.kind === 'figure' && figure.qualityFlags, ['No value for A']);
  });

  test('a published figure carries the latest publication of its inputs', () => {
    const figure = calc('A + B', { A: input(1, 'published', 2), B: input(1, 'published', 9) });
    assert.deepEqual(figure.kind === 'figure' && [figure.status, figure.publishedAt], ['published', at(9)]);
  });

  test('an input the chosen branch of `if` does not read neither blocks nor lowers the figure', () => {
    const figure = calc('if(A > 0, A, B)', { A: input(2, 'published') });
    assert.deepEqual(figure.kind === 'figure' && [figure.value, figure.status], [2, 'published']);
  });
});

describe('leastAdvancedStatus', () => {
  const cases: [ValueStatus[], ValueStatus][] = [
    [['published', 'published'], 'published'],
    [['published', 'draft'], 'draft'],
    [['approved', 'validated', 'published'], 'validated'],
    [['submitted', 'approved'], 'submitted'],
    [[], 'draft'],
  ];
  for (const [statuses, least] of cases) {
    test(`${statuses.join(' + ') || 'nothing'} → ${least}`, () =>
      assert.equal(leastAdvancedStatus(statuses), least));
  }
});
