// Reads of how the organisation and governance fit together: a directorate's services, who covers a service,
// and the measures of a set of services, cut in SQL to the caller's reach.
import { sql } from 'kysely';
import type { ServiceReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { measureReachCondition } from '../reporting/scorecard.queries.ts';
import {
  type CommitteeRow,
  committeeColumns,
  type DirectorateRow,
  type MeasureOfServiceRow,
  type PortfolioRow,
  portfolioColumns,
  type ProviderRow,
  type ServiceRow,
  serviceColumns,
} from './structure.queries.ts';

/** The services of a directorate, a portfolio or a committee, with their directorate. */
export async function servicesWhere(
  db: Db,
  councilId: string,
  of: { directorateId: string } | { portfolioId: string } | { committeeId: string },
): Promise<ServiceRow[]> {
  const condition =
    'directorateId' in of
      ? sql`s.directorate_id = ${of.directorateId}`
      : 'portfolioId' in of
        ? sql`s.id IN (SELECT service_id FROM portfolio_services WHERE portfolio_id = ${of.portfolioId})`
        : sql`s.id IN (SELECT service_id FROM committee_services WHERE committee_id = ${of.committeeId})`;
  const result = await sql<ServiceRow>`
    SELECT ${serviceColumns} FROM services s JOIN directorates d ON d.id = s.directorate_id
    WHERE s.council_id = ${councilId} AND ${condition}
    ORDER BY d.name, s.name`.execute(db);
  return result.rows;
}

export async function directoratesOfPortfolio(db: Db, portfolioId: string): Promise<DirectorateRow[]> {
  return db
    .selectFrom('portfolio_directorates as pd')
    .innerJoin('directorates as d', 'd.id', 'pd.directorate_id')
    .select(['d.id', 'd.code', 'd.name', 'd.director_name', 'd.version'])
    .where('pd.portfolio_id', '=', portfolioId)
    .orderBy('d.name')
    .execute();
}

/** Portfolios answering for a directorate (directly or through any of its services) or for one service. */
export async function portfoliosCovering(
  db: Db,
  councilId: string,
  of: { directorateId: string } | { serviceId: string },
): Promise<PortfolioRow[]> {
  const condition =
    'directorateId' in of
      ? sql`(EXISTS (SELECT 1 FROM portfolio_directorates pd WHERE pd.portfolio_id = p.id AND pd.directorate_id = ${of.directorateId})
          OR EXISTS (SELECT 1 FROM portfolio_services ps JOIN services s ON s.id = ps.service_id
                     WHERE ps.portfolio_id = p.id AND s.directorate_id = ${of.directorateId}))`
      : sql`EXISTS (SELECT 1 FROM portfolio_services ps WHERE ps.portfolio_id = p.id AND ps.service_id = ${of.serviceId})`;
  const result = await sql<PortfolioRow>`
    SELECT ${portfolioColumns} FROM portfolios p WHERE p.council_id = ${councilId} AND ${condition}
    ORDER BY p.title`.execute(db);
  return result.rows;
}

/** Committees scrutinising any service of a directorate, or one service. */
export async function committeesCovering(
  db: Db,
  councilId: string,
  of: { directorateId: string } | { serviceId: string },
): Promise<CommitteeRow[]> {
  const condition =
    'directorateId' in of
      ? sql`EXISTS (SELECT 1 FROM committee_services cs JOIN services s ON s.id = cs.service_id
                    WHERE cs.committee_id = c.id AND s.directorate_id = ${of.directorateId})`
      : sql`EXISTS (SELECT 1 FROM committee_services cs WHERE cs.committee_id = c.id AND cs.service_id = ${of.serviceId})`;
  const result = await sql<CommitteeRow>`
    SELECT ${committeeColumns} FROM committees c WHERE c.council_id = ${councilId} AND ${condition}
    ORDER BY c.kind DESC, c.title`.execute(db);
  return result.rows;
}

export async function providersOfService(db: Db, serviceId: string): Promise<ProviderRow[]> {
  return db
    .selectFrom('providers')
    .select(['code', 'name', 'kind'])
    .where('service_id', '=', serviceId)
    .orderBy('name')
    .execute();
}

/**
 * Measures in reach that belong to any of the given services: led by one of them, or (unless ledOnly)
 * reported by one of them through measure_services. Retired measures are left out.
 */
export async function measuresOfServices(
  db: Db,
  councilId: string,
  serviceIds: string[],
  reach: ServiceReach,
  options: { ledOnly: boolean },
): Promise<MeasureOfServiceRow[]> {
  if (serviceIds.length === 0) return [];
  const belongs = options.ledOnly
    ? sql`m.lead_service_id = ANY(${serviceIds}::bigint[])`
    : sql`(m.lead_service_id = ANY(${serviceIds}::bigint[]) OR EXISTS (
        SELECT 1 FROM measure_services x WHERE x.measure_id = m.id AND x.service_id = ANY(${serviceIds}::bigint[])))`;
  const result = await sql<MeasureOfServiceRow>`
    SELECT m.code, m.title, m.status, ls.code AS lead_service_code, ls.name AS lead_service_name
    FROM measures m LEFT JOIN services ls ON ls.id = m.lead_service_id
    WHERE m.council_id = ${councilId} AND m.status <> 'retired' AND ${belongs} AND ${measureReachCondition(reach)}
    ORDER BY m.code`.execute(db);
  return result.rows;
}
