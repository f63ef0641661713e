// The public API's contract: TypeBox schemas giving the response serialisers and the OpenAPI document's entries.
import { Type, type Static } from 'typebox';
import { NullableNumber } from '../reporting/scorecard.schema.ts';

const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const CodeParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: 'A public measure’s code, e.g. HOU-01' }),
});
export type CodeParams = Static<typeof CodeParams>;

export const PublicPriority = Type.Object({
  code: Type.String(),
  title: Type.String(),
  description: Type.String(),
  outcomes: Type.Array(Type.String(), { description: 'Codes of its outcomes' }),
});

export const PublicOutcome = Type.Object({
  code: Type.String(),
  title: Type.String(),
  description: Type.String(),
  priority: Type.String({ description: 'Code of the priority it serves' }),
  measures: Type.Array(Type.String(), {
    description: 'Codes of the public measures that show progress on it',
  }),
});

export const PublicMeasure = Type.Object({
  code: Type.String(),
  title: Type.String(),
  definition: Type.String({ description: 'What it means and why it matters, in plain English' }),
  calculation: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  polarity: Type.String({ description: 'up: higher is better; down: lower is better; range; none' }),
  frequency: Type.String(),
  outcomes: Type.Array(Type.String()),
  latest: Type.Union([
    Type.Null(),
    Type.Object({
      period: Type.String(),
      periodLabel: Type.String(),
      value: NullableNumber,
      display: Type.String({ description: 'The value with its unit, e.g. "27.0%"' }),
      target: NullableNumber,
      targetDisplay: Type.String(),
    }),
  ]),
  judgement: Type.Object({
    rag: Type.String({ description: 'green, amber, red, not_rated or no_data' }),
    ragLabel: Type.String({ description: 'e.g. "On target"' }),
    direction: Type.String(),
    directionLabel: Type.String(),
    spc: NullableString,
  }),
  links: Type.Object({
    page: Type.String(),
    values: Type.String(),
    csv: Type.String(),
    json: Type.String(),
  }),
});
export type PublicMeasure = Static<typeof PublicMeasure>;

export const PublicFigure = Type.Object({
  measure_code: Type.String(),
  measure_title: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  period_label: Type.String(),
  period_start: Type.String({ format: 'date' }),
  period_end: Type.String({ format: 'date' }),
  value: NullableNumber,
  numerator: NullableNumber,
  denominator: NullableNumber,
  target: NullableNumber,
  published_at: NullableString,
  revised: Type.Boolean(),
});

export const PublicValuesResponse = Type.Object({
  code: Type.String(),
  data: Type.Array(PublicFigure, {
    description: 'Every published figure, oldest period first: the download’s rows',
  }),
});

export const PublicReport = Type.Object({
  id: Type.String(),
  title: Type.String(),
  period: Type.String(),
  periodLabel: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  links: Type.Object({ page: Type.String() }),
});

export const PrioritiesResponse = Type.Object({ priorities: Type.Array(PublicPriority) });
export const OutcomesResponse = Type.Object({ outcomes: Type.Array(PublicOutcome) });
export const MeasuresResponse = Type.Object({ measures: Type.Array(PublicMeasure) });
export const ReportsResponse = Type.Object({ reports: Type.Array(PublicReport) });
export type PrioritiesResponse = Static<typeof PrioritiesResponse>;
export type OutcomesResponse = Static<typeof OutcomesResponse>;
export type MeasuresResponse = Static<typeof MeasuresResponse>;
export type ReportsResponse = Static<typeof ReportsResponse>;
