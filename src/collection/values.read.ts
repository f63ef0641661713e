// Reading figures for the API: a measure's history between two periods, and one figure's revisions, both
// limited to the measures the caller may read.
import type { CurrentUser } from '../access/current-user.ts';
import { parsePeriod, PeriodError, periodEnd, periodKey, periodStart } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError, ValidationError } from '../web/errors.ts';
import {
  findHeadlineValue,
  revisionsOf,
  valuesBetween,
  type EntryMeasure,
  type HistoryValue,
  type RevisionRow,
} from './values.queries.ts';
import { measureForFigure, measureForUser, periodForMeasure } from './values.service.ts';

function boundary(field: 'from' | 'to', key: string | undefined): string | null {
  if (!key) return null;
  try {
    const period = parsePeriod(key);
    return field === 'from' ? periodStart(period) : periodEnd(period);
  } catch (error) {
    if (error instanceof PeriodError) throw ValidationError.field(field, `${field}: ${error.message}`);
    throw error;
  }
}

export async function valueHistory(
  db: Db,
  user: CurrentUser,
  query: { measure: string; breakdown?: string; from?: string; to?: string },
): Promise<{ measure: EntryMeasure; values: HistoryValue[] }> {
  const from = boundary('from', query.from);
  const to = boundary('to', query.to);
  if (from && to && from > to)
    throw ValidationError.field('to', `to: ${query.to} comes before from: ${query.from}`);
  const breakdown = query.breakdown ?? '';
  const measure = await measureForFigure(db, user, query.measure, breakdown, 'value.read');
  return { measure, values: await valuesBetween(db, measure.id, from, to, breakdown) };
}

export async function revisionsOfValue(
  db: Db,
  user: CurrentUser,
  params: { code: string; period: string },
): Promise<{ measure: EntryMeasure; period: string; revisions: RevisionRow[] }> {
  const measure = await measureForUser(db, user, params.code, 'value.read');
  const key = periodKey(periodForMeasure(measure, params.period));
  const value = await findHeadlineValue(db, measure.id, key);
  if (!value) throw new NotFoundError(`${measure.code} has no figure for ${key}`);
  return { measure, period: key, revisions: await revisionsOf(db, value.id) };
}
