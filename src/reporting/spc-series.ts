// Which figures a measure's SPC looks at, and how its settings become assessSpc's input: the last 36 figures, or
// every figure since its baseline began; the baseline's figures fix the first limits; recalculation points start
// new ones. The overview, the scorecard and the measure page all call this, so they always agree.
import type { SpcRequest } from '../assessment/index.ts';

export interface SeriesFigure {
  period: string;
  /** The period's first day, YYYY-MM-DD. */
  start: string;
  value: number | null;
}

export interface SeriesSettings {
  baselineStart: string | null;
  baselineTo: string | null;
  /** The first day of the baseline's last period. */
  baselineToStart: string | null;
  baselineReason: string;
  recalculations: { period: string; start: string; reason: string }[];
}

export interface PhaseBreak {
  /** Index into the window's figures where new limits start. */
  index: number;
  period: string;
  reason: string;
}

export interface SpcSeries {
  /** The figures assessed, oldest first. */
  figures: SeriesFigure[];
  request: Omit<SpcRequest, 'polarity' | 'target'>;
  breaks: PhaseBreak[];
  /** Set when the figures' limits are fixed from a baseline; says which and why. */
  baseline: { to: string; reason: string; points: number } | null;
}

/** Without a baseline SPC looks at three years of monthly figures at most; with one, at up to ten years. */
export const WINDOW_POINTS = 36;
export const BASELINE_WINDOW_POINTS = 120;

export const noSettings: SeriesSettings = {
  baselineStart: null,
  baselineTo: null,
  baselineToStart: null,
  baselineReason: '',
  recalculations: [],
};

/** `newestFirst` is the measure's judged headline figures, newest first, as the database returns them. */
export function spcSeries(newestFirst: readonly SeriesFigure[], settings: SeriesSettings): SpcSeries {
  const since = settings.baselineStart;
  const figures = (
    since == null
      ? newestFirst.slice(0, WINDOW_POINTS)
      : newestFirst.filter((f) => f.start >= since).slice(0, BASELINE_WINDOW_POINTS)
  )
    .slice()
    .reverse();
  const values = figures.map((f) => f.value);

  const breaks: PhaseBreak[] = [];
  for (const r of settings.recalculations) {
    const index = figures.findIndex((f) => f.start >= r.start);
    if (index > 0 && !breaks.some((b) => b.index === index))
      breaks.push({ index, period: r.period, reason: r.reason });
  }
  breaks.sort((a, b) => a.index - b.index);

  let baseline: SpcSeries['baseline'] = null;
  let fixAfter: number | undefined;
  const until = settings.baselineToStart;
  if (since != null && until != null && settings.baselineTo != null) {
    const firstPhaseEnd = breaks[0]?.index ?? figures.length;
    const points = figures.slice(0, firstPhaseEnd).filter((f) => f.start <= until && f.value != null).length;
    // Fewer than two figures cannot make a moving range: the limits then come from the whole first phase.
    if (points >= 2) {
      fixAfter = points;
      baseline = { to: settings.baselineTo, reason: settings.baselineReason, points };
    }
  }
  return {
    figures,
    request: {
      values,
      ...(fixAfter === undefined ? {} : { fixAfter }),
      ...(breaks.length ? { phases: breaks.map((b) => b.index) } : {}),
    },
    breaks,
    baseline,
  };
}
