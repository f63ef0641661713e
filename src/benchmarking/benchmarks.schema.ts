// The benchmarks API's contract in TypeBox: validation, types and the OpenAPI entries from one place.
import { Type, type Static, type TSchema } from 'typebox';

export const CompareQuery = Type.Object({
  dataset: Type.String({ minLength: 1, maxLength: 200, description: 'The dataset id (or name)' }),
  metric: Type.String({
    minLength: 1,
    maxLength: 500,
    description: "The metric's code as its source writes it, e.g. ASC1 or CORP 09",
  }),
  period: Type.String({
    minLength: 1,
    maxLength: 20,
    description:
      'A period key (2018-19-Q1, 2016-17, 2018) or as the source writes it (2018-19;Q1, 2022/23 Q3)',
    examples: ['2016-17'],
  }),
  group: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'A peer group name; omitted: every authority in the dataset',
    }),
  ),
});
export type CompareQuery = Static<typeof CompareQuery>;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ComparisonResponse = Type.Object({
  metric: Type.String(),
  period: Type.String(),
  group: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  median: Nullable(Type.Number()),
  mean: Nullable(Type.Number()),
  rows: Type.Array(
    Type.Object({
      area: Type.String({ description: 'ONS GSS code' }),
      areaName: Type.String(),
      value: Type.Number(),
      rank: Nullable(
        Type.Integer({ description: '1 = best; ties share the better rank (1224); null: no polarity' }),
      ),
      quartile: Nullable(Type.Integer({ description: '1 = best quarter' })),
      percentile: Nullable(
        Type.Number({ description: 'rank ÷ count: the share ranked at or above the area' }),
      ),
    }),
  ),
});
