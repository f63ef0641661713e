import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { paperWritersModule } from './paper-bundle.ts';

test('the writers are compiled once per process, to plain JavaScript their thread loads without tsx', async () => {
  const [first, second] = await Promise.all([paperWritersModule(), paperWritersModule()]);
  assert.equal(first, second);
  assert.equal(await paperWritersModule(), first);
  const code = await readFile(fileURLToPath(first), 'utf8');
  assert.match(code, /writtenHere/);
  assert.doesNotMatch(
    code,
    /from ["']\.[^"']*\.ts["']/,
    'no TypeScript import is left for a loader to resolve',
  );
});
