// What the rules' findings mean for a save, by the table: nothing to say, a hard finding, a soft one without and
// with an explanation, and an explanation too long to keep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../assessment/index.ts';
import { ValidationError } from '../../web/errors.ts';
import { ExplanationNeededError, verdictOf } from './verdict.ts';

const hard: Finding = {
  rule: 'integer',
  severity: 'hard',
  field: 'value',
  message: 'value: 1.5 is not whole',
};
const soft: Finding = { rule: 'change', severity: 'soft', field: 'value', message: 'value: 90% higher' };

test('a figure with no findings saves with no flags', () => {
  assert.deepEqual(
    verdictOf({ findings: [], skipped: [{ rule: 'outlier', reason: 'too little history' }] }, ''),
    [],
  );
});

test('a hard finding rejects, even with an explanation, naming the field', () => {
  assert.throws(
    () => verdictOf({ findings: [hard, soft], skipped: [] }, 'I am sure'),
    (error: unknown) =>
      error instanceof ValidationError &&
      !(error instanceof ExplanationNeededError) &&
      error.details.length === 1 &&
      error.details[0]?.field === 'value',
  );
});

test('a soft finding without an explanation asks for one', () => {
  assert.throws(
    () => verdictOf({ findings: [soft], skipped: [] }, '  '),
    (error: unknown) =>
      error instanceof ExplanationNeededError &&
      error.message ===
        'explanation: this figure breaks a soft rule; explain why it is right to save it (value: 90% higher)' &&
      error.details.map((d) => d.field).join() === 'value,explanation',
  );
});

test('a soft finding with an explanation keeps both as flags', () => {
  assert.deepEqual(verdictOf({ findings: [soft], skipped: [] }, ' A storm '), [
    'Warning: value: 90% higher',
    'Explanation: A storm',
  ]);
});

test('an explanation over 2,000 characters is refused on its field', () => {
  assert.throws(
    () => verdictOf({ findings: [soft], skipped: [] }, 'x'.repeat(2001)),
    (error: unknown) => error instanceof ValidationError && error.details[0]?.field === 'explanation',
  );
});
