// The writers compiled for their worker thread (bin/compile.mjs), once per process. The thread then loads plain
// JavaScript, whether the app runs compiled or under tsx (tests): through tsx each writer thread started a loader
// thread of its own and transformed every file again, ~70 MB and ~0.4 s a paper.
import { compiled } from '../../../../bin/compile.mjs';

let writers: Promise<string> | null = null;

/** The file URL of the compiled `paper-writers` module, each writer in a chunk of its own (Word never loads pdfmake). */
export function paperWritersModule(): Promise<string> {
  writers ??= compiled('src/reporting/reports/render/paper-writers.ts', { splitting: true }).catch(
    (error: unknown) => {
      writers = null; // a failed compile (a full disk, say) is tried again by the next paper
      throw error;
    },
  );
  return writers;
}
