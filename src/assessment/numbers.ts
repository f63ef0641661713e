// Shared numeric care for the assessment functions: one notion of "a usable number" and of "equal",
// so that 0.1 + 0.2 and 0.3 get the same verdict in RAG, direction of travel and roll-ups.

const DECIMAL_PLACES = 10;
const SCALE = 10 ** DECIMAL_PLACES;

/** Rounds to 10 decimal places: far finer than any published figure, coarse enough to hide binary noise. */
export function round10(x: number): number {
  const rounded = Math.round(x * SCALE) / SCALE;
  // Keep a negative zero from printing as "-0" further down the line.
  return rounded === 0 ? 0 : rounded;
}

/** A figure we can judge: present and finite (NaN and Infinity come only from broken sources). */
export function isFiniteNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
