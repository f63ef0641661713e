// The Table Schema check the open data's tests rely on finds each kind of problem it claims to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTableSchema, type TableSchema } from './table-schema.check.ts';

test('the Table Schema check finds a wrong header, a bad cell and a repeated key', () => {
  const schema: TableSchema = {
    fields: [
      { name: 'code', type: 'string', constraints: { required: true } },
      { name: 'at', type: 'date' },
      { name: 'n', type: 'number' },
      { name: 'ok', type: 'boolean' },
    ],
    primaryKey: ['code'],
    missingValues: [''],
  };
  assert.deepEqual(
    checkTableSchema(schema, [
      ['code', 'at', 'n', 'ok'],
      ['a', '2026-01-31', '-1.5', 'true'],
      ['b', '', '', ''],
    ]),
    [],
  );
  assert.deepEqual(checkTableSchema(schema, [['code', 'n', 'at', 'ok']]), [
    'header is code,n,at,ok, not code,at,n,ok',
  ]);
  assert.deepEqual(
    checkTableSchema(schema, [
      ['code', 'at', 'n', 'ok'],
      ['a', '2026-02-30', '1e', 'yes'],
      ['a', '', '', ''],
      ['', '', '', ''],
    ]),
    [
      'row 2 at: "2026-02-30" is not a date',
      'row 2 n: "1e" is not a number',
      'row 2 ok: "yes" is not a boolean',
      'row 3: primary key a repeats row 2',
      'row 4 code: is required',
    ],
  );
});
