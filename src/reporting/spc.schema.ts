// The SPC API's contract: one TypeBox schema each for the request and the result, giving validation, the
// response serialiser and the OpenAPI entry. The engine checks the rest (phase order, fixAfter within the series).
import { Type } from 'typebox';
import { NullableNumber } from './scorecard.schema.ts';

const polarityValues = ['up', 'down', 'neutral'] as const;
const signalValues = ['improvement', 'concern', 'neutral'] as const;
const variationValues = [
  'common_cause',
  'improvement_high',
  'improvement_low',
  'concern_high',
  'concern_low',
  'neutral_high',
  'neutral_low',
  'not_enough_data',
] as const;
const assuranceValues = ['pass', 'fail', 'inconsistent'] as const;

export const SpcRequestBody = Type.Object({
  values: Type.Array(NullableNumber, {
    minItems: 1,
    description: 'The series in period order; null for a missing period',
    examples: [[12, 14, 13, null, 15]],
  }),
  polarity: Type.Enum([...polarityValues], { description: 'up: higher is better; down: lower is better' }),
  target: Type.Optional(Type.Number({ description: 'Judged against the last phase’s limits for assurance' })),
  fixAfter: Type.Optional(
    Type.Integer({ minimum: 2, description: 'Take the first phase’s limits from its first n points' }),
  ),
  phases: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1 }), {
      description: 'Indexes at which a new phase (with recalculated limits) starts, in increasing order',
    }),
  ),
  screenMovingRanges: Type.Optional(
    Type.Boolean({ description: 'Drop moving ranges of 3.267 × MR̄ or more once, then recalculate' }),
  ),
});

const Limits = {
  mean: Type.Number(),
  upl: Type.Number({ description: 'Upper process limit: mean + 2.66 × MR̄' }),
  lpl: Type.Number({ description: 'Lower process limit: mean − 2.66 × MR̄' }),
};

const SpcPoint = Type.Object({
  index: Type.Integer(),
  value: Type.Number(),
  ...Limits,
  outside: Type.Boolean(),
  shift: Type.Boolean(),
  trend: Type.Boolean(),
  twoInThree: Type.Boolean(),
  signal: Type.Unsafe<'improvement' | 'concern' | 'neutral' | null>({
    type: ['string', 'null'],
    enum: [...signalValues, null],
  }),
});

const SpcPhase = Type.Object({
  start: Type.Integer(),
  end: Type.Integer(),
  ...Limits,
  lowerTwoSigma: Type.Number(),
  upperTwoSigma: Type.Number(),
  movingRangeMean: Type.Number(),
});

export const SpcResponse = Type.Object({
  ...Limits,
  points: Type.Array(SpcPoint),
  variation: Type.Enum([...variationValues]),
  assurance: Type.Unsafe<'pass' | 'fail' | 'inconsistent' | null>({
    type: ['string', 'null'],
    enum: [...assuranceValues, null],
  }),
  provisional: Type.Boolean({ description: 'True for 12 to 19 points' }),
  missing: Type.Array(Type.Integer(), { description: 'Indexes of the missing (null) periods' }),
  phases: Type.Array(SpcPhase),
});
