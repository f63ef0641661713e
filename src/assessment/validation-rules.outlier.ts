// The robust outlier score behind the outlier rule: Iglewicz and Hoaglin's modified z-score, from the median and
// the median absolute deviation (MAD), so one wild figure in the history cannot hide the next one.

/** 0.6745 is the MAD of a standard normal distribution: it puts the score on the scale of an ordinary z-score. */
const MAD_SCALE = 0.6745;
/** With MAD = 0, the mean absolute deviation stands in; 0.7979 (√(2/π)) puts it on the same scale. */
const MEAN_AD_SCALE = 0.7979;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('the median of no figures is undefined');
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export interface OutlierScore {
  readonly score: number;
  readonly median: number;
  /** mad: the usual case; mean: MAD was 0 (over half the figures equal); none: every figure equal. */
  readonly spread: 'mad' | 'mean' | 'none';
}

/**
 * 0.6745 × (x − median) / MAD. When more than half the history is one figure MAD is 0, so the mean absolute
 * deviation stands in (as IBM's SPSS does); when every figure is equal, any other figure scores ±Infinity and the
 * same figure scores 0.
 */
export function modifiedZScore(x: number, history: readonly number[]): OutlierScore {
  const m = median(history);
  const deviations = history.map((h) => Math.abs(h - m));
  const mad = median(deviations);
  if (mad > 0) return { score: (MAD_SCALE * (x - m)) / mad, median: m, spread: 'mad' };
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  if (meanAd > 0) return { score: (MEAN_AD_SCALE * (x - m)) / meanAd, median: m, spread: 'mean' };
  return { score: x === m ? 0 : Math.sign(x - m) * Infinity, median: m, spread: 'none' };
}
