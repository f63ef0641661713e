// Words and symbols for judgements, shared by the overview, the measure page partial and data entry, so a
// verdict is always text plus symbol and never colour alone.
import {
  periodLabel,
  ragLabel,
  ragSymbol,
  tryParsePeriod,
  type Direction,
  type Rag,
} from '../assessment/index.ts';

export interface RagBadge {
  rag: Rag;
  label: string;
  symbol: string;
}

export function ragBadge(rag: Rag): RagBadge {
  return { rag, label: ragLabel(rag), symbol: ragSymbol(rag) };
}

export interface DirectionBadge {
  judgement: Direction;
  /** The judgement in words: the part that carries the meaning. */
  text: string;
  /** Which way the figure moved (↑ rose, ↓ fell, → unchanged); a dash when there is nothing to compare. */
  arrow: string;
  /** The movement in words for screen readers, since the arrow itself is hidden from them. */
  movement: string;
}

const DIRECTION_WORDS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  no_change: 'No change',
  not_comparable: 'Not comparable',
};

export function directionBadge(
  judgement: Direction,
  current: number | null,
  comparator: number | null,
): DirectionBadge {
  const words = DIRECTION_WORDS[judgement];
  if (current == null || comparator == null) return { judgement, text: words, arrow: '–', movement: '' };
  const [arrow, movement] =
    current > comparator ? ['↑', 'rose'] : current < comparator ? ['↓', 'fell'] : ['→', 'unchanged'];
  // A demand measure, or a year-to-date figure against last month, moved but is neither better nor worse.
  const text =
    judgement === 'not_comparable'
      ? `${movement.charAt(0).toUpperCase()}${movement.slice(1)} (not judged)`
      : words;
  return { judgement, text, arrow, movement };
}

export function labelOfPeriod(key: string | null): string {
  if (!key) return '';
  const period = tryParsePeriod(key);
  return period ? periodLabel(period) : key;
}

/** A short period label for chart axes: "Sep 2025", "Q2 2025/26". */
export function shortPeriodLabel(key: string): string {
  const period = tryParsePeriod(key);
  if (!period) return key;
  if (period.kind === 'month') return `${periodLabel(period).slice(0, 3)} ${period.year}`;
  return periodLabel(period);
}
