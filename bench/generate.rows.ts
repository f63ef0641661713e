// The rows the benchmark council is loaded with, as COPY-ready tuples produced lazily, and the columns they fill.
import type { CopyValue } from './copy.ts';
import { textArray } from './copy.ts';
import { targetRows, valueRows, type MonthSpan, type SyntheticMeasure } from './synthetic.ts';

function serviceId(serviceIds: readonly string[], index: number): string {
  const id = serviceIds[index];
  if (id === undefined) throw new RangeError(`no service at index ${index}`);
  return id;
}

export function* measureRows(
  councilId: string,
  measures: readonly SyntheticMeasure[],
  serviceIds: readonly string[],
) {
  for (const m of measures) {
    const ratio = m.calculationType === 'ratio';
    yield [
      councilId,
      m.code,
      m.title,
      `How many ${m.title.toLowerCase()}, each month.`,
      ratio ? 'Numerator divided by denominator, as a percentage.' : 'Counted from the service system.',
      m.calculationType,
      ratio ? 'Cases meeting the standard' : '',
      ratio ? 'All cases' : '',
      m.unit,
      m.decimals,
      m.polarity,
      'monthly',
      m.accumulation,
      serviceId(serviceIds, m.services[0] ?? 0),
      textArray(m.tags),
      'Synthetic benchmark data',
      'active',
    ] satisfies CopyValue[];
  }
}

export function* measureServiceRows(
  councilId: string,
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  serviceIds: readonly string[],
) {
  for (const m of measures) {
    for (const s of m.services)
      yield [councilId, measureId(ids, m), serviceId(serviceIds, s)] satisfies CopyValue[];
  }
}

/** Month by month across all measures, the order a council's figures really arrive in, so the table's
 * physical layout (and so the scorecard's page reads) looks like a live database's, not a bulk import's. */
export function* dataValueRows(
  councilId: string,
  seed: number,
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  months: readonly MonthSpan[],
) {
  const series = measures.map((m) => ({ id: measureId(ids, m), rows: valueRows(seed, m, months) }));
  for (let t = 0; t < months.length; t++) {
    for (const { id, rows } of series) {
      const next = rows.next();
      if (next.done) throw new Error(`measure ${id} ran out of months`);
      const v = next.value;
      yield [
        councilId,
        id,
        v.period.key,
        v.period.start,
        v.period.end,
        v.value,
        v.numerator,
        v.denominator,
        v.commentary,
        v.status,
        v.publishedAt,
        'import',
        'benchmark',
      ] satisfies CopyValue[];
    }
  }
}

export function* targetCopyRows(
  councilId: string,
  measures: readonly SyntheticMeasure[],
  ids: ReadonlyMap<string, string>,
  months: readonly MonthSpan[],
) {
  for (const m of measures) {
    const id = measureId(ids, m);
    for (const t of targetRows(m, months)) {
      yield [
        councilId,
        id,
        t.period.key,
        t.period.start,
        t.period.end,
        t.value,
        t.low,
        t.high,
        m.tolerance.kind,
        m.tolerance.amount,
      ] satisfies CopyValue[];
    }
  }
}

function measureId(ids: ReadonlyMap<string, string>, m: SyntheticMeasure): string {
  const id = ids.get(m.code);
  if (id === undefined) throw new Error(`measure ${m.code} was not loaded`);
  return id;
}

export const measureColumns = [
  'council_id',
  'code',
  'title',
  'definition',
  'calculation',
  'calculation_type',
  'numerator_label',
  'denominator_label',
  'unit',
  'decimals',
  'polarity',
  'frequency',
  'accumulation',
  'lead_service_id',
  'tags',
  'data_source',
  'status',
];
export const targetColumns = [
  'council_id',
  'measure_id',
  'period',
  'period_start',
  'period_end',
  'value',
  'low',
  'high',
  'tolerance_kind',
  'tolerance',
];
export const valueColumns = [
  'council_id',
  'measure_id',
  'period',
  'period_start',
  'period_end',
  'value',
  'numerator',
  'denominator',
  'commentary',
  'status',
  'published_at',
  'source',
  'source_ref',
];
