// Creating and changing a report set (the performance team): check every field, refuse a stale version naming who
// changed the set, and keep a portfolio's proposed or signed-off selection locked — its measures then change only
// through a change request the Cabinet Member signs off. The set, its measures and the audit row go in together.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from './in-transaction.ts';
import { ConflictError, type FieldProblem, ValidationError } from '../../web/errors.ts';
import { formatDate } from '../../web/filters.ts';
import { proposeCommitteeMeasures } from './report-set-choices.queries.ts';
import { type CheckedInput, checkSetInput, type ReportSetInput } from './report-set-input.ts';
import { setSnapshot } from './report-set-snapshot.ts';
import {
  idOfCode,
  insertReportSet,
  insertSetAudit,
  measuresByCode,
  nameTaken,
  replaceSetMeasures,
  selectCommitteeId,
  type SetValues,
  updateReportSet,
} from './report-set-writes.queries.ts';
import type { ReportSet } from './report-sets.queries.ts';
import { setOrNotFound, staleSet } from './sign-off.service.ts';

export interface SaveReportSet {
  input: ReportSetInput;
  /** The set being changed, by name, with the version the user read; absent to create one. */
  existing?: { name: string; version: number };
}

/** The references the database resolves: the portfolio or committee, and each measure code. */
async function resolve(
  db: Db,
  councilId: string,
  v: CheckedInput,
  before: ReportSet | undefined,
  problems: FieldProblem[],
): Promise<{ portfolioId: string | null; committeeId: string | null; measureIds: string[] | undefined }> {
  const portfolioId = v.portfolio ? await idOfCode(db, 'portfolios', councilId, v.portfolio) : undefined;
  if (v.portfolio && !portfolioId)
    problems.push({
      field: 'portfolio',
      message: `There is no portfolio ${v.portfolio}: choose one from the list`,
    });
  const committeeId = v.committee ? await selectCommitteeId(db, councilId, v.committee) : undefined;
  if (v.committee && !committeeId)
    problems.push({
      field: 'committee',
      message: `There is no select committee ${v.committee}: choose one from the list`,
    });
  let measureIds: string[] | undefined;
  if (v.measures) {
    const found = await measuresByCode(db, councilId, v.measures);
    const unknown = v.measures.filter((c) => !found.has(c));
    // A retired measure may stay where it is, but is not newly reported.
    const kept = new Set(before?.measureIds ?? []);
    const retired = v.measures.filter((c) => {
      const m = found.get(c);
      return m?.status === 'retired' && !kept.has(m.id);
    });
    if (unknown.length > 0)
      problems.push({
        field: 'measures',
        message: `There is no measure ${unknown.join(', ')} in the library`,
      });
    else if (retired.length > 0)
      problems.push({
        field: 'measures',
        message: `${retired.join(', ')} ${retired.length === 1 ? 'is' : 'are'} retired: only a measure in use can be added to a set`,
      });
    measureIds = v.measures.flatMap((c) => {
      const m = found.get(c);
      return m ? [m.id] : [];
    });
  }
  return { portfolioId: portfolioId ?? null, committeeId: committeeId ?? null, measureIds };
}

const sameMembers = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** A proposed or signed-off portfolio selection is what the Cabinet Member is asked to sign, or signed. */
function checkLocked(before: ReportSet, v: CheckedInput, portfolioId: string | null, measureIds: string[]) {
  if (before.signOff !== 'proposed' && before.signOff !== 'signed_off') return;
  const signed = before.signOff === 'signed_off';
  const when = before.decidedAt ? formatDate(before.decidedAt) : 'an earlier date';
  if (!sameMembers(before.measureIds, measureIds)) {
    const message = signed
      ? `The measures of ${before.title} were signed off by ${before.decidedBy ?? 'the Cabinet Member'} on ${when} and are locked. To add or remove a measure, request a change to the measures: the Cabinet Member signs it off.`
      : `The measures of ${before.title} are proposed for sign-off and are locked until the Cabinet Member signs them off or returns them.`;
    throw new ConflictError(message, [{ field: 'measures', message }]);
  }
  const moved = [
    v.audience !== before.audience ? 'audience' : '',
    portfolioId !== before.portfolioId ? 'portfolio' : '',
    v.year !== before.year ? 'year' : '',
  ].filter(Boolean);
  if (moved.length > 0) {
    const message = signed
      ? `The audience, portfolio and year of ${before.title} were signed off by ${before.decidedBy ?? 'the Cabinet Member'} on ${when}: they cannot be changed.`
      : `The audience, portfolio and year of ${before.title} are proposed for sign-off: they cannot be changed until the Cabinet Member signs them off or returns them.`;
    throw new ConflictError(
      message,
      moved.map((field) => ({ field, message })),
    );
  }
}

export async function saveReportSet(db: Db, user: CurrentUser, request: SaveReportSet): Promise<ReportSet> {
  authorize(user, 'report.manage');
  if (request.existing && !(request.existing.version >= 1))
    throw ValidationError.field(
      'version',
      'The form did not say which version you opened: reload the page and try again',
    );
  try {
    return await inTransaction(db, async (tx) => {
      const existing = request.existing;
      const before = existing ? await setOrNotFound(tx, user.councilId, existing.name) : undefined;
      if (before && existing && before.version !== existing.version) throw await staleSet(tx, before);
      // The name is fixed once the set exists: links, the CLI and published reports use it.
      const { values, problems } = checkSetInput(
        before ? { ...request.input, name: before.name } : request.input,
      );
      if (
        !before &&
        problems.every((p) => p.field !== 'name') &&
        (await nameTaken(tx, user.councilId, values.name))
      )
        problems.push({
          field: 'name',
          message: `There is already a report set named ${values.name}: choose another name`,
        });
      const refs = await resolve(tx, user.councilId, values, before, problems);
      if (problems.length > 0) throw new ValidationError(`The report set was not saved`, problems);

      let measureIds = refs.measureIds ?? before?.measureIds;
      if (!measureIds && values.audience === 'committee' && refs.committeeId)
        measureIds = (await proposeCommitteeMeasures(tx, user.councilId, refs.committeeId)).map((m) => m.id);
      measureIds ??= [];
      if (before) checkLocked(before, values, refs.portfolioId, measureIds);

      const row: SetValues = {
        title: values.title,
        audience: values.audience,
        portfolio_id: refs.portfolioId,
        committee_id: refs.committeeId,
        grouping: values.grouping,
        year: values.year,
        recipients: values.recipients,
      };
      let id: string;
      if (before && existing) {
        const audienceChanged =
          before.audience !== values.audience || before.portfolioId !== refs.portfolioId;
        if (!(await updateReportSet(tx, before.id, existing.version, row, audienceChanged)))
          throw await staleSet(tx, await setOrNotFound(tx, user.councilId, before.name));
        id = before.id;
      } else {
        id = await insertReportSet(tx, user.councilId, values.name, row);
      }
      if (!before || before.measureIds.join() !== measureIds.join())
        await replaceSetMeasures(tx, user.councilId, id, measureIds);
      const after = await setOrNotFound(tx, user.councilId, values.name);
      await insertSetAudit(tx, {
        councilId: user.councilId,
        userId: user.id,
        action: before ? 'reportset.update' : 'reportset.create',
        setId: id,
        before: before ? await setSnapshot(tx, before) : null,
        after: await setSnapshot(tx, after),
      });
      return after;
    });
  } catch (error) {
    // Two people creating the same name at once: the unique index catches the one who lost the race.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505')
      throw ValidationError.field(
        'name',
        'There is already a report set with that name: choose another name',
      );
    throw error;
  }
}
