// The values:batch API's shapes: a system feed's batch of figures in, and what became of each row out.
import { Type, type Static } from 'typebox';
import { ErrorResponse, errorResponses } from '../../reporting/scorecard.schema.ts';
import { defaultLimits } from '../upload/limits.ts';

// Numbers as JSON numbers or strings ("1,234", "12.5%"), checked by the same code as an uploaded file's cells.
const Figure = Type.Union([Type.Number(), Type.String({ maxLength: 64 }), Type.Null()]);

export const BatchFigure = Type.Object(
  {
    measure: Type.String({ minLength: 1, maxLength: 64, description: 'The measure code, e.g. HOU-01' }),
    period: Type.String({ minLength: 1, maxLength: 32, description: 'e.g. 2025-09, 2025-26-Q2, 2025-26' }),
    value: Type.Optional(Figure),
    numerator: Type.Optional(Figure),
    denominator: Type.Optional(Figure),
    breakdown: Type.Optional(
      Type.String({ maxLength: 200, description: "e.g. 'provider:SCH-CASTLE'; omit for the headline" }),
    ),
    commentary: Type.Optional(
      Type.String({
        maxLength: 5000,
        description: "Also the explanation when the figure breaks one of the measure's soft validation rules",
      }),
    ),
  },
  { additionalProperties: false },
);

export const BatchBody = Type.Object(
  { values: Type.Array(BatchFigure, { minItems: 1, maxItems: defaultLimits.maxRows }) },
  { additionalProperties: false },
);
export type BatchBody = Static<typeof BatchBody>;

export const BatchQuery = Type.Object({
  dryRun: Type.Optional(
    Type.Boolean({ description: 'Check every row and say what would happen; write nothing' }),
  ),
});

export const BatchHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'Required to commit: one key per batch. Sending the same batch with the same key again changes nothing and answers as the first time; the same key with other figures is refused (409).',
    }),
  ),
});

const BatchRow = Type.Object({
  index: Type.Integer({ description: 'Position in `values`, from 0' }),
  measure: Type.String(),
  period: Type.String(),
  breakdown: Type.String(),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('warning'), Type.Literal('error')]),
  messages: Type.Array(Type.String()),
});

export const BatchResponse = Type.Object({
  outcome: Type.Union([
    Type.Literal('dry_run'),
    Type.Literal('committed'),
    Type.Literal('already_committed'),
  ]),
  batchId: Type.Union([Type.String(), Type.Null()]),
  written: Type.Integer(),
  unchanged: Type.Integer(),
  counts: Type.Object({ accepted: Type.Integer(), warning: Type.Integer(), error: Type.Integer() }),
  rows: Type.Array(BatchRow, {
    description: 'Each row with its outcome; on a replay or an already-committed batch, empty',
  }),
});
export type BatchResponse = Static<typeof BatchResponse>;

export const batchErrorResponses = { ...errorResponses, 409: ErrorResponse, 413: ErrorResponse };
