// bin/compile.mjs: how `scorecard` runs without a TypeScript loader.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiled } from '../../bin/compile.mjs';

const project = new URL('../../', import.meta.url);

test('a compiled module keeps its own address, so it finds the files beside it (migrations, templates)', async () => {
  const code = await readFile(fileURLToPath(await compiled('src/db/migrate.ts')), 'utf8');
  assert.ok(code.includes(JSON.stringify(new URL('src/db/migrate.ts', project).href)));
  assert.doesNotMatch(code, /import\.meta\.url/);
});

test('packages stay in node_modules unless named to be compiled in', async () => {
  const apart = await readFile(fileURLToPath(await compiled('src/reporting/charts.ts')), 'utf8');
  assert.match(apart, /^import .* from "echarts\/core";$/m);
  const inline = await readFile(
    fileURLToPath(await compiled('src/reporting/charts.ts', { inline: ['echarts', 'zrender', 'tslib'] })),
    'utf8',
  );
  assert.doesNotMatch(inline, /^import .* from "(echarts|zrender)/m);
});

test('the same code compiles to the same files, which a second process reuses', async () => {
  const first = await compiled('src/assessment/index.ts');
  assert.equal(await compiled('src/assessment/index.ts'), first);
  assert.ok(first.startsWith(pathToFileURL(fileURLToPath(project)).href + 'node_modules/.cache/'));
  const { formatValue } = (await import(first)) as typeof import('../assessment/index.ts');
  assert.equal(formatValue(71.25, 'percent', 1), '71.3%');
});
