// Works out one calculated figure from its inputs' figures for the same period: the value, or why there is
// none, the data-quality notes, and the status — the least advanced of its inputs', so a draft input never
// gives a figure that looks further along than it is. Pure; formula-figures.service.ts stores the result.
import { evaluateFormula, round10, type Formula } from '../assessment/index.ts';
import type { ValueStatus } from '../db/schema.ts';

export interface InputFigure {
  value: number | null;
  status: ValueStatus;
  publishedAt: Date | null;
  updatedAt: Date;
}

export type CalculatedFigure =
  /** An input has no figure for the period yet: the formula measure has none either. */
  | { kind: 'none'; missing: string[] }
  | {
      kind: 'figure';
      /** Null when it cannot be worked out (division by zero, say); `qualityFlags` says why. */
      value: number | null;
      qualityFlags: string[];
      status: ValueStatus;
      /** The latest publication among the inputs, when the figure is published. */
      publishedAt: Date | null;
      /** When the latest of its inputs changed. */
      latestInput: Date;
    };

export const STATUS_ORDER: readonly ValueStatus[] = [
  'draft',
  'submitted',
  'validated',
  'approved',
  'published',
];

/** The status furthest back in draft → submitted → validated → approved → published; draft for none. */
export function leastAdvancedStatus(statuses: readonly ValueStatus[]): ValueStatus {
  if (statuses.length === 0) return 'draft';
  return STATUS_ORDER[Math.min(...statuses.map((s) => STATUS_ORDER.indexOf(s)))] ?? 'draft';
}

const latest = (dates: Date[]): Date | null =>
  dates.reduce<Date | null>((a, b) => (a === null || b > a ? b : a), null);

/**
 * `inputs` holds the figures the inputs have for the period (a code absent has none). An input whose figure
 * exists but has no value (itself a division by zero, say) makes this figure valueless too, with the note,
 * rather than absent: the period has a figure that cannot be worked out, not one still to come.
 */
export function calculateFigure(
  formula: Formula,
  inputs: ReadonlyMap<string, InputFigure>,
): CalculatedFigure {
  const values = Object.fromEntries([...inputs].map(([code, figure]) => [code, figure.value]));
  const result = evaluateFormula(formula, values);
  const notYetIn = result.missing.filter((code) => !inputs.has(code));
  if (notYetIn.length > 0) return { kind: 'none', missing: notYetIn };
  const used = formula.inputs.flatMap((code) => inputs.get(code) ?? []);
  const status = leastAdvancedStatus(used.map((f) => f.status));
  const publishedAt =
    status === 'published' ? latest(used.flatMap((f) => (f.publishedAt ? [f.publishedAt] : []))) : null;
  return {
    kind: 'figure',
    // Stored to 10 places, as a ratio measure's value is: finer than any figure is published to.
    value: result.value === null ? null : round10(result.value),
    qualityFlags: result.value === null ? result.notes : [],
    status,
    publishedAt,
    latestInput: latest(used.map((f) => f.updatedAt)) ?? new Date(0),
  };
}
