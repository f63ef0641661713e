// The values API's contract in TypeBox: validation, types and the OpenAPI entries from one place.
import { Type, type Static } from 'typebox';
import { ErrorResponse, NullableNumber, PeriodKey } from '../reporting/scorecard.schema.ts';

const statusValues = ['draft', 'submitted', 'validated', 'approved', 'published'] as const;

export const ValuePathParams = Type.Object({
  code: Type.String({ description: 'The measure code, e.g. HOU-01' }),
  period: PeriodKey,
});
export type ValuePathParams = Static<typeof ValuePathParams>;

const Breakdown = Type.String({
  maxLength: 100,
  description:
    "Empty for the headline figure; 'provider:CODE' for a provider's own figure (a provider reaches only its own)",
});

export const FigureQuery = Type.Object({ breakdown: Type.Optional(Breakdown) });

export const ValuesQuery = Type.Object({
  measure: Type.String({ description: 'The measure code' }),
  breakdown: Type.Optional(Breakdown),
  from: Type.Optional(PeriodKey),
  to: Type.Optional(PeriodKey),
});
export type ValuesQuery = Static<typeof ValuesQuery>;

// Numbers may come as JSON numbers or as strings typed by a person ("1,234.5"); the service checks them and names
// the field. No JSON-schema type here: the validator would coerce null to 0 and answer with a vaguer message.
const Figure = Type.Unsafe<number | string | null>({
  description: 'A number, or a string holding one; null or empty means not given',
  examples: [63.2],
});

export const ValueBody = Type.Object(
  {
    value: Type.Optional(Figure),
    numerator: Type.Optional(Figure),
    denominator: Type.Optional(Figure),
    commentary: Type.Optional(Type.String({ maxLength: 5000 })),
    explanation: Type.Optional(
      Type.String({
        maxLength: 2000,
        description:
          "Why the figure is right, when it breaks one of the measure's soft validation rules; kept with its warnings in qualityFlags",
      }),
    ),
    version: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'The version you last read; required when the figure already exists',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ValueBody = Static<typeof ValueBody>;

export const ValueResponse = Type.Object({
  measure: Type.String(),
  period: Type.String(),
  value: NullableNumber,
  numerator: NullableNumber,
  denominator: NullableNumber,
  commentary: Type.String(),
  status: Type.Enum([...statusValues]),
  revision: Type.Integer(),
  version: Type.Integer(),
  revised: Type.Boolean({ description: 'Corrected after it was published' }),
  source: Type.String({ description: 'form, api, upload, demo, or formula: calculated from other measures' }),
  qualityFlags: Type.Array(Type.String(), {
    description: 'Data-quality notes, e.g. why a calculated figure has no value (division by zero)',
  }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ValueResponse = Static<typeof ValueResponse>;

export const ValuesResponse = Type.Object({
  measure: Type.String(),
  values: Type.Array(ValueResponse),
});

const RevisionResponse = Type.Object({
  revision: Type.Integer(),
  value: NullableNumber,
  numerator: NullableNumber,
  denominator: NullableNumber,
  commentary: Type.String(),
  status: Type.Enum([...statusValues]),
  source: Type.String(),
  changedBy: Type.Unsafe<string | null>({ type: ['string', 'null'] }),
  changedAt: Type.String({ format: 'date-time' }),
});

export const RevisionsResponse = Type.Object({
  measure: Type.String(),
  period: Type.String(),
  revisions: Type.Array(RevisionResponse),
});

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
