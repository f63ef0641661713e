// Presenters: database rows to the shapes pages and the JSON API use, so the contract holds when a column changes.
import type {
  CommitteeRow,
  DirectorateRow,
  MeasureLink,
  MeasureOfServiceRow,
  OutcomeRow,
  PortfolioRow,
  PriorityRow,
  ServiceRow,
} from './structure.queries.ts';
import type { StructureResponse } from './structure.schema.ts';

export interface StrategyView {
  title: string;
  startYear: number;
  endYear: number;
  summary: string;
}
export interface OutcomeView {
  code: string;
  priorityCode: string;
  title: string;
  description: string;
  position: number;
  version: number;
  measureCount: number;
  measures: MeasureLink[];
}
export interface PriorityView {
  code: string;
  title: string;
  description: string;
  position: number;
  version: number;
  outcomes: OutcomeView[];
}
export interface DirectorateView {
  code: string;
  name: string;
  directorName: string;
  version: number;
}
export interface ServiceView {
  code: string;
  name: string;
  headOfService: string;
  directorateCode: string;
  directorateName: string;
  version: number;
}
export interface PortfolioView {
  code: string;
  title: string;
  cabinetMemberName: string;
  directorateCodes: string[];
  serviceCodes: string[];
  version: number;
}
export interface CommitteeView {
  code: string;
  title: string;
  kind: 'select' | 'cmt';
  chairName: string;
  termsOfReference: string;
  themes: string[];
  serviceCodes: string[];
  version: number;
}
export interface MeasureView extends MeasureLink {
  leadServiceCode: string | null;
  leadServiceName: string | null;
}

export interface StrategyPlan {
  strategy: StrategyView | null;
  priorities: PriorityView[];
}

export interface StructureOverview extends StrategyPlan {
  directorates: (DirectorateView & { services: ServiceView[] })[];
  services: ServiceView[];
  portfolios: PortfolioView[];
  committees: CommitteeView[];
}

export const presentPriority = (p: PriorityRow, outcomes: OutcomeView[]): PriorityView => ({
  code: p.code,
  title: p.title,
  description: p.description,
  position: p.position,
  version: p.version,
  outcomes,
});
export const presentOutcome = (o: OutcomeRow): OutcomeView => ({
  code: o.code,
  priorityCode: o.priority_code,
  title: o.title,
  description: o.description,
  position: o.position,
  version: o.version,
  measureCount: o.measure_count,
  measures: o.measures,
});
export const presentDirectorate = (d: DirectorateRow): DirectorateView => ({
  code: d.code,
  name: d.name,
  directorName: d.director_name,
  version: d.version,
});
export const presentService = (s: ServiceRow): ServiceView => ({
  code: s.code,
  name: s.name,
  headOfService: s.head_of_service,
  directorateCode: s.directorate_code,
  directorateName: s.directorate_name,
  version: s.version,
});
export const presentPortfolio = (p: PortfolioRow): PortfolioView => ({
  code: p.code,
  title: p.title,
  cabinetMemberName: p.cabinet_member_name,
  directorateCodes: p.directorate_codes,
  serviceCodes: p.service_codes,
  version: p.version,
});
export const presentCommittee = (c: CommitteeRow): CommitteeView => ({
  code: c.code,
  title: c.title,
  kind: c.kind,
  chairName: c.chair_name,
  termsOfReference: c.terms_of_reference,
  themes: c.themes,
  serviceCodes: c.service_codes,
  version: c.version,
});
export const presentMeasure = (m: MeasureOfServiceRow): MeasureView => ({
  code: m.code,
  title: m.title,
  status: m.status,
  leadServiceCode: m.lead_service_code,
  leadServiceName: m.lead_service_name,
});

/** The JSON API's flat lists: outcomes carry their priority's code and the codes of their measures in reach. */
export function presentStructure(o: StructureOverview): StructureResponse {
  return {
    strategy: o.strategy,
    priorities: o.priorities.map(({ outcomes: _, ...p }) => p),
    outcomes: o.priorities.flatMap((p) =>
      p.outcomes.map(({ measures, measureCount: _, ...rest }) => ({
        ...rest,
        measureCodes: measures.map((m) => m.code),
      })),
    ),
    directorates: o.directorates.map(({ services: _, ...d }) => d),
    services: o.services.map(({ directorateName: _, ...s }) => s),
    portfolios: o.portfolios,
    committees: o.committees,
  };
}
