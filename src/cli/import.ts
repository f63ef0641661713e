// `scorecard import values FILE`: the web upload's preview and commit from the command line, for the person
// named by --email and within their reach, with a progress bar on stderr. Prints every row that is not plainly
// accepted; exits 0 only when every row was accepted, 1 when nothing was written, 3 when rows with warnings were.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { defaultLimits } from '../collection/upload/limits.ts';
import { commitUpload } from '../collection/upload/upload.commit.ts';
import { previewFile } from '../collection/upload/upload.service.ts';
import { formatDateTime } from '../web/filters.ts';
import { ExitWith } from './exit.ts';
import { progressBar } from './progress.ts';
import { withRuntime } from './runtime.ts';

/** Exit 3: the figures went in (or would), but some rows carry warnings a person should read. */
function withWarnings(rows: number, what: string): ExitWith {
  return new ExitWith(
    3,
    `${rows} ${rows === 1 ? 'row has' : 'rows have'} warnings (printed above); the figures ${what} with them`,
  );
}

export async function importValuesCommand(file: string, options: { email: string; dryRun?: boolean }) {
  const bytes = await readFile(file);
  await withRuntime(async ({ db }) => {
    const row = await findUserByEmail(db, options.email);
    if (!row) throw new Error(`email: no user with the e-mail address '${options.email}'`);
    const user = toCurrentUser(row, null);
    const upload = { fileName: path.basename(file), bytes };
    const bar = progressBar();
    const progress = (phase: 'checking' | 'writing', done: number, total: number) =>
      bar.update(phase, done, total);
    const { preview, alreadyCommitted } = await previewFile(db, user, upload, defaultLimits, {
      keep: false,
      progress,
    });
    bar.stop();
    for (const warning of preview.fileWarnings) console.log(warning);
    for (const r of preview.rows) {
      if (r.status !== 'accepted') for (const m of r.messages) console.log(`${r.status}: ${m.text}`);
    }
    const { accepted, warning, error } = preview.counts;
    console.log(`${accepted} accepted, ${warning} with warnings, ${error} with errors.`);
    if (error > 0) {
      throw new Error(`${error} ${error === 1 ? 'row has' : 'rows have'} errors: nothing was written`);
    }
    if (alreadyCommitted) {
      console.log(
        `The same file was already committed on ${formatDateTime(alreadyCommitted.committed_at ?? alreadyCommitted.uploaded_at)} (upload ${alreadyCommitted.id}): nothing has changed.`,
      );
      return;
    }
    if (options.dryRun) {
      console.log('Dry run: nothing was written.');
      if (warning > 0) throw withWarnings(warning, 'would be written');
      return;
    }
    const result = await commitUpload(db, user, upload, defaultLimits, undefined, progress);
    bar.stop();
    console.log(
      result.outcome === 'committed'
        ? `Committed upload ${result.uploadId}: ${result.written} figures written, ${result.unchanged} unchanged.`
        : `The same file was already committed (upload ${result.upload.id}): nothing has changed.`,
    );
    if (warning > 0 && result.outcome === 'committed') throw withWarnings(warning, 'were written');
  });
}
