// `scorecard import values FILE`: the web upload's preview and commit from the command line, for the person
// named by --email and within their reach. Prints every row that is not plainly accepted; exits 0 only when
// no row has an error (a warning row is accepted, and committed, with its warning printed).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { defaultLimits } from '../collection/upload/limits.ts';
import { commitUpload } from '../collection/upload/upload.commit.ts';
import { previewFile } from '../collection/upload/upload.service.ts';
import { formatDateTime } from '../web/filters.ts';
import { withRuntime } from './runtime.ts';

export async function importValuesCommand(file: string, options: { email: string; dryRun?: boolean }) {
  const bytes = await readFile(file);
  await withRuntime(async ({ db }) => {
    const row = await findUserByEmail(db, options.email);
    if (!row) throw new Error(`email: no user with the e-mail address '${options.email}'`);
    const user = toCurrentUser(row, null);
    const upload = { fileName: path.basename(file), bytes };
    const { preview, alreadyCommitted } = await previewFile(db, user, upload, defaultLimits, { keep: false });
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
      return;
    }
    const result = await commitUpload(db, user, upload, defaultLimits);
    console.log(
      result.outcome === 'committed'
        ? `Committed upload ${result.uploadId}: ${result.written} figures written, ${result.unchanged} unchanged.`
        : `The same file was already committed (upload ${result.upload.id}): nothing has changed.`,
    );
  });
}
