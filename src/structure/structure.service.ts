// Read use cases for the Council Strategy, the organisation and governance: each page's content and the
// JSON API's, with every list of measures cut to what the reader may see for 'measure.read'.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import { servicesInReach } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError } from '../web/errors.ts';
import {
  type CommitteeView,
  type DirectorateView,
  type MeasureView,
  type PortfolioView,
  presentCommittee,
  presentDirectorate,
  presentMeasure,
  presentOutcome,
  presentPortfolio,
  presentPriority,
  presentService,
  type ServiceView,
  type StrategyPlan,
  type StructureOverview,
} from './structure.present.ts';
import {
  currentStrategy,
  findCommittee,
  findDirectorate,
  findPortfolio,
  findService,
  listCommittees,
  listDirectorates,
  listOutcomes,
  listPortfolios,
  listPriorities,
  listServices,
} from './structure.queries.ts';
import {
  committeesCovering,
  directoratesOfPortfolio,
  measuresOfServices,
  portfoliosCovering,
  providersOfService,
  servicesWhere,
} from './relations.queries.ts';
import type { ProviderRow } from './structure.queries.ts';

async function measureReach(db: Db, user: CurrentUser) {
  authorize(user, 'structure.read');
  return servicesInReach(user, 'measure.read');
}

/** The current strategy's priorities, each with its outcomes and the measures in reach under each. */
export async function strategyPlan(db: Db, user: CurrentUser): Promise<StrategyPlan> {
  const reach = await measureReach(db, user);
  const strategy = await currentStrategy(db, user.councilId);
  if (!strategy) return { strategy: null, priorities: [] };
  const [priorities, outcomes] = await Promise.all([
    listPriorities(db, user.councilId, strategy.id),
    listOutcomes(db, user.councilId, strategy.id, reach),
  ]);
  return {
    strategy: {
      title: strategy.title,
      startYear: strategy.start_year,
      endYear: strategy.end_year,
      summary: strategy.summary,
    },
    priorities: priorities.map((p) =>
      presentPriority(p, outcomes.filter((o) => o.priority_id === p.id).map(presentOutcome)),
    ),
  };
}

/** Everything on the structure index and in the JSON API: the strategy, the organisation and governance. */
export async function structureOverview(db: Db, user: CurrentUser): Promise<StructureOverview> {
  const [plan, directorates, services, portfolios, committees] = await Promise.all([
    strategyPlan(db, user),
    listDirectorates(db, user.councilId),
    listServices(db, user.councilId),
    listPortfolios(db, user.councilId),
    listCommittees(db, user.councilId),
  ]);
  const serviceViews = services.map(presentService);
  return {
    ...plan,
    directorates: directorates.map((d) => ({
      ...presentDirectorate(d),
      services: serviceViews.filter((s) => s.directorateCode === d.code),
    })),
    services: serviceViews,
    portfolios: portfolios.map(presentPortfolio),
    committees: committees.map(presentCommittee),
  };
}

export interface DirectorateDetail {
  directorate: DirectorateView;
  services: ServiceView[];
  portfolios: PortfolioView[];
  committees: CommitteeView[];
  measures: MeasureView[];
}

export async function directorateDetail(db: Db, user: CurrentUser, code: string): Promise<DirectorateDetail> {
  const reach = await measureReach(db, user);
  const directorate = await findDirectorate(db, user.councilId, code);
  if (!directorate) throw new NotFoundError(`No directorate with code ${code}`);
  const of = { directorateId: directorate.id };
  const [services, portfolios, committees] = await Promise.all([
    servicesWhere(db, user.councilId, of),
    portfoliosCovering(db, user.councilId, of),
    committeesCovering(db, user.councilId, of),
  ]);
  const ids = services.map((s) => s.id);
  const measures = await measuresOfServices(db, user.councilId, ids, reach, { ledOnly: true });
  return {
    directorate: presentDirectorate(directorate),
    services: services.map(presentService),
    portfolios: portfolios.map(presentPortfolio),
    committees: committees.map(presentCommittee),
    measures: measures.map(presentMeasure),
  };
}

export interface ServiceDetail {
  service: ServiceView;
  director: string;
  portfolios: PortfolioView[];
  committees: CommitteeView[];
  providers: ProviderRow[];
  measures: MeasureView[];
}

export async function serviceDetail(db: Db, user: CurrentUser, code: string): Promise<ServiceDetail> {
  const reach = await measureReach(db, user);
  const service = await findService(db, user.councilId, code);
  if (!service) throw new NotFoundError(`No service with code ${code}`);
  const of = { serviceId: service.id };
  const [directorate, portfolios, committees, providers, measures] = await Promise.all([
    findDirectorate(db, user.councilId, service.directorate_code),
    portfoliosCovering(db, user.councilId, of),
    committeesCovering(db, user.councilId, of),
    providersOfService(db, service.id),
    measuresOfServices(db, user.councilId, [service.id], reach, { ledOnly: false }),
  ]);
  return {
    service: presentService(service),
    director: directorate?.director_name ?? '',
    portfolios: portfolios.map(presentPortfolio),
    committees: committees.map(presentCommittee),
    providers,
    measures: measures.map(presentMeasure),
  };
}

export interface PortfolioDetail {
  portfolio: PortfolioView;
  directorates: DirectorateView[];
  services: ServiceView[];
  measures: MeasureView[];
}

export async function portfolioDetail(db: Db, user: CurrentUser, code: string): Promise<PortfolioDetail> {
  const reach = await measureReach(db, user);
  const portfolio = await findPortfolio(db, user.councilId, code);
  if (!portfolio) throw new NotFoundError(`No portfolio with code ${code}`);
  const [directorates, services] = await Promise.all([
    directoratesOfPortfolio(db, portfolio.id),
    servicesWhere(db, user.councilId, { portfolioId: portfolio.id }),
  ]);
  const ids = services.map((s) => s.id);
  const measures = await measuresOfServices(db, user.councilId, ids, reach, { ledOnly: false });
  return {
    portfolio: presentPortfolio(portfolio),
    directorates: directorates.map(presentDirectorate),
    services: services.map(presentService),
    measures: measures.map(presentMeasure),
  };
}

export interface CommitteeDetail {
  committee: CommitteeView;
  /** CMT's members are the directors; a select committee has none listed here. */
  directors: DirectorateView[];
  services: ServiceView[];
  measures: MeasureView[];
}

export async function committeeDetail(db: Db, user: CurrentUser, code: string): Promise<CommitteeDetail> {
  const reach = await measureReach(db, user);
  const committee = await findCommittee(db, user.councilId, code);
  if (!committee) throw new NotFoundError(`No committee with code ${code}`);
  const [services, directorates] = await Promise.all([
    servicesWhere(db, user.councilId, { committeeId: committee.id }),
    committee.kind === 'cmt' ? listDirectorates(db, user.councilId) : Promise.resolve([]),
  ]);
  const ids = services.map((s) => s.id);
  const measures = await measuresOfServices(db, user.councilId, ids, reach, { ledOnly: false });
  return {
    committee: presentCommittee(committee),
    directors: directorates.map(presentDirectorate),
    services: services.map(presentService),
    measures: measures.map(presentMeasure),
  };
}
