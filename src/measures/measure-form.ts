// Reads the measure form (strings, repeated checkboxes, day/month/year boxes, SCHEME:REF lines) into the
// input saveMeasure takes, and back again, so a re-rendered form keeps exactly what the person typed.
import type { FieldProblem } from '../web/errors.ts';
import { inputFromMeasure } from './measures.present.ts';
import type { MeasureInput, MeasureOut } from './measures.schema.ts';

export type FormBody = Record<string, string | string[] | undefined>;

export function first(body: FormBody, key: string): string {
  const value = body[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function all(body: FormBody, key: string): string[] {
  const value = body[key];
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What the form shows: every field as the person typed or chose it. */
export interface MeasureFormValues {
  code: string;
  title: string;
  definition: string;
  calculation: string;
  calculationType: string;
  numeratorLabel: string;
  denominatorLabel: string;
  formula: string;
  unit: string;
  decimals: string;
  polarity: string;
  frequency: string;
  accumulation: string;
  owner: string;
  leadService: string;
  services: string[];
  outcomes: string[];
  tags: string[];
  externalRefs: string;
  dataSource: string;
  commonMistakes: string;
  status: string;
  effectiveFrom: DateParts;
  effectiveTo: DateParts;
  note: string;
  version: string;
}

const textFields = [
  'code',
  'title',
  'definition',
  'calculation',
  'calculationType',
  'numeratorLabel',
  'denominatorLabel',
  'formula',
  'unit',
  'decimals',
  'polarity',
  'frequency',
  'accumulation',
  'owner',
  'leadService',
  'externalRefs',
  'dataSource',
  'commonMistakes',
  'status',
  'note',
  'version',
] as const;

export function readMeasureForm(body: FormBody): MeasureFormValues {
  const text = Object.fromEntries(textFields.map((f) => [f, first(body, f)])) as Record<
    (typeof textFields)[number],
    string
  >;
  const date = (name: string): DateParts => ({
    day: first(body, `${name}-day`).trim(),
    month: first(body, `${name}-month`).trim(),
    year: first(body, `${name}-year`).trim(),
  });
  return {
    ...text,
    services: all(body, 'services'),
    outcomes: all(body, 'outcomes'),
    tags: all(body, 'tags'),
    effectiveFrom: date('effectiveFrom'),
    effectiveTo: date('effectiveTo'),
  };
}

/** Blank boxes are no date; anything else becomes YYYY-MM-DD for the validator to accept or name. */
function isoFromParts(parts: DateParts): string | null {
  if (!parts.day && !parts.month && !parts.year) return null;
  const pad = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function partsFromIso(iso: string | null): DateParts {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

/** One reference a line; a line without a colon is kept whole so the validator can quote it back. */
function refsFromLines(text: string): { scheme: string; ref: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { scheme: line, ref: '' } : { scheme: line.slice(0, at), ref: line.slice(at + 1) };
    });
}

export function measureInputFromForm(v: MeasureFormValues): MeasureInput {
  const decimals = v.decimals.trim();
  return {
    code: v.code,
    title: v.title,
    definition: v.definition,
    calculation: v.calculation,
    calculationType: v.calculationType as MeasureInput['calculationType'],
    numeratorLabel: v.numeratorLabel,
    denominatorLabel: v.denominatorLabel,
    formula: v.formula,
    unit: v.unit as MeasureInput['unit'],
    decimals: /^\d+$/.test(decimals) ? Number(decimals) : Number.NaN,
    polarity: v.polarity as MeasureInput['polarity'],
    frequency: v.frequency as MeasureInput['frequency'],
    accumulation: v.accumulation as MeasureInput['accumulation'],
    owner: v.owner || null,
    leadService: v.leadService || null,
    services: v.services,
    outcomes: v.outcomes,
    tags: v.tags as MeasureInput['tags'],
    externalRefs: refsFromLines(v.externalRefs),
    dataSource: v.dataSource,
    commonMistakes: v.commonMistakes,
    status: v.status as MeasureInput['status'],
    effectiveFrom: isoFromParts(v.effectiveFrom),
    effectiveTo: isoFromParts(v.effectiveTo),
  };
}

/** The form filled in from a saved measure: the input that would recreate it, written as the form shows it. */
export function formValuesFromMeasure(m: MeasureOut): MeasureFormValues {
  const input = inputFromMeasure(m);
  return {
    ...input,
    decimals: String(input.decimals),
    owner: input.owner ?? '',
    leadService: input.leadService ?? '',
    externalRefs: input.externalRefs.map((r) => `${r.scheme}:${r.ref}`).join('\n'),
    effectiveFrom: partsFromIso(input.effectiveFrom),
    effectiveTo: partsFromIso(input.effectiveTo),
    note: '',
    version: String(m.version),
  };
}

export const blankMeasureForm: MeasureFormValues = {
  ...readMeasureForm({}),
  calculationType: 'value',
  decimals: '0',
  status: 'draft',
};

const dateFields = new Set(['effectiveFrom', 'effectiveTo']);

/** The error summary's links and each field's own message; date errors point at the day box. */
export function errorsForForm(problems: FieldProblem[]): {
  errors: { href: string; text: string }[];
  errorFor: Record<string, string>;
} {
  const errorFor: Record<string, string> = {};
  for (const p of problems) errorFor[p.field] ??= p.message;
  return {
    errors: problems.map((p) => ({
      href: `#${p.field}${dateFields.has(p.field) ? '-day' : ''}`,
      text: p.message,
    })),
    errorFor,
  };
}
