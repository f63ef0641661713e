// bin/compile.mjs: how `scorecard` runs without a TypeScript loader.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

test('a changed source is compiled again; unchanged sources are not', async () => {
  const folder = `node_modules/.cache/compile-test-${process.pid}`;
  const entry = `${folder}/entry.ts`;
  await mkdir(fileURLToPath(new URL(folder, project)), { recursive: true });
  try {
    await writeFile(fileURLToPath(new URL(entry, project)), 'export const said: string = "before";\n');
    const before = await compiled(entry);
    assert.equal(await compiled(entry), before);
    await writeFile(
      fileURLToPath(new URL(entry, project)),
      'export const said: string = "after, and longer";\n',
    );
    const after = await compiled(entry);
    assert.notEqual(after, before);
    assert.equal(((await import(after)) as { said: string }).said, 'after, and longer');
  } finally {
    await rm(fileURLToPath(new URL(folder, project)), { recursive: true, force: true });
  }
});
