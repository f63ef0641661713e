// The public API's answers made from the snapshot: the Strategy's structure and each public measure with its latest
// published figure and judgement, as the residents' pages show them (from the same public model).
import { periodLabel, tryParsePeriod } from '../assessment/index.ts';
import { measuresOf, type ReportMeasure } from '../reporting/reports/report-model.ts';
import { measureDownload, PUBLIC_API } from './open-data.ts';
import type { PublicCatalogue } from './public-api.queries.ts';
import type {
  MeasuresResponse,
  OutcomesResponse,
  PrioritiesResponse,
  PublicMeasure,
  ReportsResponse,
} from './public-api.schema.ts';
export type PublicReport = ReportsResponse['reports'][number];
import type { PublicSnapshot } from './public-cache.ts';

export function presentPriorities(catalogue: PublicCatalogue): PrioritiesResponse {
  return {
    priorities: catalogue.priorities.map((p) => ({
      code: p.code,
      title: p.title,
      description: p.description,
      outcomes: catalogue.outcomes.filter((o) => o.priority_code === p.code).map((o) => o.code),
    })),
  };
}

export function presentOutcomes(catalogue: PublicCatalogue): OutcomesResponse {
  return {
    outcomes: catalogue.outcomes.map((o) => ({
      code: o.code,
      title: o.title,
      description: o.description,
      priority: o.priority_code,
      measures: catalogue.measures.filter((m) => m.outcome_codes.includes(o.code)).map((m) => m.code),
    })),
  };
}

/** Every public measure of the snapshot's model, by code; a measure the catalogue lacks is left out. */
export function presentMeasures(snapshot: PublicSnapshot, catalogue: PublicCatalogue): MeasuresResponse {
  const judged = new Map(measuresOf(snapshot.model).map((m) => [m.code, m]));
  return {
    measures: catalogue.measures.flatMap((m) => {
      const shown = judged.get(m.code);
      if (!shown) return [];
      return [
        {
          code: m.code,
          title: m.title,
          definition: m.definition,
          calculation: m.calculation,
          unit: m.unit,
          decimals: m.decimals,
          polarity: m.polarity,
          frequency: m.frequency,
          outcomes: m.outcome_codes,
          latest: latestOf(shown),
          judgement: {
            rag: shown.rag,
            ragLabel: shown.ragLabel,
            direction: shown.direction.judgement,
            directionLabel: shown.direction.label,
            spc: shown.spc?.reading ?? null,
          },
          links: {
            page: `/public/measures/${encodeURIComponent(m.code)}`,
            values: `${PUBLIC_API}/measures/${encodeURIComponent(m.code)}/values`,
            csv: measureDownload(m.code, 'csv'),
            json: measureDownload(m.code, 'json'),
          },
        },
      ];
    }),
  };
}

function latestOf(m: ReportMeasure): PublicMeasure['latest'] {
  if (m.period === null) return null;
  return {
    period: m.period,
    periodLabel: m.periodLabel,
    value: m.value,
    display: m.display,
    target: m.target,
    targetDisplay: m.targetDisplay,
  };
}

export function presentReports(catalogue: PublicCatalogue): ReportsResponse {
  return {
    reports: catalogue.reports.map((r) => {
      const period = tryParsePeriod(r.period);
      return {
        id: r.id,
        title: r.title,
        period: r.period,
        periodLabel: period ? periodLabel(period) : r.period,
        publishedAt: r.published_at.toISOString(),
        links: { page: `/public/reports/${r.id}` },
      };
    }),
  };
}
