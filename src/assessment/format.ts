// Formats a measure's value for people, in UK style, with its unit, so every page, paper and export
// prints the same figure the same way.

export type Unit =
  'percent' | 'count' | 'days' | 'gbp' | 'rate_per_10000' | 'rate_per_100000' | 'number' | 'score' | 'weeks';

/** Shown where there is no figure; a dash reads as "nothing reported", unlike 0. */
export const NO_VALUE = '—';

/** Ratio measures store the scaled figure (67.3 for 67.3%), so roll-ups rebuild it with this multiplier. */
export function unitMultiplier(unit: Unit): number {
  switch (unit) {
    case 'percent':
      return 100;
    case 'rate_per_10000':
      return 10_000;
    case 'rate_per_100000':
      return 100_000;
    default:
      return 1;
  }
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, currency: boolean): Intl.NumberFormat {
  const key = `${decimals}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      ...(currency ? { style: 'currency', currency: 'GBP' } : {}),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatValue(value: number | null | undefined, unit: Unit, decimals: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_VALUE;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`decimal places must be a whole number from 0 to 10, got ${decimals}`);
  }
  // A small negative that rounds to zero would otherwise print as "-0.0".
  const shown = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  if (unit === 'gbp') return formatter(decimals, true).format(shown);
  const n = formatter(decimals, false).format(shown);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'days':
      return `${n} ${n === '1' ? 'day' : 'days'}`;
    case 'weeks':
      return `${n} ${n === '1' ? 'week' : 'weeks'}`;
    case 'rate_per_10000':
      return `${n} per 10,000`;
    case 'rate_per_100000':
      return `${n} per 100,000`;
    case 'count':
    case 'number':
    case 'score':
      return n;
  }
}
