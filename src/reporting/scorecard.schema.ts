// The scorecard API's contract: one TypeBox schema gives validation, the response serialiser and the OpenAPI entry.
import { Type, type Static } from 'typebox';

const ragValues = ['green', 'amber', 'red', 'not_rated', 'no_data'] as const;
const directionValues = ['improving', 'worsening', 'no_change', 'not_comparable'] as const;

/** A JSON-schema type list rather than anyOf: the same document, and a faster serialiser. */
export const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });

export const PeriodKey = Type.String({
  description: 'A period key: 2025-26 (financial year), 2025-26-Q2, 2025-10 (month), AY2025-26 or 2025',
  examples: ['2025-26-Q2'],
});

export const ScorecardQuery = Type.Object({
  period: Type.Optional(PeriodKey),
});
export type ScorecardQuery = Static<typeof ScorecardQuery>;

const Direction = Type.Enum([...directionValues]);

const ScorecardMeasure = Type.Object({
  code: Type.String(),
  title: Type.String(),
  period: Type.Unsafe<string | null>({
    type: ['string', 'null'],
    description: "The measure's own latest period not after the requested one",
  }),
  value: NullableNumber,
  target: NullableNumber,
  rag: Type.Enum([...ragValues]),
  direction: Type.Object({ previous: Direction, lastYear: Direction }),
});

export const ScorecardResponse = Type.Object({
  period: Type.Unsafe<string | null>({
    type: ['string', 'null'],
    description: 'The period judged; null when there is no data at all',
  }),
  measures: Type.Array(ScorecardMeasure),
});
export type ScorecardResponse = Static<typeof ScorecardResponse>;

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** The error answers every API route may give before its own: a bad request, no sign-in, no right, not found. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
};
