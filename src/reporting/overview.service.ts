// The performance overview: the scorecard with SPC for a period, narrowed by directorate, portfolio, committee or
// SPC signal, grouped by Council Strategy priority and outcome, with counts, sparklines and year-end forecasts.
import type { ServiceReach } from '../access/scope.ts';
import { parsePeriod, PeriodError, periodEnd, type Rag, type YearEndForecast } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ValidationError, type FieldProblem } from '../web/errors.ts';
import {
  filterOptions,
  outcomesOfMeasures,
  recentPeriods,
  recentValues,
  servicesOf,
  type FilterKind,
  type Option,
} from './overview.queries.ts';
import { keptChart } from './kept-charts.ts';
import { directionBadge, labelOfPeriod, ragBadge, type DirectionBadge, type RagBadge } from './present.ts';
import { scorecard, type MeasureJudgement } from './scorecard.service.ts';
import { ASSURANCE_BADGES, VARIATION_BADGES, type SpcBadge } from './spc-judgement.ts';
import { yearEndForecasts } from './forecast.service.ts';
import { VERDICT_BADGES, type VerdictBadge } from './measure-forecast.ts';

export interface OverviewFilters {
  period?: string;
  directorate?: string;
  portfolio?: string;
  committee?: string;
  spc?: string;
}

/** The SPC filters a performance team asks for: where the process has changed, and targets it cannot meet. */
export const spcFilters = {
  concern: 'Special cause concern',
  improvement: 'Special cause improvement',
  failing: 'Consistently failing the target',
} as const;
export type SpcFilter = keyof typeof spcFilters;

function matchesSpc(m: MeasureJudgement, filter: SpcFilter): boolean {
  if (filter === 'failing') return m.spc?.assurance === 'fail';
  return m.spc?.variation.startsWith(`${filter}_`) ?? false;
}

export interface OverviewRow extends MeasureJudgement {
  periodLabel: string;
  ragBadge: RagBadge;
  previous: DirectionBadge;
  lastYear: DirectionBadge;
  sparkline: string;
  variationBadge: SpcBadge;
  assuranceBadge: SpcBadge | null;
  /** For a year-to-date measure before its year ends: the leading year-end forecast and its verdict. */
  forecast: { figure: number; basis: 'profile' | 'run_rate'; verdict: VerdictBadge } | null;
}

export interface OverviewGroup {
  priority: string | null;
  outcome: string;
  rows: OverviewRow[];
}

export interface Overview {
  period: string | null;
  periodLabel: string;
  periods: { value: string; text: string }[];
  options: { directorates: Option[]; portfolios: Option[]; committees: Option[] };
  counts: Record<Rag, number>;
  /** Across every measure the other filters leave, before the SPC filter. */
  spcCounts: Record<SpcFilter, number>;
  total: number;
  groups: OverviewGroup[];
}

const SPARKLINE_POINTS = 12;
const PERIOD_CHOICES = 30;

