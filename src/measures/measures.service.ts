// The measure library's use cases: read one measure in reach, create or edit it (versioned, audited, refusing
// stale edits; a formula measure's figures worked out in the same transaction) and read its history. One
// saveMeasure serves the form and the API.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import { servicesInReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { recalculateFormulaMeasures } from '../collection/formula-figures.service.ts';
import { ConflictError, type FieldProblem, NotFoundError, ValidationError } from '../web/errors.ts';
import { formatDateTime } from '../web/filters.ts';
import { replaceFormulaInputs } from './formula-inputs.queries.ts';
import { checkFormulaLinks } from './formula-inputs.validation.ts';
import { diffSnapshots, type FieldChange } from './measure-history.ts';
import {
  insertMeasure,
  insertMeasureVersion,
  listMeasureVersions,
  recordAudit,
  replaceMeasureLinks,
  resolveReferences,
  updateMeasure,
  type ResolvedLinks,
} from './measure-writes.queries.ts';
import { findMeasureDetail, measureIdWithCode } from './measures.queries.ts';
import { inputFromMeasure, presentMeasure, snapshotOf } from './measures.present.ts';
import { type MeasureInput, type MeasureOut, measureFieldNames } from './measures.schema.ts';
import { type CompleteMeasure, validateMeasure } from './measures.validation.ts';

/** The measure with what the server needs of it besides what it shows: its id and its services' ids. */
export type MeasureWithId = MeasureOut & { id: string; serviceIds: readonly string[] };

/** Missing and out of reach answer the same 404, so a caller cannot tell which. */
export async function getMeasure(
  db: Db,
  user: CurrentUser,
  code: string,
  action: 'measure.read' | 'measure.write' | 'target.write' = 'measure.read',
): Promise<MeasureWithId> {
  const reach = servicesInReach(user, action);
  const row = await findMeasureDetail(db, user.councilId, { code }, reach);
  if (!row) throw new NotFoundError(`There is no measure ${code}`);
  return { ...presentMeasure(row), id: row.id, serviceIds: row.service_ids };
}

/** The measure as the library presents it, read back inside the transaction that has just written it. */
export async function measureAsSaved(db: Db, councilId: string, id: string): Promise<MeasureOut> {
  const row = await findMeasureDetail(db, councilId, { id }, null);
  if (!row) throw new Error(`measure ${id} vanished inside its own transaction`);
  return presentMeasure(row);
}

export interface SaveMeasure {
  /** The code of the measure being edited; absent to create one. */
  code?: string;
  input: MeasureInput;
  /** The version the editor opened; required for an edit. */
  version?: number;
  note?: string;
}

