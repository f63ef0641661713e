// Compiles a TypeScript entry point and everything of ours it imports into plain JavaScript modules, with esbuild,
// so the app runs on Node alone: tsx's loader cost a thread, ~70 MB and a transform of every file at each start.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
// Inside the project, so the compiled modules' imports of packages resolve from its node_modules.
const CACHE = path.join(PROJECT, 'node_modules', '.cache', 'civic-scorecard');

/**
 * Each module keeps its own `import.meta.url` (the TypeScript file's address), so what it finds beside itself —
 * templates, migrations, worker scripts, fonts — it still finds, wherever the compiled file lives.
 */
const ownAddresses = {
  name: 'own-import-meta-url',
  setup(compiler) {
    compiler.onLoad({ filter: /\.(ts|mjs|js)$/ }, async ({ path: file }) => ({
      contents: (await readFile(file, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(file).href),
      ),
      loader: file.endsWith('.ts') ? 'ts' : 'js',
    }));
  },
};

/**
 * Packages stay in node_modules, loaded by Node as usual, except those named in `inline`: compiled in, they load
 * as one file rather than as hundreds of modules (ECharts: ~0.8 s less for each thread that draws charts).
 */
function packagesLeftOutExcept(inline) {
  const compiledIn = (specifier) => inline.some((p) => specifier === p || specifier.startsWith(`${p}/`));
  return {
    name: 'packages-left-out',
    setup(compiler) {
      compiler.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
        compiledIn(specifier) ? undefined : { path: specifier, external: true },
      );
    },
  };
}

/**
 * The file URL of `entry` compiled (a path from the project's folder); `inline` names packages compiled in. `splitting` puts each dynamically imported
 * module in a file of its own, loaded only when imported. Files are named by their content, written whole (a
 * temporary file renamed), so processes compiling the same code at once share them safely.
 */
export async function compiled(entry, { splitting = false, inline = [] } = {}) {
  const name = path.basename(entry, path.extname(entry));
  const result = await build({
    entryPoints: { [name]: path.join(PROJECT, entry) },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting,
    sourcemap: 'linked',
    sourcesContent: false,
    outdir: CACHE,
    write: false,
    logLevel: 'silent',
    plugins: [ownAddresses, packagesLeftOutExcept(inline)],
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
  const folder = path.join(CACHE, `${name}-${hash.digest('hex').slice(0, 16)}`);
  await mkdir(folder, { recursive: true });
  await Promise.all(
    result.outputFiles.map(async (file) => {
      const target = path.join(folder, path.relative(CACHE, file.path));
      const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
      await writeFile(partial, file.contents);
      await rename(partial, target);
    }),
  );
  await removeStale(name, folder);
  return pathToFileURL(path.join(folder, `${name}.js`)).href;
}

/** Earlier compilations of the same entry untouched for a day: a process still running one has long loaded it. */
async function removeStale(name, current) {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const entry of await readdir(CACHE, { withFileTypes: true })) {
    const folder = path.join(CACHE, entry.name);
    if (!entry.isDirectory() || !entry.name.startsWith(`${name}-`) || folder === current) continue;
    const { mtimeMs } = await stat(folder).catch(() => ({ mtimeMs: Date.now() }));
    if (mtimeMs < dayAgo) await rm(folder, { recursive: true, force: true });
  }
}
