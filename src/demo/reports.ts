// The demo council's report sets — CMT, one per Cabinet portfolio, one per select committee, and the public — and
// their published reports, made through the reports' own code (the model, the report row, publishing) so the
// first `npm start` shows a report for every audience. The announcement e-mails are not sent for the demo.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { ukDate } from '../assurance/today.ts';
import { buildReportModel } from '../reporting/reports/build-model.ts';
import {
  publishReportRow,
  queueReportRow,
  recordGenerated,
} from '../reporting/reports/report-rows.queries.ts';
import { setOfReport } from '../reporting/reports/reports.queries.ts';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { requestReportSetChange, signOffReportSetChange } from '../reporting/report-sets/changes.service.ts';
import { proposeReportSet, signOffReportSet } from '../reporting/report-sets/sign-off.service.ts';
import { committees, portfolios } from './structure.ts';
import { demoLeaderOf } from './users.ts';

type Codes = Map<string, string>;

/** "Adult Social Care & Health" → "adult-social-care-health"; a committee drops "Scrutiny Committee". */
export function slugOf(title: string): string {
  return title
    .replace(/scrutiny committee$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface DemoSet {
  name: string;
  title: string;
  audience: 'cmt' | 'portfolio' | 'committee' | 'public';
  portfolioCode?: string;
  committeeCode?: string;
  grouping: 'outcome' | 'service' | 'portfolio';
  recipients: string[];
  /** Which measures: by tag, or those led by the portfolio's or committee's services. */
  measures: { tag: string } | { services: string[] };
  /** Left out at first: added during the year by a signed-off change request. */
  addedMidYear?: { code: string; reason: string };
}

export const DEMO_YEAR = '2026-27';
/** Published for every set; CMT and Housing also have the quarter before, so "changes since the last report" shows. */
export const DEMO_REPORT_PERIODS = ['2026-27-Q1', '2026-27-Q2'] as const;

export const demoSets: DemoSet[] = [
  {
    name: 'cmt',
    title: 'Corporate performance report',
    audience: 'cmt',
    grouping: 'portfolio',
    recipients: ['performance@anytown.example'],
    measures: { tag: 'corporate' },
  },
  ...portfolios.map((p): DemoSet => ({
    name: `portfolio-${slugOf(p.title)}`,
    title: `${p.title}: portfolio performance`,
    audience: 'portfolio',
    portfolioCode: p.code,
    grouping: 'outcome',
    recipients: [demoLeaderOf('cabinet_member', p.code)],
    measures: { services: p.services },
    ...(p.code === 'PF-HOU'
      ? {
          addedMidYear: {
            code: 'HOU-07',
            reason:
              'Added after the national review of damp and mould in social housing, so the Cabinet Member sees Awaab’s Law timescales every quarter.',
          },
        }
      : {}),
  })),
  ...committees
    .filter((c) => c.kind === 'select')
    .map((c): DemoSet => ({
      name: `committee-${slugOf(c.title)}`,
      title: `${c.title}: performance`,
      audience: 'committee',
      committeeCode: c.code,
      grouping: 'service',
      recipients: c.code === 'SC-PH' ? ['councillor@anytown.example'] : [],
      measures: { services: c.services },
    })),
  {
    name: 'public',
    title: 'How Anytown is doing',
    audience: 'public',
    grouping: 'outcome',
    recipients: [],
    measures: { tag: 'public' },
  },
];

/** Inserts the sets and their measures; portfolio sets start as drafts for their directors to propose. */
export async function insertDemoReportSets(
  db: Db,
  councilId: string,
  ids: { portfolios: Codes; committees: Codes },
): Promise<Map<string, string>> {
  const setIds = new Map<string, string>();
  for (const s of demoSets) {
    const row = await db
      .insertInto('report_sets')
      .values({
        council_id: councilId,
        name: s.name,
        title: s.title,
        audience: s.audience,
        portfolio_id: s.portfolioCode ? ids.portfolios.get(s.portfolioCode) : null,
        committee_id: s.committeeCode ? ids.committees.get(s.committeeCode) : null,
        grouping: s.grouping,
        year: DEMO_YEAR,
        sign_off: s.audience === 'portfolio' ? 'draft' : null,
        recipients: s.recipients,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    setIds.set(s.name, row.id);
    const which =
      'tag' in s.measures
        ? sql`${s.measures.tag} = ANY(m.tags)`
        : sql`sv.code = ANY(${s.measures.services}::text[])`;
    await sql`INSERT INTO report_set_measures (council_id, report_set_id, measure_id, position)
      SELECT ${councilId}, ${row.id}, m.id, (row_number() OVER (ORDER BY m.code))::int
      FROM measures m LEFT JOIN services sv ON sv.id = m.lead_service_id
      WHERE m.council_id = ${councilId} AND m.status = 'active' AND ${which}
        AND m.code <> ${s.addedMidYear?.code ?? ''}`.execute(db);
  }
  return setIds;
}

/** Generates and publishes a set's report for a period as the performance officer, without e-mailing anyone. */
export async function publishDemoReport(
  db: Db,
  councilId: string,
  setName: string,
  period: string,
  officerId: string,
  at: Date,
): Promise<void> {
  const set = await setOfReport(db, councilId, setName);
  if (!set) throw new Error(`the demo has no report set ${setName}`);
  const queued = await queueReportRow(db, { councilId, setId: set.id, period, userId: officerId });
  if (!queued) throw new Error(`the demo's ${setName} report for ${period} is already published`);
  const model = await buildReportModel(db, councilId, set, period, undefined, ukDate(at));
  await recordGenerated(db, queued.id, model);
  const published = await publishReportRow(db, {
    id: queued.id,
    version: queued.version + 1,
    userId: officerId,
    at,
    content: { ...model, generatedAt: at.toISOString(), publishedAt: at.toISOString() },
  });
  if (!published) throw new Error(`the demo's ${setName} report for ${period} could not be published`);
}

/**
 * The demo's report sets with their portfolio sign-offs and published reports: every set's Q2 report, and the Q1
 * report before it for CMT and Housing.
 */
export async function insertDemoReports(
  db: Db,
  councilId: string,
  officerId: string,
  ids: { portfolios: Codes; committees: Codes },
): Promise<void> {
  await insertDemoReportSets(db, councilId, ids);
  await signOffDemoPortfolios(db, councilId);
  const [q1, q2] = DEMO_REPORT_PERIODS;
  for (const name of ['cmt', 'portfolio-housing'])
    await publishDemoReport(db, councilId, name, q1, officerId, new Date('2026-08-06T10:00:00Z'));
  await changeDemoPortfolios(db);
  for (const s of demoSets)
    await publishDemoReport(db, councilId, s.name, q2, officerId, new Date('2026-11-06T10:00:00Z'));
}

async function demoUser(db: Db, email: string): Promise<CurrentUser> {
  const row = await findUserByEmail(db, email);
  if (!row) throw new Error(`the demo has no user ${email}`);
  return toCurrentUser(row, null);
}

/** Each portfolio's director proposes its set and its Cabinet Member signs it off, through the sign-off use cases. */
async function signOffDemoPortfolios(db: Db, councilId: string): Promise<void> {
  for (const s of demoSets.filter((d) => d.audience === 'portfolio')) {
    const portfolio = portfolios.find((p) => p.code === s.portfolioCode);
    const director = await demoUser(db, demoLeaderOf('director', portfolio?.directorates[0] ?? ''));
    const cabinet = await demoUser(db, s.recipients[0] ?? '');
    const proposed = await proposeReportSet(db, director, s.name, {
      version: await versionOf(db, councilId, s.name),
    });
    await signOffReportSet(db, cabinet, s.name, { version: proposed.version });
  }
}

/** The mid-year changes: requested by the portfolio's director with a reason, signed off by the Cabinet Member. */
async function changeDemoPortfolios(db: Db): Promise<void> {
  for (const s of demoSets) {
    if (!s.addedMidYear) continue;
    const portfolio = portfolios.find((p) => p.code === s.portfolioCode);
    const director = await demoUser(db, demoLeaderOf('director', portfolio?.directorates[0] ?? ''));
    const cabinet = await demoUser(db, s.recipients[0] ?? '');
    const change = await requestReportSetChange(db, director, s.name, {
      change: 'add',
      measure: s.addedMidYear.code,
      reason: s.addedMidYear.reason,
    });
    await signOffReportSetChange(db, cabinet, s.name, change.id);
  }
}

async function versionOf(db: Db, councilId: string, name: string): Promise<number> {
  const row = await db
    .selectFrom('report_sets')
    .select('version')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.version;
}
