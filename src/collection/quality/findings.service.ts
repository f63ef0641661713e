// Data-quality findings' use cases: a performance officer raises one on a figure; the figure's owner (a data owner
// or the provider) responds; an officer resolves it. Each is checked against the caller's reach and versioned.
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { figureInReach, providerBreakdown, providersOfUser, servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { measureReachCondition } from '../../reporting/scorecard.queries.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { checkBreakdown, measureForFigure, periodForMeasure } from '../values.service.ts';
import {
  changeFinding,
  findFinding,
  findingsOnFigure,
  insertFinding,
  openFindingsWhere,
  type FindingRow,
} from './findings.queries.ts';

const TEXT_LIMIT = 2000;

function text(field: string, label: string, raw: string): string {
  const value = raw.trim();
  if (value === '') throw ValidationError.field(field, `${label}: enter ${label.toLowerCase()}`);
  if (value.length > TEXT_LIMIT)
    throw ValidationError.field(
      field,
      `${label}: must be ${TEXT_LIMIT} characters or fewer (it has ${value.length})`,
    );
  return value;
}

export interface RaiseInput {
  code: string;
  period: string;
  breakdown: string;
  message: string;
}

export async function raiseFinding(db: Db, user: CurrentUser, input: RaiseInput): Promise<FindingRow> {
  authorize(user, 'finding.raise');
  const measure = await measureForFigure(db, user, input.code, input.breakdown, 'value.read');
  const period = periodForMeasure(measure, input.period);
  await checkBreakdown(db, measure, input.breakdown);
  const message = text('message', 'Message', input.message);
  const id = await db.transaction().execute((tx) =>
    insertFinding(tx, user, {
      measureId: measure.id,
      period,
      breakdown: input.breakdown,
      kind: 'raised',
      message,
      raisedBy: user.id,
    }),
  );
  return (await findFinding(db, user.councilId, id)) as FindingRow;
}

/** A finding the user may read: its figure is in their reach; otherwise "not found", like a missing one. */
export async function findingForUser(
  db: Db,
  user: CurrentUser,
  id: string,
  action: 'value.read' | 'value.write' = 'value.read',
): Promise<FindingRow> {
  const finding = await findFinding(db, user.councilId, id);
  if (!finding || !(await figureInReach(db, user, action, { id: finding.measure_id }, finding.breakdown)))
    throw new NotFoundError(`There is no data-quality finding ${id}`);
  return finding;
}

export async function respondToFinding(
  db: Db,
  user: CurrentUser,
  id: string,
  input: { response: string; version: number },
): Promise<FindingRow> {
  authorize(user, 'finding.respond');
  const finding = await findingForUser(db, user, id, 'value.write');
  if (finding.status === 'resolved')
    throw ValidationError.field('response', 'Response: this finding is resolved; it takes no more responses');
  const response = text('response', 'Response', input.response);
  return change(db, user, finding, input.version, { response });
}

export async function resolveFinding(
  db: Db,
  user: CurrentUser,
  id: string,
  input: { note: string; version: number },
): Promise<FindingRow> {
  authorize(user, 'finding.resolve');
  const finding = await findingForUser(db, user, id);
  if (finding.status === 'resolved')
    throw ValidationError.field('note', 'Note: this finding is already resolved');
  const resolution = text('note', 'Note', input.note);
  return change(db, user, finding, input.version, { resolution });
}

async function change(
  db: Db,
  user: CurrentUser,
  finding: FindingRow,
  version: number,
  what: { response: string } | { resolution: string },
): Promise<FindingRow> {
  const done = await db.transaction().execute((tx) => changeFinding(tx, user, finding.id, version, what));
  const now = await findFinding(db, user.councilId, finding.id);
  if (!done || !now) {
    const who = now?.resolved_by_name ?? now?.responded_by_name;
    const message = `Someone else changed this finding while you were writing${who ? ` (${who})` : ''}: read it again (version ${now?.version ?? '?'}); nothing of yours was saved.`;
    throw new ConflictError(message, [{ field: 'version', message }]);
  }
  return now;
}

/** The findings on one figure the user may read. */
export function findingsForFigure(db: Db, measureId: string, period: string, breakdown: string) {
  return findingsOnFigure(db, measureId, period, breakdown);
}

/** Open findings on the figures the user enters: a data owner's services' measures, a provider's own figures. */
export async function openFindingsFor(db: Db, user: CurrentUser): Promise<FindingRow[]> {
  const reach = servicesInReach(user, 'value.write');
  const own = (await providersOfUser(db, user)).map((p) => providerBreakdown(p.code));
  return openFindingsWhere(
    db,
    user.councilId,
    sql`(${measureReachCondition(reach)} OR f.breakdown = ANY(${own}::text[]))`,
  );
}
