// Reads of the Council Strategy, the organisation and its governance, with each list of measures cut to the
// caller's reach in SQL so a scoped reader never receives a measure they may not see.
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import type { MeasureStatus } from '../db/schema.ts';
import { measureReachCondition } from '../reporting/scorecard.queries.ts';

interface StrategyRow {
  id: string;
  title: string;
  start_year: number;
  end_year: number;
  summary: string;
}

export interface PriorityRow {
  id: string;
  code: string;
  title: string;
  description: string;
  position: number;
  version: number;
}

export interface MeasureLink {
  code: string;
  title: string;
  status: MeasureStatus;
}

export interface OutcomeRow extends PriorityRow {
  priority_id: string;
  priority_code: string;
  measure_count: number;
  measures: MeasureLink[];
}

export interface DirectorateRow {
  id: string;
  code: string;
  name: string;
  director_name: string;
  version: number;
}

export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  head_of_service: string;
  version: number;
  directorate_id: string;
  directorate_code: string;
  directorate_name: string;
}

export interface PortfolioRow {
  id: string;
  code: string;
  title: string;
  cabinet_member_name: string;
  version: number;
  directorate_codes: string[];
  service_codes: string[];
}

export interface CommitteeRow {
  id: string;
  code: string;
  title: string;
  kind: 'select' | 'cmt';
  chair_name: string;
  terms_of_reference: string;
  themes: string[];
  version: number;
  service_codes: string[];
}

export interface MeasureOfServiceRow extends MeasureLink {
  lead_service_code: string | null;
  lead_service_name: string | null;
}

export interface ProviderRow {
  code: string;
  name: string;
  kind: string;
}

