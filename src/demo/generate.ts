// Builds every row of the demo council from the plain data and a seed. Pure: no I/O, no clock and no
// Math.random, so every machine gets the same rows. load.ts writes them to the database.
import { parsePeriod, periodEnd, periodKey, periodStart } from '../assessment/index.ts';
import type { ExternalRef } from '../db/schema.ts';
import type { Tag } from '../measures/measures.labels.ts';
import { historyStart } from './calendar.ts';
import { formulaMeasures } from './measures-formula.ts';
import { demoMeasures, type MeasureDef, type MeasureShape } from './measures.ts';
import { randomFor } from './random.ts';
import { ratioValue, seriesFor, targetsFor, type SeriesPoint } from './series.ts';
import { outcomes, priorities, strategy, type OutcomeDef, type PriorityDef } from './strategy.ts';
import {
  committees,
  DEMO_COUNCIL,
  directorates,
  FSM_DROP_SCHOOL,
  portfolios,
  providers,
  services,
  type CommitteeDef,
  type DirectorateDef,
  type PortfolioDef,
  type ProviderDef,
  type ServiceDef,
} from './structure.ts';
import { demoUsers, ownerOfService, type DemoUser } from './users.ts';
import { eventKey, valueRows, type DemoValueRow, type ValueEvents } from './values.ts';

export { DEMO_AS_OF } from './calendar.ts';

export const DEMO_SEED = 20261115;

const OFFICER_EMAIL = 'performance@anytown.example';

export interface DemoMeasureRow {
  code: string;
  title: string;
  definition: string;
  calculation: string;
  calculationType: 'value' | 'ratio' | 'formula';
  numeratorLabel: string;
  denominatorLabel: string;
  formula: string;
  unit: MeasureShape['unit'];
  decimals: number;
  polarity: MeasureShape['polarity'];
  frequency: MeasureShape['freq'];
  accumulation: MeasureShape['acc'];
  tags: Tag[];
  externalRefs: ExternalRef[];
  dataSource: string;
  commonMistakes: string;
  status: 'draft' | 'active' | 'retired';
  effectiveFrom: string;
  effectiveTo: string | null;
  leadService: string;
  services: string[];
  outcomes: string[];
  ownerEmail: string | null;
}

export interface DemoTargetRow {
  measure: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: string | null;
  low: string | null;
  high: string | null;
  toleranceKind: 'absolute' | 'percent' | null;
  tolerance: string | null;
  source: 'set' | 'profile';
}

export interface DemoDataset {
  seed: number;
  council: typeof DEMO_COUNCIL;
  directorates: DirectorateDef[];
  services: ServiceDef[];
  providers: ProviderDef[];
  strategy: typeof strategy;
  priorities: PriorityDef[];
  outcomes: OutcomeDef[];
  portfolios: PortfolioDef[];
  committees: CommitteeDef[];
  users: DemoUser[];
  measures: DemoMeasureRow[];
  targets: DemoTargetRow[];
  values: DemoValueRow[];
}

function measureRow(def: MeasureDef): DemoMeasureRow {
  const { lead, also = [] } = def.links;
  const effectiveFrom =
    def.status === 'draft'
      ? '2027-04-01'
      : periodStart(def.model.from ? parsePeriod(def.model.from) : historyStart('annual'));
  return {
    code: def.code,
    title: def.title,
    definition: def.definition,
    calculation: def.calculation,
    calculationType: def.formula ? 'formula' : def.ratio ? 'ratio' : 'value',
    numeratorLabel: def.ratio?.[0] ?? '',
    denominatorLabel: def.ratio?.[1] ?? '',
    formula: def.formula ?? '',
    unit: def.shape.unit,
    decimals: def.shape.dp,
    polarity: def.shape.polarity,
    frequency: def.shape.freq,
    accumulation: def.shape.acc,
    tags: def.links.tags,
    externalRefs: def.refs ?? [],
    dataSource: def.source,
    commonMistakes: def.mistakes ?? '',
    status: def.status ?? 'active',
    effectiveFrom,
    effectiveTo: def.effectiveTo ?? null,
    leadService: lead,
    services: [lead, ...also.filter((s) => s !== lead)],
    outcomes: def.links.outcomes,
    ownerEmail: ownerOfService(lead)?.email ?? null,
  };
}

/** A provider's own series: the council's pattern shifted to its own level, noisier, on a smaller base. */
function breakdownSeries(seed: number, def: MeasureDef, provider: string): SeriesPoint[] {
  const random = randomFor(seed, `breakdown:${def.code}:${provider}`);
  const offset = random.normal() * 3 * Math.max(def.model.noise, 0.5);
  const share = provider.startsWith('EST-') ? random.between(0.1, 0.18) : random.between(0.015, 0.05);
  const model = {
    ...def.model,
    start: def.model.start + offset,
    end: def.model.end + offset,
    noise: def.model.noise * 1.5,
    per: (def.model.per ?? 100) * share,
  };
  return seriesFor(def, model, random);
}

