// The statutory return's state machine, by the table: every allowed move, a sample of refused ones, and the
// quality-check gate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReturnStatus } from '../../db/schema.ts';
import { isOverdue, nextStatuses, RETURN_STATUSES, refusalOf } from './workflow.ts';

describe('the statutory return workflow', () => {
  test('every move in the table is allowed, every other is refused in words', () => {
    for (const from of RETURN_STATUSES)
      for (const to of RETURN_STATUSES) {
        const refusal = refusalOf(from, to, []);
        if (nextStatuses[from].includes(to)) assert.equal(refusal, null, `${from} → ${to}`);
        else assert.match(refusal ?? '', /cannot become/, `${from} → ${to}`);
      }
  });

  test('a submitted return cannot go back to preparation; an accepted one is finished', () => {
    assert.match(
      refusalOf('submitted', 'in_preparation', []) ?? '',
      /it can become accepted or resubmission required/,
    );
    assert.match(refusalOf('accepted', 'submitted', []) ?? '', /it is finished/);
  });

  test('quality-checked needs every check ticked, naming those that are not', () => {
    assert.match(
      refusalOf('in_preparation', 'quality_checked', ['Reconcile with the case system']) ?? '',
      /every data-quality check is ticked: Reconcile with the case system/,
    );
    assert.equal(refusalOf('in_preparation', 'quality_checked', []), null);
  });

  test('overdue means still owed after the due date', () => {
    const cases: [ReturnStatus, string, boolean][] = [
      ['in_preparation', '2026-11-25', true],
      ['in_preparation', '2026-11-26', false],
      ['submitted', '2026-11-01', false],
      ['resubmission_required', '2026-11-01', true],
    ];
    for (const [status, due, expected] of cases)
      assert.equal(isOverdue(status, due, '2026-11-26'), expected, `${status} ${due}`);
  });
});