export async function currentStrategy(db: Db, councilId: string): Promise<StrategyRow | undefined> {
  return db
    .selectFrom('strategies')
    .select(['id', 'title', 'start_year', 'end_year', 'summary'])
    .where('council_id', '=', councilId)
    .where('is_current', '=', true)
    .orderBy('start_year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listPriorities(db: Db, councilId: string, strategyId: string): Promise<PriorityRow[]> {
  return db
    .selectFrom('priorities')
    .select(['id', 'code', 'title', 'description', 'position', 'version'])
    .where('council_id', '=', councilId)
    .where('strategy_id', '=', strategyId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

/** Outcomes of a strategy with the measures in reach attached to each (retired measures left out). */
export async function listOutcomes(
  db: Db,
  councilId: string,
  strategyId: string,
  reach: ServiceReach,
): Promise<OutcomeRow[]> {
  const result = await sql<OutcomeRow>`
    SELECT o.id, o.code, o.title, o.description, o.position, o.version, o.priority_id, p.code AS priority_code,
      COALESCE(ms.n, 0)::int AS measure_count, COALESCE(ms.list, '[]') AS measures
    FROM outcomes o
    JOIN priorities p ON p.id = o.priority_id
    LEFT JOIN LATERAL (
      SELECT count(*) AS n,
        json_agg(json_build_object('code', m.code, 'title', m.title, 'status', m.status) ORDER BY m.code) AS list
      FROM measure_outcomes mo JOIN measures m ON m.id = mo.measure_id
      WHERE mo.outcome_id = o.id AND m.status <> 'retired' AND ${measureReachCondition(reach)}
    ) ms ON true
    WHERE o.council_id = ${councilId} AND p.strategy_id = ${strategyId}
    ORDER BY p.position, p.code, o.position, o.code`.execute(db);
  return result.rows;
}

export async function listDirectorates(db: Db, councilId: string): Promise<DirectorateRow[]> {
  return db
    .selectFrom('directorates')
    .select(['id', 'code', 'name', 'director_name', 'version'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

export const serviceColumns = sql`s.id, s.code, s.name, s.head_of_service, s.version, s.directorate_id,
  d.code AS directorate_code, d.name AS directorate_name`;

export async function listServices(db: Db, councilId: string): Promise<ServiceRow[]> {
  const result = await sql<ServiceRow>`
    SELECT ${serviceColumns} FROM services s JOIN directorates d ON d.id = s.directorate_id
    WHERE s.council_id = ${councilId}
    ORDER BY d.name, s.name`.execute(db);
  return result.rows;
}

export const portfolioColumns = sql`p.id, p.code, p.title, p.cabinet_member_name, p.version,
  ARRAY(SELECT d.code FROM portfolio_directorates pd JOIN directorates d ON d.id = pd.directorate_id
        WHERE pd.portfolio_id = p.id ORDER BY d.code) AS directorate_codes,
  ARRAY(SELECT s.code FROM portfolio_services ps JOIN services s ON s.id = ps.service_id
        WHERE ps.portfolio_id = p.id ORDER BY s.code) AS service_codes`;

export async function listPortfolios(db: Db, councilId: string): Promise<PortfolioRow[]> {
  const result = await sql<PortfolioRow>`
    SELECT ${portfolioColumns} FROM portfolios p WHERE p.council_id = ${councilId} ORDER BY p.title`.execute(
    db,
  );
  return result.rows;
}

export const committeeColumns = sql`c.id, c.code, c.title, c.kind, c.chair_name, c.terms_of_reference, c.themes, c.version,
  ARRAY(SELECT s.code FROM committee_services cs JOIN services s ON s.id = cs.service_id
        WHERE cs.committee_id = c.id ORDER BY s.code) AS service_codes`;

export async function listCommittees(db: Db, councilId: string): Promise<CommitteeRow[]> {
  const result = await sql<CommitteeRow>`
    SELECT ${committeeColumns} FROM committees c WHERE c.council_id = ${councilId}
    ORDER BY c.kind DESC, c.title`.execute(db);
  return result.rows;
}

export async function findPriority(
  db: Db,
  councilId: string,
  code: string,
): Promise<PriorityRow | undefined> {
  return db
    .selectFrom('priorities')
    .select(['id', 'code', 'title', 'description', 'position', 'version'])
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findOutcome(
  db: Db,
  councilId: string,
  code: string,
): Promise<(PriorityRow & { priority_id: string; priority_code: string }) | undefined> {
  return db
    .selectFrom('outcomes as o')
    .innerJoin('priorities as p', 'p.id', 'o.priority_id')
    .select(['o.id', 'o.code', 'o.title', 'o.description', 'o.position', 'o.version', 'o.priority_id'])
    .select('p.code as priority_code')
    .where('o.council_id', '=', councilId)
    .where('o.code', '=', code)
    .executeTakeFirst();
}

export async function findDirectorate(
  db: Db,
  councilId: string,
  code: string,
): Promise<DirectorateRow | undefined> {
  return db
    .selectFrom('directorates')
    .select(['id', 'code', 'name', 'director_name', 'version'])
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findService(db: Db, councilId: string, code: string): Promise<ServiceRow | undefined> {
  const result = await sql<ServiceRow>`
    SELECT ${serviceColumns} FROM services s JOIN directorates d ON d.id = s.directorate_id
    WHERE s.council_id = ${councilId} AND s.code = ${code}`.execute(db);
  return result.rows[0];
}

export async function findPortfolio(
  db: Db,
  councilId: string,
  code: string,
): Promise<PortfolioRow | undefined> {
  const result = await sql<PortfolioRow>`
    SELECT ${portfolioColumns} FROM portfolios p WHERE p.council_id = ${councilId} AND p.code = ${code}`.execute(
    db,
  );
  return result.rows[0];
}

export async function findCommittee(
  db: Db,
  councilId: string,
  code: string,
): Promise<CommitteeRow | undefined> {
  const result = await sql<CommitteeRow>`
    SELECT ${committeeColumns} FROM committees c WHERE c.council_id = ${councilId} AND c.code = ${code}`.execute(
    db,
  );
  return result.rows[0];
}
