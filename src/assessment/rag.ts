// Judges a figure against its target and tolerance (red, amber, green), respecting the measure's polarity.
// RAG is one verdict among several: reports show it beside direction of travel and SPC, never alone.

import { isFiniteNumber, round10 } from './numbers.ts';

/** up: higher is better; down: lower is better; range: inside [low, high] is best; none: demand or context. */
export type Polarity = 'up' | 'down' | 'range' | 'none';

/** `percent` is a percentage of the target's absolute value (of the nearer bound, for a range). */
export interface Tolerance {
  readonly kind: 'absolute' | 'percent';
  readonly amount: number;
}

export interface Target {
  readonly value: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
  readonly tolerance?: Tolerance | null;
}

export type Rag = 'green' | 'amber' | 'red' | 'not_rated' | 'no_data';

export interface RagInput {
  readonly value: number | null | undefined;
  readonly target: Target | null | undefined;
  readonly polarity: Polarity;
}

/**
 * Meeting the target exactly is green; missing it by no more than the tolerance is amber (the boundary
 * itself is amber); beyond that is red. Without a tolerance there is no amber.
 */
export function rag({ value, target, polarity }: RagInput): Rag {
  if (!isFiniteNumber(value)) return 'no_data';
  if (polarity === 'none' || !target) return 'not_rated';
  if (polarity === 'range') return rangeRag(value, target);
  if (!isFiniteNumber(target.value)) return 'not_rated';
  // Measure the shortfall in the direction that is worse, so up and down share one rule.
  const shortfall = polarity === 'up' ? target.value - value : value - target.value;
  return judge(shortfall, toleranceAmount(target.tolerance, target.value));
}

function rangeRag(value: number, target: Target): Rag {
  const { low, high } = target;
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) return 'not_rated';
  if (low > high) throw new RangeError(`a target range must have low ≤ high, got ${low} to ${high}`);
  // Outside the range, the nearer bound is the one crossed, and the tolerance is measured from it.
  if (round10(value) < round10(low)) return judge(low - value, toleranceAmount(target.tolerance, low));
  if (round10(value) > round10(high)) return judge(value - high, toleranceAmount(target.tolerance, high));
  return 'green';
}

function judge(shortfall: number, tolerance: number): Rag {
  const miss = round10(shortfall);
  if (miss <= 0) return 'green';
  return miss <= round10(tolerance) ? 'amber' : 'red';
}

/** A percent tolerance of a zero target is zero: there is nothing to take a percentage of. */
function toleranceAmount(tolerance: Tolerance | null | undefined, reference: number): number {
  if (!tolerance) return 0;
  const { kind, amount } = tolerance;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`a tolerance must be zero or more, got ${amount}`);
  }
  return kind === 'absolute' ? amount : (Math.abs(reference) * amount) / 100;
}

const LABELS: Record<Rag, string> = {
  green: 'On target',
  amber: 'Within tolerance',
  red: 'Off target',
  not_rated: 'Not rated',
  no_data: 'No data',
};

/** Shown beside the symbol, so the verdict never depends on colour alone (WCAG 1.4.1). */
export function ragLabel(r: Rag): string {
  return LABELS[r];
}

const SYMBOLS: Record<Rag, string> = {
  green: '✓',
  amber: '!',
  red: '✕',
  not_rated: '–',
  no_data: '?',
};

export function ragSymbol(r: Rag): string {
  return SYMBOLS[r];
}
