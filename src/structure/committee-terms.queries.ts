// SQL for committees' terms of reference as versions: each version as it was saved, who last changed a record
// (from the audit log), and the version-checked update of the terms alone.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface CommitteeVersionRow {
  version: number;
  terms_of_reference: string;
  themes: string[];
  /** Service codes, as they were at that version. */
  services: string[];
  changed_by_name: string | null;
  changed_at: Date;
  note: string;
}

/** Every recorded version of a committee's terms, newest first, with the service names of each. */
export async function committeeVersions(db: Db, committeeId: string): Promise<CommitteeVersionRow[]> {
  const result = await sql<CommitteeVersionRow>`
    SELECT cv.version, cv.terms_of_reference, cv.themes, cv.services, u.display_name AS changed_by_name,
      cv.changed_at, cv.note
    FROM committee_versions cv LEFT JOIN users u ON u.id = cv.changed_by
    WHERE cv.committee_id = ${committeeId}
    ORDER BY cv.version DESC`.execute(db);
  return result.rows;
}

export async function hasCommitteeVersions(db: Db, committeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('committee_versions')
    .select('version')
    .where('committee_id', '=', committeeId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewCommitteeVersion {
  councilId: string;
  committeeId: string;
  version: number;
  termsOfReference: string;
  themes: string[];
  services: string[];
  changedBy: string | null;
  /** When the version was made; now unless the audit log knows better (a version recorded after the fact). */
  changedAt?: Date;
  note: string;
}

export async function insertCommitteeVersion(db: Db, v: NewCommitteeVersion): Promise<void> {
  await db
    .insertInto('committee_versions')
    .values({
      council_id: v.councilId,
      committee_id: v.committeeId,
      version: v.version,
      terms_of_reference: v.termsOfReference,
      themes: v.themes,
      services: v.services,
      changed_by: v.changedBy,
      ...(v.changedAt ? { changed_at: v.changedAt } : {}),
      note: v.note,
    })
    // A version is written once; a save that raced another is refused by the version check before this.
    .onConflict((oc) => oc.columns(['committee_id', 'version']).doNothing())
    .execute();
}

/** Updates the terms, themes and version only if the committee is still at `version`; false when it is not. */
export async function updateTermsOfReference(
  db: Db,
  id: string,
  version: number,
  v: { terms_of_reference: string; themes: string[] },
): Promise<boolean> {
  const result = await db
    .updateTable('committees')
    .set({ terms_of_reference: v.terms_of_reference, themes: v.themes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface LastChange {
  user_id: string | null;
  user_name: string | null;
  at: Date;
}

/** The latest audit row of a record: who changed it last and when. */
export async function lastChangeOf(
  db: Db,
  entity: string,
  entityId: string,
): Promise<LastChange | undefined> {
  const result = await sql<LastChange>`
    SELECT a.user_id, u.display_name AS user_name, a.at
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.entity = ${entity} AND a.entity_id = ${entityId}
    ORDER BY a.at DESC, a.id DESC LIMIT 1`.execute(db);
  return result.rows[0];
}
