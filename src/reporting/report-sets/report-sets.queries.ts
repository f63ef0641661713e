// Reads of report sets that the rest of reporting builds on: one set with its measures in order, every set of a
// council, the Cabinet portfolios whose signed-off selections include a measure, and the signed-off mid-year
// changes to a set since a date (for a report's "changes to the measures since the last report").
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ReportAudience, ReportGrouping, SignOffStatus } from '../../db/schema.ts';

export interface ReportSet {
  id: string;
  councilId: string;
  name: string;
  title: string;
  audience: ReportAudience;
  portfolioId: string | null;
  portfolioCode: string | null;
  portfolioTitle: string | null;
  cabinetMemberName: string | null;
  committeeId: string | null;
  committeeCode: string | null;
  committeeTitle: string | null;
  grouping: ReportGrouping;
  /** The financial year of the selection, e.g. '2026-27'. */
  year: string;
  /** Portfolio sets only; null for every other audience. */
  signOff: SignOffStatus | null;
  proposedBy: string | null;
  proposedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  returnComment: string;
  recipients: string[];
  version: number;
  createdAt: Date;
  /** In report order. */
  measureIds: string[];
}

interface SetRow {
  id: string;
  council_id: string;
  name: string;
  title: string;
  audience: ReportAudience;
  portfolio_id: string | null;
  portfolio_code: string | null;
  portfolio_title: string | null;
  cabinet_member_name: string | null;
  committee_id: string | null;
  committee_code: string | null;
  committee_title: string | null;
  grouping: ReportGrouping;
  year: string;
  sign_off: SignOffStatus | null;
  proposed_by_name: string | null;
  proposed_at: Date | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  return_comment: string;
  recipients: string[];
  version: number;
  created_at: Date;
  measure_ids: string[];
}

const setColumns = sql`rs.id, rs.council_id, rs.name, rs.title, rs.audience, rs.portfolio_id, p.code AS portfolio_code,
  p.title AS portfolio_title, p.cabinet_member_name, rs.committee_id, c.code AS committee_code,
  c.title AS committee_title, rs.grouping, rs.year, rs.sign_off, pu.display_name AS proposed_by_name, rs.proposed_at,
  du.display_name AS decided_by_name, rs.decided_at, rs.return_comment, rs.recipients, rs.version, rs.created_at,
  ARRAY(SELECT rsm.measure_id::text FROM report_set_measures rsm WHERE rsm.report_set_id = rs.id
        ORDER BY rsm.position, rsm.measure_id) AS measure_ids`;

const setJoins = sql`report_sets rs
  LEFT JOIN portfolios p ON p.id = rs.portfolio_id
  LEFT JOIN committees c ON c.id = rs.committee_id
  LEFT JOIN users pu ON pu.id = rs.proposed_by
  LEFT JOIN users du ON du.id = rs.decided_by`;

function present(r: SetRow): ReportSet {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    name: r.name,
    title: r.title,
    audience: r.audience,
    portfolioId: r.portfolio_id == null ? null : String(r.portfolio_id),
    portfolioCode: r.portfolio_code,
    portfolioTitle: r.portfolio_title,
    cabinetMemberName: r.cabinet_member_name,
    committeeId: r.committee_id == null ? null : String(r.committee_id),
    committeeCode: r.committee_code,
    committeeTitle: r.committee_title,
    grouping: r.grouping,
    year: r.year,
    signOff: r.sign_off,
    proposedBy: r.proposed_by_name,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
    returnComment: r.return_comment,
    recipients: r.recipients,
    version: r.version,
    createdAt: r.created_at,
    measureIds: r.measure_ids,
  };
}

/** The set named `name` in the council, with its measure ids in report order; undefined when there is none. */
export async function reportSetByName(
  db: Db,
  councilId: string,
  name: string,
): Promise<ReportSet | undefined> {
  const result = await sql<SetRow>`
    SELECT ${setColumns} FROM ${setJoins}
    WHERE rs.council_id = ${councilId} AND rs.name = ${name}`.execute(db);
  const row = result.rows[0];
  return row ? present(row) : undefined;
}