/**
 * One school's free-school-meal registrations collapse in the latest year (a census extract sent with only new
 * registrations, say): the kind of figure the change rule on EDU-01 is there to catch.
 */
function withImplausibleDrop(def: MeasureDef, provider: string, points: SeriesPoint[]): SeriesPoint[] {
  const last = points[points.length - 1];
  if (def.code !== 'EDU-01' || provider !== FSM_DROP_SCHOOL || !last || last.denominator === null)
    return points;
  const numerator = Math.round(last.denominator * 0.09);
  const dropped = { ...last, numerator, value: ratioValue(numerator, last.denominator, 100, def.shape.dp) };
  return [...points.slice(0, -1), dropped];
}

/** Four late measures, three gaps in history and two corrections after publication, chosen by the seed. */
function chooseEvents(seed: number, series: Map<string, SeriesPoint[]>): ValueEvents {
  const random = randomFor(seed, 'events');
  const active = demoMeasures.filter((d) => d.status === undefined && !d.model.breakdowns);
  const late = random
    .shuffled(active.filter((d) => d.shape.freq === 'monthly' || d.shape.freq === 'quarterly'))
    .slice(0, 4)
    .map((d) => d.code);
  const monthly = random.shuffled(
    active.filter(
      (d) => d.shape.freq === 'monthly' && !late.includes(d.code) && (series.get(d.code)?.length ?? 0) >= 36,
    ),
  );
  const gaps = monthly.slice(0, 3).flatMap((d) => {
    const points = series.get(d.code) ?? [];
    const point = points[6 + Math.floor(random.next() * (points.length - 14))];
    return point ? [eventKey(d.code, point.period)] : [];
  });
  const revised = monthly
    .slice(3)
    .filter((d) => d.ratio)
    .slice(0, 2)
    .flatMap((d) => {
      const points = series.get(d.code) ?? [];
      const point = points[points.length - 3 - Math.floor(random.next() * 9)];
      return point ? [eventKey(d.code, point.period)] : [];
    });
  return { late: new Set(late), gaps: new Set(gaps), revised: new Set(revised) };
}

export function generateDemo(seed: number = DEMO_SEED): DemoDataset {
  const directorateOf = new Map(services.map((s) => [s.code, s.directorate]));
  const series = new Map<string, SeriesPoint[]>();
  for (const def of demoMeasures) {
    if (def.status === 'draft') continue;
    series.set(def.code, seriesFor(def, def.model, randomFor(seed, `series:${def.code}`)));
  }
  const events = chooseEvents(seed, series);
  const targets: DemoTargetRow[] = [];
  const values: DemoValueRow[] = [];
  // Formula measures come last and get targets only; the library calculates their figures on load.
  for (const def of [...demoMeasures, ...formulaMeasures]) {
    const dp = def.shape.dp;
    const measureTargets = targetsFor(def, def.model);
    for (const t of measureTargets) {
      targets.push({
        measure: def.code,
        period: periodKey(t.period),
        periodStart: periodStart(t.period),
        periodEnd: periodEnd(t.period),
        value: t.value === null ? null : t.value.toFixed(dp),
        low: t.low === null ? null : t.low.toFixed(dp),
        high: t.high === null ? null : t.high.toFixed(dp),
        toleranceKind: t.toleranceKind,
        tolerance: t.tolerance === null ? null : String(t.tolerance),
        source: t.source,
      });
    }
    const points = series.get(def.code);
    if (!points) continue;
    values.push(
      ...valueRows({
        seed,
        def,
        directorate: directorateOf.get(def.links.lead) ?? 'CEX',
        points,
        breakdowns: (def.model.breakdowns ?? []).map((code) => ({
          code,
          points: withImplausibleDrop(def, code, breakdownSeries(seed, def, code)),
        })),
        targets: new Map(measureTargets.map((t) => [periodKey(t.period), t])),
        events,
        ownerEmail: ownerOfService(def.links.lead)?.email ?? OFFICER_EMAIL,
        officerEmail: OFFICER_EMAIL,
      }),
    );
  }
  return {
    seed,
    council: DEMO_COUNCIL,
    directorates,
    services,
    providers,
    strategy,
    priorities,
    outcomes,
    portfolios,
    committees,
    users: demoUsers,
    measures: [...demoMeasures, ...formulaMeasures].map(measureRow),
    targets,
    values,
  };
}
