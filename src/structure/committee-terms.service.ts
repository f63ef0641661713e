// Editing a committee's terms of reference — the text, its themes and the services it scrutinises — as a new
// version: refused when stale (naming who changed it), recorded in committee_versions and the audit log, all in one
// transaction. Committee report sets propose their measures from these terms.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../web/errors.ts';
import { formatDateTime } from '../web/filters.ts';
import { lastChangeOf, updateTermsOfReference } from './committee-terms.queries.ts';
import { committeeHistory, type CommitteeVersionView, recordCommitteeVersion } from './committee-versions.ts';
import { insertAudit, setCommitteeServices } from './edits.queries.ts';
import { FormReader } from './form-reader.ts';
import { committeeSnapshot, ticked } from './governance.service.ts';
import { type CommitteeRow, findCommittee, listServices } from './structure.queries.ts';

/** What the terms form shows: themes one a line, services as ticked codes. */
export interface TermsFormValues {
  termsOfReference: string;
  themes: string;
  services: string[];
  note: string;
  version: number;
}

export const termsFormValues = (c: CommitteeRow): TermsFormValues => ({
  termsOfReference: c.terms_of_reference,
  themes: c.themes.join('\n'),
  services: c.service_codes,
  note: '',
  version: c.version,
});

async function committeeOrNotFound(db: Db, councilId: string, code: string): Promise<CommitteeRow> {
  const committee = await findCommittee(db, councilId, code);
  if (!committee) throw new NotFoundError(`No committee with code ${code}`);
  return committee;
}

export async function committeeForTerms(db: Db, user: CurrentUser, code: string): Promise<CommitteeRow> {
  authorize(user, 'committee.write');
  return committeeOrNotFound(db, user.councilId, code);
}

async function staleTerms(db: Db, committee: CommitteeRow): Promise<ConflictError> {
  const last = await lastChangeOf(db, 'committee', committee.id);
  const who = last ? ` by ${last.user_name ?? 'an unknown user'} at ${formatDateTime(last.at)}` : '';
  const message = `Someone else changed the terms of reference of ${committee.title} since you opened them (now version ${committee.version}${who}); your changes were not saved`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

/** Saves the terms as a new version of the committee; returns the committee as saved. */
export async function saveTermsOfReference(
  db: Db,
  user: CurrentUser,
  code: string,
  body: Record<string, unknown>,
): Promise<CommitteeRow> {
  authorize(user, 'committee.write');
  return db.transaction().execute(async (trx) => {
    const before = await committeeOrNotFound(trx, user.councilId, code);
    const form = new FormReader(body);
    const version = form.version();
    if (version === null)
      throw ValidationError.field(
        'version',
        'The form did not say which version you opened: reload the page and try again',
      );
    if (version !== before.version) throw await staleTerms(trx, before);
    const terms = form.text('termsOfReference', { label: 'Terms of reference', max: 10000 });
    const themes = form.lines('themes', { label: 'Themes', maxEach: 100, maxCount: 30 });
    const serviceIds = await ticked(trx, user.councilId, form, 'services');
    const note = form.text('note', { label: 'What changed and why', max: 500 });
    if (form.problems.length > 0)
      throw new ValidationError('The terms of reference were not saved', form.problems);

    if (!(await updateTermsOfReference(trx, before.id, version, { terms_of_reference: terms, themes }))) {
      const now = await committeeOrNotFound(trx, user.councilId, code);
      throw await staleTerms(trx, now);
    }
    await setCommitteeServices(trx, user.councilId, before.id, serviceIds);
    const after = await committeeOrNotFound(trx, user.councilId, code);
    await recordCommitteeVersion(trx, user, before, after, note);
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'update',
      entity: 'committee',
      entityId: after.id,
      before: committeeSnapshot(before),
      after: { ...committeeSnapshot(after), ...(note ? { note } : {}) },
    });
    return after;
  });
}

/** The committee page's history of its terms, newest first. */
export async function termsHistory(db: Db, user: CurrentUser, code: string): Promise<CommitteeVersionView[]> {
  authorize(user, 'structure.read');
  const committee = await committeeOrNotFound(db, user.councilId, code);
  const services = await listServices(db, user.councilId);
  return committeeHistory(db, committee.id, new Map(services.map((s) => [s.code, s.name])));
}
