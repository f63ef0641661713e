// Maps measure rows to the shapes the API and pages show, so the JSON contract stays put when a column moves.
import type { MeasureDetailRow, MeasureListRow } from './measures.queries.ts';
import type { MeasureInput, MeasureOut, MeasureSummary } from './measures.schema.ts';

export function presentMeasure(row: MeasureDetailRow): MeasureOut {
  return {
    code: row.code,
    title: row.title,
    definition: row.definition,
    calculation: row.calculation,
    calculationType: row.calculation_type,
    numeratorLabel: row.numerator_label,
    denominatorLabel: row.denominator_label,
    formula: row.formula,
    unit: row.unit,
    decimals: row.decimals,
    polarity: row.polarity,
    frequency: row.frequency,
    accumulation: row.accumulation,
    owner: row.owner_email ? { email: row.owner_email, name: row.owner_name ?? row.owner_email } : null,
    leadService: row.lead_service_code
      ? { code: row.lead_service_code, name: row.lead_service_name ?? '' }
      : null,
    services: row.services,
    outcomes: row.outcomes.map((o) => ({
      code: o.code,
      title: o.title,
      priority: { code: o.priorityCode, title: o.priorityTitle },
    })),
    tags: row.tags,
    externalRefs: row.external_refs,
    dataSource: row.data_source,
    commonMistakes: row.common_mistakes,
    status: row.status,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by_name,
  };
}

export function presentMeasureSummary(row: MeasureListRow): MeasureSummary {
  return {
    code: row.code,
    title: row.title,
    unit: row.unit,
    decimals: row.decimals,
    polarity: row.polarity,
    frequency: row.frequency,
    status: row.status,
    tags: row.tags,
    leadService: row.lead_service_code
      ? { code: row.lead_service_code, name: row.lead_service_name ?? '' }
      : null,
  };
}

/** The record as it stands after a change, kept in measure_versions: everything but the version bookkeeping. */
export function snapshotOf(measure: MeasureOut): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...record } = measure;
  return record;
}

/** The measure as the input that would recreate it: the starting point for an edit. */
export function inputFromMeasure(m: MeasureOut): Required<MeasureInput> {
  return {
    code: m.code,
    title: m.title,
    definition: m.definition,
    calculation: m.calculation,
    calculationType: m.calculationType,
    numeratorLabel: m.numeratorLabel,
    denominatorLabel: m.denominatorLabel,
    formula: m.formula,
    unit: m.unit,
    decimals: m.decimals,
    polarity: m.polarity,
    frequency: m.frequency,
    accumulation: m.accumulation,
    owner: m.owner?.email ?? null,
    leadService: m.leadService?.code ?? null,
    services: m.services.map((s) => s.code),
    outcomes: m.outcomes.map((o) => o.code),
    tags: m.tags as Required<MeasureInput>['tags'],
    externalRefs: m.externalRefs,
    dataSource: m.dataSource,
    commonMistakes: m.commonMistakes,
    status: m.status,
    effectiveFrom: m.effectiveFrom,
    effectiveTo: m.effectiveTo,
  };
}
