// The JSON API's shapes for measures: one TypeBox schema gives request validation, the TypeScript type and
// the OpenAPI document.
import { type Static, Type } from 'typebox';
import {
  accumulations,
  calculationTypes,
  frequencies,
  polarities,
  statuses,
  tags,
  units,
} from './measures.labels.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ExternalRefSchema = Type.Object({
  scheme: Type.String({ description: 'The scheme, in capitals: TSM, LGINFORM, RETURN…' }),
  ref: Type.String({ description: 'The reference within the scheme, e.g. TP01' }),
});

const measureFields = {
  code: Type.String({ maxLength: 40, description: 'Capitals, digits and hyphens, e.g. HOU-07' }),
  title: Type.String({ maxLength: 300 }),
  definition: Type.String({ maxLength: 4000 }),
  calculation: Type.String({ maxLength: 4000 }),
  calculationType: Type.Enum([...calculationTypes]),
  numeratorLabel: Type.String({ maxLength: 200 }),
  denominatorLabel: Type.String({ maxLength: 200 }),
  formula: Type.String({ maxLength: 1000 }),
  unit: Type.Enum([...units]),
  decimals: Type.Integer({ minimum: 0, maximum: 6 }),
  polarity: Type.Enum([...polarities]),
  frequency: Type.Enum([...frequencies]),
  accumulation: Type.Enum([...accumulations]),
  owner: Nullable(Type.String({ description: "The owner's e-mail address" })),
  leadService: Nullable(Type.String({ description: 'Service code' })),
  services: Type.Array(Type.String(), { description: 'Service codes' }),
  outcomes: Type.Array(Type.String(), { description: 'Outcome codes' }),
  tags: Type.Array(Type.Enum([...tags])),
  externalRefs: Type.Array(ExternalRefSchema),
  dataSource: Type.String({ maxLength: 1000 }),
  commonMistakes: Type.String({ maxLength: 4000 }),
  status: Type.Enum([...statuses]),
  effectiveFrom: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  effectiveTo: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
};

const MeasureFields = Type.Object(measureFields);
/** The names of a measure's own fields, in the order the API document lists them. */
export const measureFieldNames = Object.keys(measureFields) as (keyof typeof measureFields)[];

const note = Type.String({
  maxLength: 500,
  description: 'Why the change was made, kept in the version history',
});
/** Every field a person or a client may set; all optional here so one validator can name each missing one. */
export type MeasureInput = Partial<Static<typeof MeasureFields>>;

/** A new measure: the fields without a sensible default are required, the rest take their defaults. */
export const CreateMeasureBody = Type.Object({
  ...Type.Partial(MeasureFields).properties,
  code: measureFields.code,
  title: measureFields.title,
  unit: measureFields.unit,
  polarity: measureFields.polarity,
  frequency: measureFields.frequency,
  accumulation: measureFields.accumulation,
  note: Type.Optional(note),
});
export type CreateMeasureBody = Static<typeof CreateMeasureBody>;

/** Fields left out keep their current values; `version` is the one the client last read. */
export const UpdateMeasureBody = Type.Object({
  ...Type.Partial(MeasureFields).properties,
  note: Type.Optional(note),
  version: Type.Integer({ minimum: 1, description: 'The version you last read; a stale one answers 409' }),
});
export type UpdateMeasureBody = Static<typeof UpdateMeasureBody>;

export const MeasureCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export type MeasureCodeParams = Static<typeof MeasureCodeParams>;

export const MeasureListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words, a code prefix (HOU-0) or part of a title' }),
  ),
  tag: Type.Optional(Type.Enum([...tags])),
  status: Type.Optional(Type.Enum([...statuses])),
});
export type MeasureListQuery = Static<typeof MeasureListQuery>;

const ServiceRef = Type.Object({ code: Type.String(), name: Type.String() });

export const MeasureSummary = Type.Object({
  code: Type.String(),
  title: Type.String(),
  unit: Type.Enum([...units]),
  decimals: Type.Integer(),
  polarity: Type.Enum([...polarities]),
  frequency: Type.Enum([...frequencies]),
  status: Type.Enum([...statuses]),
  tags: Type.Array(Type.String()),
  leadService: Nullable(ServiceRef),
});
export type MeasureSummary = Static<typeof MeasureSummary>;

export const MeasureList = Type.Object({ count: Type.Integer(), measures: Type.Array(MeasureSummary) });

export const MeasureOut = Type.Object({
  code: Type.String(),
  title: Type.String(),
  definition: Type.String(),
  calculation: Type.String(),
  calculationType: Type.Enum([...calculationTypes]),
  numeratorLabel: Type.String(),
  denominatorLabel: Type.String(),
  formula: Type.String(),
  unit: Type.Enum([...units]),
  decimals: Type.Integer(),
  polarity: Type.Enum([...polarities]),
  frequency: Type.Enum([...frequencies]),
  accumulation: Type.Enum([...accumulations]),
  owner: Nullable(Type.Object({ email: Type.String(), name: Type.String() })),
  leadService: Nullable(ServiceRef),
  services: Type.Array(ServiceRef),
  outcomes: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      priority: Type.Object({ code: Type.String(), title: Type.String() }),
    }),
  ),
  tags: Type.Array(Type.String()),
  externalRefs: Type.Array(ExternalRefSchema),
  dataSource: Type.String(),
  commonMistakes: Type.String(),
  status: Type.Enum([...statuses]),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String({ description: 'ISO 8601' }),
  updatedBy: Nullable(Type.String()),
});
export type MeasureOut = Static<typeof MeasureOut>;
