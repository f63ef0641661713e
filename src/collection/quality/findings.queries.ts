// SQL for data-quality findings: recording the rules' warnings as findings when a figure is saved, raising,
// responding to and resolving one (each a new version with its audit row), and reading them for a figure or a list.
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { periodEnd, periodKey, type Period, type RuleResult } from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import type { FindingKind, FindingStatus } from '../../db/schema.ts';
import type { Tx } from '../values.queries.ts';

export interface FindingRow {
  id: string;
  measure_id: string;
  code: string;
  title: string;
  period: string;
  breakdown: string;
  provider_name: string | null;
  kind: FindingKind;
  message: string;
  raised_by_name: string | null;
  raised_at: Date;
  status: FindingStatus;
  response: string;
  responded_by_name: string | null;
  responded_at: Date | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  resolution_note: string;
  version: number;
}

const findingColumns = sql`f.id, f.measure_id, m.code, m.title, f.period, f.breakdown,
  (SELECT p.name FROM providers p WHERE p.council_id = f.council_id AND 'provider:' || p.code = f.breakdown) AS provider_name,
  f.kind, f.message, rb.display_name AS raised_by_name, f.raised_at, f.status, f.response,
  pb.display_name AS responded_by_name, f.responded_at, sb.display_name AS resolved_by_name, f.resolved_at,
  f.resolution_note, f.version`;

const findingJoins = sql`FROM data_quality_findings f JOIN measures m ON m.id = f.measure_id
  LEFT JOIN users rb ON rb.id = f.raised_by LEFT JOIN users pb ON pb.id = f.responded_by
  LEFT JOIN users sb ON sb.id = f.resolved_by`;

async function audit(
  tx: Tx,
  user: CurrentUser,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      council_id: user.councilId,
      user_id: user.id,
      action,
      entity: 'data_quality_finding',
      entity_id: id,
      before: before == null ? null : JSON.stringify(before),
      after: after == null ? null : JSON.stringify(after),
    })
    .execute();
}

export interface FigureKey {
  measureId: string;
  period: Period;
  breakdown: string;
}

export async function insertFinding(
  tx: Tx,
  user: CurrentUser,
  f: FigureKey & {
    kind: FindingKind;
    message: string;
    raisedBy: string | null;
    response?: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('data_quality_findings')
    .values({
      council_id: user.councilId,
      measure_id: f.measureId,
      period: periodKey(f.period),
      period_end: periodEnd(f.period),
      breakdown: f.breakdown,
      kind: f.kind,
      message: f.message,
      raised_by: f.raisedBy,
      ...(f.response ? { response: f.response, responded_by: user.id, responded_at: new Date() } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, user, 'finding.raise', row.id, null, {
    kind: f.kind,
    period: periodKey(f.period),
    breakdown: f.breakdown,
    message: f.message,
    response: f.response ?? '',
  });
  return row.id;
}

/** The soft rules' warnings among a rule check's findings: what becomes a finding when the figure is saved. */
export function softWarnings(result: RuleResult): string[] {
  return result.findings.filter((f) => f.severity === 'soft').map((f) => f.message);
}

/**
 * A saved figure's soft-rule warnings become open findings, with the explanation given as the owner's response, for
 * the performance team to look at; the findings on the figure it replaced are resolved, since it is gone.
 */
export async function recordRuleFindings(
  tx: Tx,
  r: FigureKey & { user: CurrentUser; warnings: readonly string[]; explanation?: string | null },
): Promise<void> {
  const replaced = await tx
    .updateTable('data_quality_findings')
    .set({
      status: 'resolved',
      resolved_by: r.user.id,
      resolved_at: new Date(),
      resolution_note: 'A new figure replaced the one this was found on',
      version: sql`version + 1`,
    })
    .where('measure_id', '=', r.measureId)
    .where('period', '=', periodKey(r.period))
    .where('breakdown', '=', r.breakdown)
    .where('kind', '=', 'rule')
    .where('status', '=', 'open')
    .returning(['id', 'version'])
    .execute();
  for (const f of replaced)
    await audit(
      tx,
      r.user,
      'finding.resolve',
      f.id,
      { status: 'open' },
      { status: 'resolved', version: f.version },
    );
  for (const warning of r.warnings)
    await insertFinding(tx, r.user, {
      ...r,
      kind: 'rule',
      message: warning,
      raisedBy: null,
      response: (r.explanation ?? '').trim(),
    });
}

export async function findFinding(db: Db, councilId: string, id: string): Promise<FindingRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<FindingRow>`SELECT ${findingColumns} ${findingJoins}
    WHERE f.council_id = ${councilId} AND f.id = ${id}`.execute(db);
  return result.rows[0];
}

/** The findings on one figure, open first, newest first. */
export async function findingsOnFigure(
  db: Db,
  measureId: string,
  period: string,
  breakdown: string,
): Promise<FindingRow[]> {
  const result = await sql<FindingRow>`SELECT ${findingColumns} ${findingJoins}
    WHERE f.measure_id = ${measureId} AND f.period = ${period} AND f.breakdown = ${breakdown}
    ORDER BY f.status = 'open' DESC, f.raised_at DESC, f.id DESC`.execute(db);
  return result.rows;
}

/** Open findings on the figures a condition admits (the caller's reach), newest first. */
export async function openFindingsWhere(
  db: Db,
  councilId: string,
  reach: RawBuilder<unknown>,
): Promise<FindingRow[]> {
  const result = await sql<FindingRow>`SELECT ${findingColumns} ${findingJoins}
    WHERE f.council_id = ${councilId} AND f.status = 'open' AND ${reach}
    ORDER BY f.raised_at DESC, f.id DESC LIMIT 200`.execute(db);
  return result.rows;
}

/** Writes a response or a resolution only if nobody has changed the finding since `version`; undefined if stale. */
export async function changeFinding(
  tx: Tx,
  user: CurrentUser,
  id: string,
  version: number,
  change: { response: string } | { resolution: string },
): Promise<boolean> {
  const before = await tx
    .selectFrom('data_quality_findings')
    .select(['status', 'response', 'resolution_note', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before || before.version !== version) return false;
  const set =
    'response' in change
      ? { response: change.response, responded_by: user.id, responded_at: new Date() }
      : {
          status: 'resolved' as const,
          resolution_note: change.resolution,
          resolved_by: user.id,
          resolved_at: new Date(),
        };
  const after = await tx
    .updateTable('data_quality_findings')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['status', 'response', 'resolution_note', 'version'])
    .executeTakeFirst();
  if (!after) return false;
  await audit(tx, user, 'response' in change ? 'finding.respond' : 'finding.resolve', id, before, after);
  return true;
}