function staleVersion(current: MeasureOut): ConflictError {
  const who = current.updatedBy ?? 'an unknown user';
  const message =
    `Someone else changed this measure since you opened it (now version ${current.version} by ${who} at ` +
    `${formatDateTime(current.updatedAt)}). Your changes have not been saved.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

/** Only the measure's own fields: a note, a version or anything else the caller sent is left out. */
function measureFields(input: MeasureInput): MeasureInput {
  return Object.fromEntries(measureFieldNames.map((field) => [field, input[field]])) as MeasureInput;
}

/** Every problem with the measure, naming its field: the pure checks, then what only the database knows. */
async function checkMeasure(
  db: Db,
  user: CurrentUser,
  measure: CompleteMeasure,
  problems: FieldProblem[],
  existingId?: string,
) {
  const refs = await resolveReferences(db, user.councilId, measure);
  const missing = (codes: string[], found: Map<string, string>) => codes.filter((c) => !found.has(c));
  if (measure.leadService && !refs.services.has(measure.leadService)) {
    problems.push({
      field: 'leadService',
      message: `Lead service: there is no service ${measure.leadService}`,
    });
  }
  const unknownServices = missing(measure.services, refs.services);
  if (unknownServices.length)
    problems.push({
      field: 'services',
      message: `Services: there is no service ${unknownServices.join(', ')}`,
    });
  const unknownOutcomes = missing(measure.outcomes, refs.outcomes);
  if (unknownOutcomes.length)
    problems.push({
      field: 'outcomes',
      message: `Outcomes: there is no outcome ${unknownOutcomes.join(', ')}`,
    });
  if (measure.owner && !refs.ownerUserId)
    problems.push({ field: 'owner', message: `Owner: there is no active user ${measure.owner}` });
  if (measure.code && !problems.some((p) => p.field === 'code')) {
    const holder = await measureIdWithCode(db, user.councilId, measure.code);
    if (holder && holder !== existingId)
      problems.push({ field: 'code', message: `Code ${measure.code} is already used by another measure` });
  }
  const reach = servicesInReach(user, 'measure.write');
  const lead = measure.leadService ? refs.services.get(measure.leadService) : undefined;
  if (reach && !(lead && reach.has(lead))) {
    problems.push({
      field: 'leadService',
      message: 'Lead service: choose a service you are responsible for',
    });
  }
  if (problems.length)
    throw new ValidationError(`There is a problem with the measure: ${problems[0]?.message}`, problems);
  const leadServiceId = lead ?? null;
  const serviceIds = [
    ...new Set([
      ...(leadServiceId ? [leadServiceId] : []),
      ...measure.services.map((c) => refs.services.get(c) ?? ''),
    ]),
  ];
  const links: ResolvedLinks = {
    ownerUserId: refs.ownerUserId,
    leadServiceId,
    serviceIds: serviceIds.filter(Boolean),
    outcomeIds: measure.outcomes.map((c) => refs.outcomes.get(c) ?? '').filter(Boolean),
  };
  return links;
}

/** A new formula measure, or a changed formula or frequency, is worked out again for every period. */
function calculatesAfresh(current: MeasureOut | null, measure: CompleteMeasure): boolean {
  if (measure.calculationType !== 'formula') return false;
  return (
    current === null ||
    current.calculationType !== 'formula' ||
    current.formula !== measure.formula ||
    current.frequency !== measure.frequency
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error != null && (error as { code?: unknown }).code === '23505';
}

/**
 * Creates or edits a measure. The change, its measure_versions row and its audit_log row are written in one
 * transaction; an edit from a stale version is refused with 409 and nothing is written.
 */
export async function saveMeasure(db: Db, user: CurrentUser, command: SaveMeasure): Promise<MeasureOut> {
  authorize(user, 'measure.write');
  const current = command.code ? await getMeasure(db, user, command.code, 'measure.write') : null;
  if (current) {
    if (!Number.isInteger(command.version))
      throw ValidationError.field('version', 'Version: say which version of the measure you are changing');
    // Checked before the fields, so nobody corrects a form only to learn it was out of date all along.
    if (command.version !== current.version) throw staleVersion(current);
  }
  const input = measureFields(command.input);
  const merged = current
    ? {
        ...inputFromMeasure(current),
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      }
    : input;
  const { measure, problems } = validateMeasure(merged);
  const note = (command.note ?? '').trim();
  if (note.length > 500)
    problems.push({ field: 'note', message: 'Change note must be 500 characters or fewer' });
  const formula = await checkFormulaLinks(db, user.councilId, measure, current ?? undefined);
  problems.push(...formula.problems);
  const links = await checkMeasure(db, user, measure, problems, current?.id);
  try {
    return await db.transaction().execute(async (trx) => {
      let id: string;
      let version: number;
      if (current) {
        const updated = await updateMeasure(trx, current.id, current.version, measure, links, user.id);
        if (updated === undefined)
          throw staleVersion(await getMeasure(db, user, command.code ?? current.code, 'measure.write'));
        [id, version] = [current.id, updated];
      } else {
        [id, version] = [await insertMeasure(trx, user.councilId, measure, links, user.id), 1];
      }
      await replaceMeasureLinks(trx, user.councilId, id, links);
      await replaceFormulaInputs(trx, user.councilId, id, formula.inputIds);
      if (calculatesAfresh(current, measure))
        await recalculateFormulaMeasures(trx, { councilId: user.councilId, userId: user.id }, [id]);
      const saved = await measureAsSaved(trx, user.councilId, id);
      const snapshot = snapshotOf(saved);
      await insertMeasureVersion(trx, {
        councilId: user.councilId,
        measureId: id,
        version,
        snapshot,
        userId: user.id,
        note,
      });
      await recordAudit(trx, {
        councilId: user.councilId,
        userId: user.id,
        action: current ? 'measure.update' : 'measure.create',
        entity: 'measure',
        entityId: id,
        before: current ? snapshotOf(current) : null,
        after: snapshot,
      });
      return saved;
    });
  } catch (error) {
    // Two people creating the same code at once: the second finds it taken, as if they had checked first.
    if (isUniqueViolation(error))
      throw ValidationError.field('code', `Code ${measure.code} is already used by another measure`);
    throw error;
  }
}

export interface VersionEntry {
  version: number;
  changedAt: Date;
  changedBy: string | null;
  note: string;
  /** Null for the earliest recorded version: there is nothing before it to compare with. */
  changes: FieldChange[] | null;
}

export async function measureHistory(
  db: Db,
  user: CurrentUser,
  code: string,
): Promise<{ measure: MeasureWithId; versions: VersionEntry[] }> {
  const measure = await getMeasure(db, user, code);
  const rows = await listMeasureVersions(db, measure.id);
  const versions = rows.map((row, i) => {
    const earlier = rows[i + 1];
    return {
      version: row.version,
      changedAt: row.changed_at,
      changedBy: row.changed_by_name,
      note: row.note,
      changes: earlier ? diffSnapshots(earlier.snapshot, row.snapshot) : null,
    };
  });
  return { measure, versions };
}
