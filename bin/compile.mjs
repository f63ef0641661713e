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
  const manifest = path.join(
    CACHE,
    `${name}-${createHash('sha256')
      // The project's own folder too: git worktrees that share one node_modules (a symlink) share this cache, and
      // without it each would take the other's compiled code for its own while the other's sources were unchanged.
      .update(JSON.stringify([PROJECT, entry, splitting, inline]))
      .digest('hex')
      .slice(0, 12)}.json`,
  );
  const unchanged = await stillCompiled(manifest);
  if (unchanged) return unchanged;
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
    metafile: true,
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
  const output = pathToFileURL(path.join(folder, `${name}.js`)).href;
  await remember(manifest, output, Object.keys(result.metafile.inputs));
  return output;
}

/**
 * What was compiled, from which files as they then were, so a start whose sources are unchanged skips esbuild
 * (~1 s for the CLI with ECharts compiled in).
 */
async function remember(manifest, output, inputs) {
  const sources = await Promise.all(
    inputs.map(async (input) => {
      const file = path.resolve(input);
      const { mtimeMs, size } = await stat(file);
      return { file, mtimeMs, size };
    }),
  );
  const partial = `${manifest}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify({ output, sources }));
  await rename(partial, manifest);
}

/** The compiled module's URL if every source it was compiled from is as it was, else null. */
async function stillCompiled(manifest) {
  try {
    const { output, sources } = JSON.parse(await readFile(manifest, 'utf8'));
    await stat(fileURLToPath(output));
    const now = await Promise.all(sources.map(({ file }) => stat(file)));
    const same = sources.every((s, i) => now[i].mtimeMs === s.mtimeMs && now[i].size === s.size);
    return same ? output : null;
  } catch {
    return null; // not compiled yet, or a source or the output has gone: compile again
  }
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
