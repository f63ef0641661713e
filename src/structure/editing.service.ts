// The one way a strategy, organisation or governance record is created or changed: read and check the form,
// refuse a stale version, write, and record the before and after in audit_log — all in one transaction.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../web/errors.ts';
import { type CodedTable, codeTaken, insertAudit } from './edits.queries.ts';
import { FormReader } from './form-reader.ts';

export const staleMessage = 'Someone else changed this since you opened it; your changes were not saved';

/** What the form shows and the audit log records: field name → value, always with code and version. */
export type Snapshot = Record<string, string | number | string[]> & { code: string; version: number };

/** An option in a select, radios or checkboxes. */
export interface SelectItem {
  value: string;
  text: string;
}

/** How one kind of record is found, read from a form, written and presented. */
export interface Editor<Row extends { id: string }, Values> {
  /** The audit log's entity name and the word used in messages, e.g. 'directorate'. */
  entity: string;
  table: CodedTable;
  find(db: Db, councilId: string, code: string): Promise<Row | undefined>;
  /** Reads every field but the code, noting problems on the reader; may check the database (a parent exists). */
  read(db: Db, councilId: string, form: FormReader, code: string, existing: Row | undefined): Promise<Values>;
  insert(db: Db, councilId: string, values: Values): Promise<string>;
  /** Updates only if the row is still at `version`; false when it is not. */
  update(db: Db, id: string, version: number, values: Values): Promise<boolean>;
  /** Replaces link rows (a portfolio's services…) after the record itself is written. */
  link?(db: Db, councilId: string, id: string, values: Values): Promise<void>;
  /** Further writes once the record and its links are saved, in the same transaction (a committee's versions). */
  afterSave?(db: Db, user: CurrentUser, before: Row | undefined, after: Row): Promise<void>;
  snapshot(row: Row): Snapshot;
}

/** Creates a record (no existingCode) or updates the one with existingCode; returns the record's code. */
export async function saveRecord<Row extends { id: string }, Values>(
  db: Db,
  user: CurrentUser,
  editor: Editor<Row, Values>,
  body: Record<string, unknown>,
  existingCode?: string,
): Promise<string> {
  authorize(user, 'structure.write');
  try {
    return await db.transaction().execute(async (trx) => {
      const before =
        existingCode === undefined ? undefined : await editor.find(trx, user.councilId, existingCode);
      if (existingCode !== undefined && !before)
        throw new NotFoundError(`No ${editor.entity} with code ${existingCode}`);
      const form = new FormReader(body);
      const beforeSnapshot = before ? editor.snapshot(before) : null;
      const version = form.version();
      if (beforeSnapshot) {
        if (version === null)
          throw ValidationError.field(
            'version',
            'The form did not say which version you opened: reload the page and try again',
          );
        if (version !== beforeSnapshot.version) throw new ConflictError(staleMessage);
      }
      const code = form.code();
      if (code && (await codeTaken(trx, editor.table, user.councilId, code, before?.id))) {
        form.fail(
          'code',
          `Code ${code} is already used by another ${editor.entity}: choose a different code`,
        );
      }
      const values = await editor.read(trx, user.councilId, form, code, before);
      if (form.problems.length > 0)
        throw new ValidationError(`The ${editor.entity} was not saved`, form.problems);

      let id: string;
      if (before && version !== null) {
        if (!(await editor.update(trx, before.id, version, values))) throw new ConflictError(staleMessage);
        id = before.id;
      } else {
        id = await editor.insert(trx, user.councilId, values);
      }
      await editor.link?.(trx, user.councilId, id, values);
      const after = await editor.find(trx, user.councilId, code);
      if (!after) throw new Error(`${editor.entity} ${code} vanished inside its own transaction`);
      await editor.afterSave?.(trx, user, before, after);
      await insertAudit(trx, {
        councilId: user.councilId,
        userId: user.id,
        action: before ? 'update' : 'create',
        entity: editor.entity,
        entityId: id,
        before: beforeSnapshot,
        after: editor.snapshot(after),
      });
      return code;
    });
  } catch (error) {
    // Two people creating the same code at once: the unique index catches the one who lost the race.
    if (isUniqueViolation(error)) {
      throw ValidationError.field(
        'code',
        `That code is already used by another ${editor.entity}: choose a different code`,
      );
    }
    throw error;
  }
}

/** The saved values of a record, for filling in its edit form. */
export async function recordForEdit<Row extends { id: string }, Values>(
  db: Db,
  user: CurrentUser,
  editor: Editor<Row, Values>,
  code: string,
): Promise<Snapshot> {
  authorize(user, 'structure.write');
  const row = await editor.find(db, user.councilId, code);
  if (!row) throw new NotFoundError(`No ${editor.entity} with code ${code}`);
  return editor.snapshot(row);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