export async function overview(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  filters: OverviewFilters,
): Promise<Overview> {
  const narrowed = await narrowReach(db, councilId, reach, filters);
  const [card, periods, options] = await Promise.all([
    scorecard(db, { councilId, reach: narrowed, period: filters.period || undefined, withSpc: true }),
    recentPeriods(db, councilId, reach, PERIOD_CHOICES),
    filterOptions(db, councilId),
  ]);
  const spc = filters.spc as SpcFilter | undefined;
  const spcCounts: Record<SpcFilter, number> = { concern: 0, improvement: 0, failing: 0 };
  for (const m of card.measures)
    for (const f of Object.keys(spcCounts) as SpcFilter[]) if (matchesSpc(m, f)) spcCounts[f] += 1;
  const measures = spc ? card.measures.filter((m) => matchesSpc(m, spc)) : card.measures;
  const ids = measures.map((m) => m.measureId);
  const end = card.period ? periodEnd(parsePeriod(card.period)) : '0001-01-01';
  const yearToDate = measures.filter((m) => m.accumulation === 'year_to_date').map((m) => m.measureId);
  const [outcomes, sparks, forecasts] = await Promise.all([
    outcomesOfMeasures(db, councilId, ids),
    recentValues(db, ids, end, SPARKLINE_POINTS),
    yearEndForecasts(db, { councilId, measureIds: yearToDate, periodEnd: end }),
  ]);
  const sparklines = await Promise.all(
    measures.map((m) => keptChart({ kind: 'sparkline', input: { values: sparks.get(m.measureId) ?? [] } })),
  );
  const rows = new Map(
    measures.map((m, i) => [
      m.measureId,
      presentRow(m, sparklines[i] ?? '', forecasts.get(m.measureId)?.forecast ?? null),
    ]),
  );

  // A measure appears under each outcome it answers to; those with none close the page as "Other measures".
  const groups = new Map<string, OverviewGroup>();
  const grouped = new Set<string>();
  for (const o of outcomes) {
    const row = rows.get(String(o.measure_id));
    if (!row) continue;
    const key = `${o.priority_code}/${o.outcome_code}`;
    let group = groups.get(key);
    if (!group) {
      group = { priority: o.priority_title, outcome: o.outcome_title, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
    grouped.add(row.measureId);
  }
  const others = [...rows.values()].filter((r) => !grouped.has(r.measureId));
  const allGroups = [...groups.values()];
  if (others.length > 0) allGroups.push({ priority: null, outcome: 'Other measures', rows: others });
  for (const group of allGroups) group.rows.sort((a, b) => a.code.localeCompare(b.code));

  const counts: Record<Rag, number> = { green: 0, amber: 0, red: 0, not_rated: 0, no_data: 0 };
  for (const m of measures) counts[m.rag] += 1;
  const choices =
    filters.period && !periods.includes(filters.period) ? [filters.period, ...periods] : periods;
  return {
    period: card.period,
    periodLabel: labelOfPeriod(card.period),
    periods: choices.map((p) => ({ value: p, text: labelOfPeriod(p) })),
    options,
    counts,
    spcCounts,
    total: measures.length,
    groups: allGroups,
  };
}

/** A filter narrows the user's reach to the services it covers; an unknown code or bad period is named, all at once. */
async function narrowReach(
  db: Db,
  councilId: string,
  reach: ServiceReach,
  filters: OverviewFilters,
): Promise<ServiceReach> {
  let narrowed = reach;
  const problems: FieldProblem[] = [];
  if (filters.period) {
    try {
      parsePeriod(filters.period);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      problems.push({ field: 'period', message: `period: ${error.message}` });
    }
  }
  for (const kind of ['directorate', 'portfolio', 'committee'] as FilterKind[]) {
    const code = filters[kind];
    if (!code) continue;
    const services = await servicesOf(db, councilId, kind, code);
    if (!services) {
      problems.push({ field: kind, message: `${kind}: there is no ${kind} with the code '${code}'` });
      continue;
    }
    narrowed = narrowed === null ? services : new Set([...narrowed].filter((id) => services.has(id)));
  }
  if (filters.spc && !Object.hasOwn(spcFilters, filters.spc))
    problems.push({
      field: 'spc',
      message: `spc: '${filters.spc}' is not an SPC filter; choose ${Object.keys(spcFilters).join(', ')}`,
    });
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  return narrowed;
}

function presentRow(m: MeasureJudgement, sparkline: string, forecast: YearEndForecast | null): OverviewRow {
  return {
    ...m,
    periodLabel: labelOfPeriod(m.period),
    ragBadge: ragBadge(m.rag),
    previous: directionBadge(m.direction.previous, m.value, m.previousValue),
    lastYear: directionBadge(m.direction.lastYear, m.value, m.lastYearValue),
    sparkline,
    variationBadge: VARIATION_BADGES[m.spc?.variation ?? 'not_enough_data'],
    assuranceBadge: m.spc?.assurance ? ASSURANCE_BADGES[m.spc.assurance] : null,
    forecast: leadingForecast(forecast),
  };
}

/** The forecast the measure page leads with: against the profile where there is one, else the run rate. */
function leadingForecast(forecast: YearEndForecast | null): OverviewRow['forecast'] {
  if (!forecast || forecast.final) return null;
  const lead = forecast.profile
    ? { figure: forecast.profile, basis: 'profile' as const }
    : forecast.runRate
      ? { figure: forecast.runRate, basis: 'run_rate' as const }
      : null;
  if (!lead) return null;
  return { figure: lead.figure.value, basis: lead.basis, verdict: VERDICT_BADGES[lead.figure.verdict] };
}
