// Test support: a use case refused as it should be — the error class and status, a message (or a field's message)
// matching, and, when given, a problem named on that field.
import assert from 'node:assert/strict';
import { AppError } from '../web/errors.ts';

export async function refused(
  promise: Promise<unknown>,
  status: number,
  pattern: RegExp,
  field?: string,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.statusCode, status, error.message);
    assert.match(error.message + error.details.map((d) => ` ${d.message}`).join(''), pattern);
    if (field)
      assert.ok(
        error.details.some((d) => d.field === field),
        `a problem on ${field}: ${JSON.stringify(error.details)}`,
      );
    return true;
  });
}
