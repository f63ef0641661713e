// The validation rules API's request and response shapes: a measure's rules and the version of the set.
import { type Static, Type } from 'typebox';
import { RULE_KINDS } from '../../assessment/index.ts';

// Numbers may come as JSON numbers or as strings; the rule's definition check names the field when one is wrong.
const Figure = Type.Unsafe<number | string | null>({ description: 'A number, or a string holding one' });

export const RuleIn = Type.Object(
  {
    id: Type.Optional(
      Type.String({ maxLength: 20, description: 'An existing rule to keep (changed as given)' }),
    ),
    kind: Type.Enum([...RULE_KINDS]),
    severity: Type.Enum(['hard', 'soft'], {
      description: 'hard rejects the figure; soft needs an explanation to save it',
    }),
    min: Type.Optional(Figure),
    max: Type.Optional(Figure),
    limit: Type.Optional(Figure),
    unit: Type.Optional(Type.Enum(['absolute', 'percent'])),
    threshold: Type.Optional(Figure),
    minimumHistory: Type.Optional(Figure),
    expression: Type.Optional(
      Type.String({ maxLength: 2000, description: 'cross_measure: a comparison, e.g. [HOU-04] <= [HOU-03]' }),
    ),
    message: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Said instead of the worked-out message' }),
    ),
  },
  { additionalProperties: false },
);

export const RulesBody = Type.Object(
  {
    rules: Type.Array(RuleIn, { maxItems: 50 }),
    version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'The version of the set you last read; null when the measure has never had rules',
    }),
  },
  { additionalProperties: false },
);
export type RulesBody = Static<typeof RulesBody>;

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const RulesOut = Type.Object({
  measure: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  rules: Type.Array(
    Type.Object({
      id: Type.String(),
      version: Type.Integer(),
      kind: Type.Enum([...RULE_KINDS]),
      severity: Type.Enum(['hard', 'soft']),
      min: NullableNumber,
      max: NullableNumber,
      limit: NullableNumber,
      unit: Type.Union([Type.Enum(['absolute', 'percent']), Type.Null()]),
      threshold: NullableNumber,
      minimumHistory: NullableNumber,
      expression: Type.String(),
      message: Type.String(),
      summary: Type.String(),
      updatedAt: Type.String(),
      updatedBy: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
