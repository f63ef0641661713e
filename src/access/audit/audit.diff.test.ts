// The audit page's before → after: only changed fields, identifying ones first; creations and removals in full.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditChanges, auditSubject } from './audit.diff.ts';

test('a transition lists only the fields that changed, status first, with the comment', () => {
  const before = { measure: 'HOU-07', period: '2026-10', value: '94.5', status: 'submitted', version: 3 };
  const after = { ...before, status: 'draft', version: 4, comment: 'Check it.' };
  assert.deepEqual(auditChanges(before, after), [
    { field: 'status', before: 'submitted', after: 'draft' },
    { field: 'comment', before: '(none)', after: 'Check it.' },
    { field: 'version', before: '3', after: '4' },
  ]);
  assert.equal(auditSubject(before, after), 'HOU-07 2026-10');
});

test('a creation lists what was set and a removal what was there', () => {
  assert.deepEqual(auditChanges(null, { code: 'SC-PH', tags: ['a', 'b'] }), [
    { field: 'code', before: null, after: 'SC-PH' },
    { field: 'tags', before: null, after: 'a, b' },
  ]);
  assert.deepEqual(auditChanges({ value: 1 }, null), [{ field: 'value', before: '1', after: null }]);
  assert.equal(auditSubject({ code: 'SC-PH' }, null), 'SC-PH');
});
