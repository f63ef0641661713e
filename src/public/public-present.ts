// The residents' pages' data, worked out from the snapshot: the Strategy with each priority's and outcome's progress,
// and one measure with its judgement in words, its chart's data table and where it belongs in the Strategy.
import type { PublicSnapshot } from './public-cache.ts';
import { measuresOf, type ReportMeasure } from '../reporting/reports/report-model.ts';
import { judgementWords, progressOf } from './public-progress.ts';
import type { PublicStrategy, StrategyOutcome, StrategyPriority } from './public-site.queries.ts';

export const measurePath = (code: string) => `/public/measures/${encodeURIComponent(code)}`;
export const outcomePath = (code: string) => `/public/outcomes/${encodeURIComponent(code)}`;
export const priorityPath = (code: string) => `/public/priorities/${encodeURIComponent(code)}`;

/** The snapshot's measures by code. */
export function measuresByCode(snapshot: PublicSnapshot): Map<string, ReportMeasure> {
  return new Map(measuresOf(snapshot.model).map((m) => [m.code, m]));
}

/** A measure as a row of an outcome's list. */
export function presentMeasureRow(m: ReportMeasure) {
  return { ...m, href: measurePath(m.code), judgement: judgementWords(m) };
}

function measuresOfOutcome(outcome: StrategyOutcome, byCode: Map<string, ReportMeasure>): ReportMeasure[] {
  return outcome.measureCodes.flatMap((c) => byCode.get(c) ?? []);
}

export function presentOutcome(outcome: StrategyOutcome, byCode: Map<string, ReportMeasure>) {
  const measures = measuresOfOutcome(outcome, byCode);
  return {
    ...outcome,
    href: outcomePath(outcome.code),
    progress: progressOf(measures),
    measures: measures.map(presentMeasureRow),
  };
}

export function presentPriority(priority: StrategyPriority, byCode: Map<string, ReportMeasure>) {
  const codes = new Set(priority.outcomes.flatMap((o) => o.measureCodes));
  const measures = [...codes].flatMap((c) => byCode.get(c) ?? []);
  return {
    ...priority,
    href: priorityPath(priority.code),
    progress: progressOf(measures),
    outcomes: priority.outcomes.map((o) => presentOutcome(o, byCode)),
  };
}

export function presentHome(strategy: PublicStrategy, byCode: Map<string, ReportMeasure>) {
  const priorities = strategy.priorities.map((p) => presentPriority(p, byCode));
  return {
    strategy,
    priorities,
    overall: progressOf([...byCode.values()]),
    period: null as string | null,
  };
}

/** Where the measure sits in the Strategy: each outcome it answers, with its priority. */
export function placesOf(strategy: PublicStrategy, code: string) {
  return strategy.priorities.flatMap((p) =>
    p.outcomes
      .filter((o) => o.measureCodes.includes(code))
      .map((o) => ({
        outcome: o.title,
        outcomeHref: outcomePath(o.code),
        priority: p.title,
        priorityHref: priorityPath(p.code),
      })),
  );
}

export function presentMeasure(m: ReportMeasure) {
  return {
    ...m,
    judgement: judgementWords(m),
    // Newest first reads best in a table; the chart runs oldest first.
    table: [...m.history].reverse().filter((h) => h.value !== null),
    downloads: [
      { href: `/public/data/measures/${encodeURIComponent(m.code)}.csv`, text: 'CSV (spreadsheet)' },
      { href: `/public/data/measures/${encodeURIComponent(m.code)}.json`, text: 'JSON' },
    ],
  };
}
