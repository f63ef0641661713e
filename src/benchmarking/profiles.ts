// Column-mapping profiles: which of a source's columns hold the metric, area, period and figures, how its areas are
// identified and which words give a metric's polarity. The shipped ones load the published files unchanged.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { BenchmarkPolarity } from '../db/schema.ts';
import { ValidationError } from '../web/errors.ts';

const Column = Type.String({ minLength: 1, maxLength: 200 });

export const ProfileDefinition = Type.Object(
  {
    description: Type.String(),
    columns: Type.Object(
      {
        /** Several columns are joined with ' | ': LG Inform has no code, its indicator and measure make one. */
        metric: Type.Array(Column, { minItems: 1 }),
        areaCode: Type.Optional(Column),
        areaName: Column,
        period: Column,
        value: Column,
        numerator: Type.Optional(Column),
        denominator: Type.Optional(Column),
        metricTitle: Type.Optional(Column),
        unit: Type.Optional(Column),
        polarity: Type.Optional(Column),
      },
      { additionalProperties: false },
    ),
    /** 'gss': an ONS GSS code column; 'scottish-council-name': Scottish councils named, no code. */
    areas: Type.Union([Type.Literal('gss'), Type.Literal('scottish-council-name')]),
    /** The polarity column's words (lower case) and what each means; a word not listed leaves polarity unset. */
    polarityWords: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('goldilocks')]),
      ),
    ),
    /** What the source writes for "no figure"; '' is always one. */
    missing: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type ProfileDefinition = Static<typeof ProfileDefinition>;

export const shippedProfiles: Record<string, ProfileDefinition> = {
  'oflog-asc': {
    description: "Office for Local Government's adult social care measures (ASC_data.csv)",
    columns: {
      metric: ['Code'],
      areaCode: 'Local authority code',
      areaName: 'Local authority name',
      period: 'Financial year',
      value: 'Value',
      metricTitle: 'Measure',
      polarity: 'rank_order',
    },
    areas: 'gss',
    polarityWords: { desc: 'higher', asc: 'lower' },
    missing: ['', 'NA'],
  },
  'lgbf-annual': {
    description: "Scotland's Local Government Benchmarking Framework, annual indicator data (real terms)",
    columns: {
      metric: ['Code'],
      areaName: 'LocalAuthority',
      period: 'Year',
      value: 'LA_IndicatorReal',
      numerator: 'LA_Numerator_real',
      denominator: 'LA_Den_Real',
    },
    areas: 'scottish-council-name',
    missing: ['', 'null', 'NA'],
  },
  'lgbf-quarterly': {
    description: "Scotland's Local Government Benchmarking Framework, quarterly indicator data",
    columns: {
      metric: ['Code'],
      areaName: 'LocalAuthority',
      period: 'Period',
      value: 'Value',
      numerator: 'Numerator',
      denominator: 'Denominator',
    },
    areas: 'scottish-council-name',
    missing: ['', 'null', 'NA'],
  },
  'lg-inform-long': {
    description: 'LG Inform long extracts: area_code, area_name, period, indicator, measure, unit, value',
    columns: {
      metric: ['indicator', 'measure'],
      areaCode: 'area_code',
      areaName: 'area_name',
      period: 'period',
      value: 'value',
      metricTitle: 'indicator',
      unit: 'measure',
    },
    areas: 'gss',
    missing: ['', 'NA'],
  },
};

/** A stored definition checked at the edge: a hand-edited profile that does not fit is named, not half-used. */
export function readProfileDefinition(name: string, stored: unknown): ProfileDefinition {
  if (Value.Check(ProfileDefinition, stored)) return stored;
  const first = Value.Errors(ProfileDefinition, stored)[0];
  throw ValidationError.field(
    'profile',
    `the profile '${name}' is not a valid column mapping${first ? ` (${first.instancePath || '/'}: ${first.message})` : ''}`,
  );
}

/** Where each mapped field sits in the file's header row. */
export interface ColumnPositions {
  metric: number[];
  areaCode: number | null;
  areaName: number;
  period: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  metricTitle: number | null;
  unit: number | null;
  polarity: number | null;
}

/** Finds the profile's columns in the header (a byte-order mark and surrounding spaces ignored) or names those missing. */
export function locateColumns(profile: ProfileDefinition, header: readonly string[]): ColumnPositions {
  const cleaned = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const missing: string[] = [];
  const find = (name: string): number => {
    const at = cleaned.indexOf(name);
    if (at < 0) missing.push(name);
    return at;
  };
  const optional = (name: string | undefined): number | null => (name === undefined ? null : find(name));
  const c = profile.columns;
  const positions: ColumnPositions = {
    metric: c.metric.map(find),
    areaCode: optional(c.areaCode),
    areaName: find(c.areaName),
    period: find(c.period),
    value: find(c.value),
    numerator: optional(c.numerator),
    denominator: optional(c.denominator),
    metricTitle: optional(c.metricTitle),
    unit: optional(c.unit),
    polarity: optional(c.polarity),
  };
  if (missing.length > 0) {
    throw new ValidationError(
      `The file's first row lacks ${missing.length === 1 ? 'a column' : 'columns'} the profile needs`,
      [...new Set(missing)].map((name) => ({
        field: `row 1, column ${name}`,
        message: `no column '${name}' in the header row`,
      })),
    );
  }
  return positions;
}

export function polarityFromWord(profile: ProfileDefinition, word: string): BenchmarkPolarity | null {
  return profile.polarityWords?.[word.trim().toLowerCase()] ?? null;
}
