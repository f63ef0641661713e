// Checks a measure as a person or client described it, naming each field that is wrong and why, and fills in
// the defaults. Pure: references to services, outcomes and people are checked against the database elsewhere.
import type { FieldProblem } from '../web/errors.ts';
import {
  accumulations,
  calculationTypes,
  frequencies,
  polarities,
  statuses,
  tags,
  units,
} from './measures.labels.ts';
import type { MeasureInput } from './measures.schema.ts';

export type CompleteMeasure = Required<MeasureInput>;

export const CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
// Schemes as their owners write them: TSM, LGINFORM, ASCOF, H-CLIC.
const SCHEME_PATTERN = /^[A-Z][A-Z0-9_-]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const defaults: Omit<CompleteMeasure, 'code' | 'title' | 'unit' | 'polarity' | 'frequency' | 'accumulation'> =
  {
    definition: '',
    calculation: '',
    calculationType: 'value',
    numeratorLabel: '',
    denominatorLabel: '',
    formula: '',
    decimals: 0,
    owner: null,
    leadService: null,
    services: [],
    outcomes: [],
    tags: [],
    externalRefs: [],
    dataSource: '',
    commonMistakes: '',
    status: 'draft',
    effectiveFrom: null,
    effectiveTo: null,
  };

function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function trimmed(value: string | undefined): string {
  return (value ?? '').trim();
}

/** The measure with defaults filled in and text trimmed, and every problem found, each naming its field. */
export function validateMeasure(input: MeasureInput): { measure: CompleteMeasure; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const measure: CompleteMeasure = {
    ...defaults,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    code: trimmed(input.code).toUpperCase(),
    title: trimmed(input.title),
    definition: trimmed(input.definition),
    calculation: trimmed(input.calculation),
    numeratorLabel: trimmed(input.numeratorLabel),
    denominatorLabel: trimmed(input.denominatorLabel),
    formula: trimmed(input.formula),
    dataSource: trimmed(input.dataSource),
    commonMistakes: trimmed(input.commonMistakes),
    owner: trimmed(input.owner ?? '') || null,
    leadService: trimmed(input.leadService ?? '') || null,
    services: [...new Set((input.services ?? []).map((s) => s.trim()).filter(Boolean))],
    outcomes: [...new Set((input.outcomes ?? []).map((s) => s.trim()).filter(Boolean))],
    tags: [...new Set(input.tags ?? [])],
    externalRefs: (input.externalRefs ?? []).map((r) => ({
      scheme: r.scheme.trim().toUpperCase(),
      ref: r.ref.trim(),
    })),
    effectiveFrom: trimmed(input.effectiveFrom ?? '') || null,
    effectiveTo: trimmed(input.effectiveTo ?? '') || null,
  } as CompleteMeasure;

  if (!measure.code) problem('code', 'Enter a code, for example HOU-07');
  else if (!CODE_PATTERN.test(measure.code) || measure.code.length > 40) {
    problem(
      'code',
      'Code must start with a capital letter and use only capitals, digits and single hyphens, for example HOU-07',
    );
  }
  if (!measure.title) problem('title', 'Enter a title');
  else if (measure.title.length > 300) problem('title', 'Title must be 300 characters or fewer');
  if (!oneOf(calculationTypes, measure.calculationType))
    problem('calculationType', 'Select how the measure is calculated');
  if (measure.calculationType === 'ratio') {
    if (!measure.numeratorLabel)
      problem('numeratorLabel', 'Enter what the numerator counts: a ratio measure needs one');
    if (!measure.denominatorLabel)
      problem('denominatorLabel', 'Enter what the denominator counts: a ratio measure needs one');
  }
  if (measure.calculationType === 'formula' && !measure.formula)
    problem('formula', 'Enter the formula: a formula measure needs one');
  if (!oneOf(units, measure.unit)) problem('unit', 'Select the unit');
  if (!Number.isInteger(measure.decimals) || measure.decimals < 0 || measure.decimals > 6) {
    problem('decimals', 'Decimal places must be a whole number from 0 to 6');
  }
  if (!oneOf(polarities, measure.polarity))
    problem('polarity', 'Select the polarity: whether higher or lower is better');
  if (!oneOf(frequencies, measure.frequency))
    problem('frequency', 'Select how often the measure is reported');
  if (!oneOf(accumulations, measure.accumulation)) problem('accumulation', 'Select how figures accumulate');
  else if (
    measure.accumulation === 'year_to_date' &&
    measure.frequency !== 'monthly' &&
    measure.frequency !== 'quarterly'
  ) {
    problem(
      'accumulation',
      'Year to date needs a monthly or quarterly frequency: an annual figure is already the whole year',
    );
  }
  for (const tag of measure.tags) {
    if (!oneOf(tags, tag)) problem('tags', `Tags: '${tag}' is not a tag; choose from ${tags.join(', ')}`);
  }
  measure.externalRefs.forEach((r, i) => {
    // A reference may name a return's item in words (H-CLIC:Prevention duty outcomes), but not start or end blank.
    if (
      !SCHEME_PATTERN.test(r.scheme) ||
      !r.ref ||
      r.ref !== r.ref.trim() ||
      /[\r\n\t]/.test(r.ref) ||
      r.ref.length > 60
    ) {
      const shown = r.ref ? `${r.scheme}:${r.ref}` : r.scheme;
      problem(
        'externalRefs',
        `External reference ${i + 1} ('${shown}') must be written SCHEME:REF, for example TSM:TP01`,
      );
    }
  });
  if (!oneOf(statuses, measure.status)) problem('status', 'Select a status: draft, active or retired');
  for (const field of ['effectiveFrom', 'effectiveTo'] as const) {
    const value = measure[field];
    const label = field === 'effectiveFrom' ? 'Effective from' : 'Effective to';
    if (value != null && !isRealDate(value))
      problem(field, `${label} must be a real date, for example 2025-04-01`);
  }
  const { effectiveFrom: from, effectiveTo: to } = measure;
  if (from && to && isRealDate(from) && isRealDate(to) && to < from) {
    problem('effectiveTo', 'Effective to must be the same as or after effective from');
  }
  return { measure, problems };
}
