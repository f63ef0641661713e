// What changed between two recorded versions of a measure, field by field, in words a reader can scan.
const fieldLabels: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  definition: 'Definition',
  calculation: 'Calculation',
  calculationType: 'Calculation type',
  numeratorLabel: 'Numerator',
  denominatorLabel: 'Denominator',
  formula: 'Formula',
  unit: 'Unit',
  decimals: 'Decimal places',
  polarity: 'Polarity',
  frequency: 'Frequency',
  accumulation: 'Accumulation',
  owner: 'Owner',
  leadService: 'Lead service',
  services: 'Services',
  outcomes: 'Outcomes',
  tags: 'Tags',
  externalRefs: 'External references',
  dataSource: 'Data source',
  commonMistakes: 'Common mistakes',
  status: 'Status',
  effectiveFrom: 'Effective from',
  effectiveTo: 'Effective to',
};

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Snapshot values are strings, numbers, {code,name}-like objects or lists of them; this prints any of those. */
export function describeValue(value: unknown): string {
  if (value == null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(', ') : '(none)';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.scheme === 'string' && typeof o.ref === 'string') return `${o.scheme}:${o.ref}`;
    if (typeof o.code === 'string') return o.code;
    if (typeof o.email === 'string') return typeof o.name === 'string' ? `${o.name} (${o.email})` : o.email;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Fields in the order people read them; fields unknown to this version of the app come last. */
export function diffSnapshots(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const known = Object.keys(fieldLabels);
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !known.includes(k))
    .sort();
  return [...known, ...extra]
    .map((field) => ({
      field,
      label: fieldLabels[field] ?? field,
      before: describeValue(before[field]),
      after: describeValue(after[field]),
    }))
    .filter((change) => change.before !== change.after);
}
