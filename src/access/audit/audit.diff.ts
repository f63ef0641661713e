// An audit row's before and after as a reader scans them: the fields that changed, each "before → after", in a
// stable order. A creation lists what was set; a removal what was there. Pure.
import { describeValue } from '../../measures/measure-history.ts';

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Identifying fields first, so a row reads "HOU-07, 2026-10: status submitted → validated". */
const FIRST = ['measure', 'code', 'period', 'breakdown', 'status', 'value', 'comment'];

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value == null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort((x, y) => {
    const [i, j] = [FIRST.indexOf(x), FIRST.indexOf(y)];
    if (i !== -1 || j !== -1) return (i === -1 ? FIRST.length : i) - (j === -1 ? FIRST.length : j);
    return x.localeCompare(y);
  });
  const changes: AuditChange[] = [];
  for (const field of keys) {
    const was = b ? describeValue(b[field]) : null;
    const now = a ? describeValue(a[field]) : null;
    if (was !== null && now !== null && was === now) continue;
    changes.push({ field, before: was, after: now });
  }
  return changes;
}

/** The record the row is about, in words: "HOU-07 2026-10" for a figure, else its code or name if it has one. */
export function auditSubject(before: unknown, after: unknown): string {
  const r = asRecord(after) ?? asRecord(before) ?? {};
  const parts = [r.measure, r.period, r.breakdown].filter((p) => typeof p === 'string' && p !== '');
  if (parts.length) return parts.join(' ');
  for (const key of ['code', 'name', 'title', 'email']) if (typeof r[key] === 'string') return String(r[key]);
  return '';
}
