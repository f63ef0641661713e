// The JSON API's shapes for targets and periods.
import { type Static, Type } from 'typebox';
import { frequencies } from './measures.labels.ts';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const Tolerance = Type.Object({
  kind: Type.Enum(['absolute', 'percent']),
  amount: Type.Number({ minimum: 0, description: "In the measure's unit, or a percentage of the target" }),
});

export const TargetOut = Type.Object({
  period: Type.String(),
  label: Type.String(),
  start: Type.String(),
  end: Type.String(),
  value: NullableNumber,
  low: NullableNumber,
  high: NullableNumber,
  tolerance: Type.Union([Tolerance, Type.Null()]),
  source: Type.Enum(['set', 'profile']),
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});

export const TargetList = Type.Object({ measure: Type.String(), targets: Type.Array(TargetOut) });

export const TargetBody = Type.Object({
  value: Type.Optional(NullableNumber),
  low: Type.Optional(NullableNumber),
  high: Type.Optional(NullableNumber),
  tolerance: Type.Optional(Type.Union([Tolerance, Type.Null()])),
  version: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: "The target's version you last read; leave out for a period with no target yet",
    }),
  ),
});
export type TargetBody = Static<typeof TargetBody>;

export const TargetParams = Type.Object({
  code: Type.String({ maxLength: 40 }),
  period: Type.String({ maxLength: 20 }),
});
export type TargetParams = Static<typeof TargetParams>;

export const PeriodOut = Type.Object({
  key: Type.String({ description: 'The canonical key: 2025-26, 2025-26-Q2, 2025-10, AY2025-26 or 2025' }),
  label: Type.String(),
  kind: Type.Enum(['financial_year', 'quarter', 'month', 'academic_year', 'calendar_year']),
  start: Type.String({ description: 'First day, YYYY-MM-DD' }),
  end: Type.String({ description: 'Last day, inclusive' }),
});
export type PeriodOut = Static<typeof PeriodOut>;

export const PeriodDetail = Type.Object({
  ...PeriodOut.properties,
  previous: Type.Union([Type.String(), Type.Null()]),
  next: Type.Union([Type.String(), Type.Null()]),
  samePeriodLastYear: Type.Union([Type.String(), Type.Null()]),
});
export type PeriodDetail = Static<typeof PeriodDetail>;

export const PeriodListQuery = Type.Object({
  frequency: Type.Optional(Type.Enum([...frequencies])),
  from: Type.String({ maxLength: 20, description: 'First period key, e.g. 2025-04' }),
  to: Type.String({ maxLength: 20, description: 'Last period key, same kind as from' }),
});
export type PeriodListQuery = Static<typeof PeriodListQuery>;

export const PeriodList = Type.Object({ periods: Type.Array(PeriodOut) });
export const PeriodParams = Type.Object({ key: Type.String({ maxLength: 20 }) });
export type PeriodParams = Static<typeof PeriodParams>;
