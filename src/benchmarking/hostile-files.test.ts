// Whatever bytes a benchmark file holds, reading it either gives records or refuses it with a ValidationError
// naming the row: never another exception. Property-based (fast-check).
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../web/errors.ts';
import { csvRecords } from './csv-lines.ts';
import { normalisePeriod } from './periods.ts';

async function readAll(text: string | Uint8Array): Promise<number> {
  let records = 0;
  for await (const batch of csvRecords(Readable.from([Buffer.from(text)]))) records += batch.length;
  return records;
}

const csvish = fc.stringMatching(/^[a-z0-9,"\r\n \t\\;'-]{0,300}$/);

test('any text read as CSV gives records or a ValidationError naming a row', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(csvish, fc.string({ maxLength: 300 })), async (text) => {
      try {
        await readAll(text);
      } catch (error) {
        assert.ok(error instanceof ValidationError, `not a ValidationError: ${String(error)}`);
        assert.match(JSON.stringify(error.details), /row \d+/);
      }
    }),
    { numRuns: 500 },
  );
});

test('any bytes read as CSV, however invalid their UTF-8, give records or a ValidationError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
      try {
        await readAll(bytes);
      } catch (error) {
        assert.ok(error instanceof ValidationError, `not a ValidationError: ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('any period text is normalised or given a reason, never thrown', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.stringMatching(/^[0-9]{4}[-/;: ]{1,2}[0-9]{2}[;: ]?Q?[0-9]?$/),
      ),
      (text) => {
        const period = normalisePeriod(text);
        assert.ok('key' in period || ('reason' in period && period.reason.length > 0));
      },
    ),
    { numRuns: 2000 },
  );
});