/** Every set of the council: CMT first, then portfolios, committees and the public, each by title. */
export async function listReportSets(db: Db, councilId: string): Promise<ReportSet[]> {
  const result = await sql<SetRow>`
    SELECT ${setColumns} FROM ${setJoins}
    WHERE rs.council_id = ${councilId}
    ORDER BY array_position(ARRAY['cmt','portfolio','committee','public'], rs.audience), rs.title, rs.name`.execute(
    db,
  );
  return result.rows.map(present);
}

/**
 * For each measure asked about, the titles of the Cabinet portfolios whose signed-off sets include it (sorted);
 * a measure in no signed-off set maps to an empty list. With `year`, only that year's sets count.
 */
export async function signedOffPortfoliosOfMeasures(
  db: Db,
  councilId: string,
  measureIds: string[],
  year?: string,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(measureIds.map((id) => [String(id), []]));
  if (measureIds.length === 0) return found;
  const result = await sql<{ measure_id: string; titles: string[] }>`
    SELECT rsm.measure_id::text AS measure_id, array_agg(DISTINCT p.title ORDER BY p.title) AS titles
    FROM report_set_measures rsm
      JOIN report_sets rs ON rs.id = rsm.report_set_id
      JOIN portfolios p ON p.id = rs.portfolio_id
    WHERE rs.council_id = ${councilId} AND rs.audience = 'portfolio' AND rs.sign_off = 'signed_off'
      AND rsm.measure_id = ANY(${measureIds}::bigint[])
      AND (${year ?? null}::text IS NULL OR rs.year = ${year ?? null}::text)
    GROUP BY rsm.measure_id`.execute(db);
  for (const row of result.rows) found.set(row.measure_id, row.titles);
  return found;
}

export interface SignedOffChange {
  id: string;
  /** The day the Cabinet Member signed the change off, in the UK: '2026-09-14'. */
  date: string;
  /** The moment it was signed off. */
  decidedAt: Date;
  change: 'add' | 'remove';
  measureId: string;
  measureCode: string;
  measureTitle: string;
  reason: string;
  /** Who signed it off. */
  decidedBy: string;
}

/** The set's signed-off mid-year changes decided after `since` (all of them when null), oldest first. */
export async function changesSince(db: Db, setId: string, since: Date | null): Promise<SignedOffChange[]> {
  const result = await sql<{
    id: string;
    decided_at: Date;
    day: string;
    change: 'add' | 'remove';
    measure_id: string;
    measure_code: string;
    measure_title: string;
    reason: string;
    decided_by_name: string | null;
  }>`
    SELECT ch.id, ch.decided_at, to_char(ch.decided_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day, ch.change, ch.measure_id, m.code AS measure_code, m.title AS measure_title,
      ch.reason, u.display_name AS decided_by_name
    FROM report_set_changes ch
      JOIN measures m ON m.id = ch.measure_id
      LEFT JOIN users u ON u.id = ch.decided_by
    WHERE ch.report_set_id = ${setId} AND ch.status = 'signed_off'
      -- A Date holds milliseconds, PostgreSQL microseconds: compare at the Date's precision, so a time read back
      -- from the database (a report's publication) is not later than itself.
      AND (${since}::timestamptz IS NULL OR date_trunc('milliseconds', ch.decided_at) > ${since}::timestamptz)
    ORDER BY ch.decided_at, ch.id`.execute(db);
  return result.rows.map((r) => ({
    id: String(r.id),
    date: r.day,
    decidedAt: r.decided_at,
    change: r.change,
    measureId: String(r.measure_id),
    measureCode: r.measure_code,
    measureTitle: r.measure_title,
    reason: r.reason,
    decidedBy: r.decided_by_name ?? 'Unknown',
  }));
}
