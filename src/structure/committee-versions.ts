// A committee's terms of reference are versioned: every save keeps the version it made, and the first save of a
// committee with no history also keeps the version it replaced, so the history starts from what was there.
import type { CurrentUser } from '../access/current-user.ts';
import type { Db } from '../db/connection.ts';
import {
  committeeVersions,
  hasCommitteeVersions,
  insertCommitteeVersion,
  lastChangeOf,
} from './committee-terms.queries.ts';
import type { CommitteeRow } from './structure.queries.ts';

export const FIRST_VERSION_NOTE = 'As it was before its terms of reference were first changed here';

/** Called inside the saving transaction, after the committee and its services are written. */
export async function recordCommitteeVersion(
  db: Db,
  user: CurrentUser,
  before: CommitteeRow | undefined,
  after: CommitteeRow,
  note: string,
): Promise<void> {
  if (before && !(await hasCommitteeVersions(db, after.id))) {
    // Who set the terms we are replacing, and when, is in the audit log if they were set through the app.
    const last = await lastChangeOf(db, 'committee', after.id);
    await insertCommitteeVersion(db, {
      councilId: user.councilId,
      committeeId: after.id,
      version: before.version,
      termsOfReference: before.terms_of_reference,
      themes: before.themes,
      services: before.service_codes,
      changedBy: last?.user_id ?? null,
      changedAt: last?.at,
      note: FIRST_VERSION_NOTE,
    });
  }
  await insertCommitteeVersion(db, {
    councilId: user.councilId,
    committeeId: after.id,
    version: after.version,
    termsOfReference: after.terms_of_reference,
    themes: after.themes,
    services: after.service_codes,
    changedBy: user.id,
    note: note || (before ? '' : 'Committee created'),
  });
}

export interface CommitteeVersionView {
  version: number;
  termsOfReference: string;
  themes: string[];
  services: { code: string; name: string }[];
  changedBy: string | null;
  changedAt: Date;
  note: string;
  /** What differs from the version before it, in words: "Themes, Services". */
  changed: string[];
}

/** The history list of the committee page: newest first, each version saying what it changed. */
export async function committeeHistory(
  db: Db,
  committeeId: string,
  serviceNames: Map<string, string>,
): Promise<CommitteeVersionView[]> {
  const rows = await committeeVersions(db, committeeId);
  return rows.map((row, i) => {
    const previous = rows[i + 1];
    const changed = previous
      ? [
          row.terms_of_reference !== previous.terms_of_reference ? 'Terms of reference' : '',
          row.themes.join('\n') !== previous.themes.join('\n') ? 'Themes' : '',
          [...row.services].sort().join() !== [...previous.services].sort().join() ? 'Services' : '',
        ].filter(Boolean)
      : [];
    return {
      version: row.version,
      termsOfReference: row.terms_of_reference,
      themes: row.themes,
      services: row.services.map((code) => ({ code, name: serviceNames.get(code) ?? code })),
      changedBy: row.changed_by_name,
      changedAt: row.changed_at,
      note: row.note,
      changed,
    };
  });
}
