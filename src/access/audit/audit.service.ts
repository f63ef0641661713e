// The audit-log search: reads the filters from the query string (naming a bad one), and gives one page of rows,
// newest first, each with who, what, when and its before → after changes, and the cursor for the next page.
import type { CurrentUser } from '../current-user.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError, type FieldProblem } from '../../web/errors.ts';
import { auditChanges, auditSubject, type AuditChange } from './audit.diff.ts';
import { auditChoices, searchAudit, type AuditChoices, type AuditRow } from './audit.queries.ts';

export const PAGE_SIZE = 50;

export interface AuditFilter {
  user: string;
  action: string;
  entity: string;
  measure: string;
  from: string;
  to: string;
}

export interface AuditEntry extends AuditRow {
  subject: string;
  changes: AuditChange[];
}

export interface AuditPage {
  filter: AuditFilter;
  choices: AuditChoices;
  entries: AuditEntry[];
  /** The query string of the next (older) page, or null on the last page. */
  older: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A timestamptz as PostgreSQL writes it: 2026-11-26 16:49:00.123456+00. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks the filters as typed; every problem is named by its field. */
export function checkFilter(filter: AuditFilter): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (filter.user && !/^\d{1,18}$/.test(filter.user))
    problems.push({ field: 'user', message: 'Choose a person from the list' });
  for (const field of ['from', 'to'] as const) {
    const text = filter[field];
    if (text && !validDate(text)) {
      problems.push({
        field,
        message: `${field === 'from' ? 'From' : 'To'} must be a real date written YYYY-MM-DD, like 2026-10-31`,
      });
    }
  }
  if (!problems.length && filter.from && filter.to && filter.from > filter.to)
    problems.push({ field: 'to', message: 'To must be the same as or after From' });
  return problems;
}

/** A cursor is the last row's time and id, as "time|id"; anything else starts from the newest. */
function readCursor(text: string): { at: string; id: string } | null {
  const [at = '', id = ''] = text.split('|');
  return TIMESTAMP.test(at) && /^\d{1,18}$/.test(id) ? { at, id } : null;
}

export async function auditPage(
  db: Db,
  user: CurrentUser,
  filter: AuditFilter,
  cursor: string,
): Promise<AuditPage> {
  const problems = checkFilter(filter);
  if (problems.length) throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const [rows, choices] = await Promise.all([
    searchAudit(db, {
      councilId: user.councilId,
      userId: orNull(filter.user),
      action: orNull(filter.action),
      entity: orNull(filter.entity),
      measure: orNull(filter.measure),
      from: orNull(filter.from),
      to: orNull(filter.to),
      after: readCursor(cursor),
      limit: PAGE_SIZE + 1,
    }),
    auditChoices(db, user.councilId),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  let older: string | null = null;
  if (rows.length > PAGE_SIZE && last) {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
    params.set('after', `${last.at_key}|${last.id}`);
    older = `?${params.toString()}`;
  }
  return {
    filter,
    choices,
    entries: page.map((r) => ({
      ...r,
      subject: auditSubject(r.before, r.after),
      changes: auditChanges(r.before, r.after),
    })),
    older,
  };
}
