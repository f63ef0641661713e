// The writers compiled once per process into plain JavaScript for their worker thread. Loaded through tsx instead,
// each writer thread started a loader thread of its own and transformed every file again: ~70 MB and ~0.4 s a paper.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./paper-writers.ts', import.meta.url));
// Inside the project, so the bundle's imports of packages (docx, pdfmake, exceljs) resolve from its node_modules.
const CACHE = fileURLToPath(new URL('../../../../node_modules/.cache/civic-scorecard/', import.meta.url));

let compiled: Promise<string> | null = null;

/** The file URL of the compiled `paper-writers` module; compiled on the first call, then reused. */
export function paperWritersModule(): Promise<string> {
  compiled ??= compile().catch((error: unknown) => {
    compiled = null; // a failed compile (a full disk, say) is tried again by the next paper
    throw error;
  });
  return compiled;
}

async function compile(): Promise<string> {
  const result = await build({
    entryPoints: { 'paper-writers': ENTRY },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Each writer in a chunk of its own, so a Word paper never loads pdfmake and a PDF never loads docx.
    splitting: true,
    outdir: CACHE,
    write: false,
    logLevel: 'silent',
  });
  // Named by content: papers being written by an older copy keep their files, and a rebuild of the same code is free.
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
  const folder = path.join(CACHE, hash.digest('hex').slice(0, 16));
  await mkdir(folder, { recursive: true });
  await Promise.all(
    result.outputFiles.map((file) =>
      writeFile(path.join(folder, path.relative(CACHE, file.path)), file.contents),
    ),
  );
  return pathToFileURL(path.join(folder, 'paper-writers.js')).href;
}
