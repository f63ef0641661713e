// Short service-manager commentary for demo figures: one sentence on the figure against its target or the
// last period, and one on why, from the measure's own notes or its directorate's usual explanations.
import {
  directionOfTravel,
  formatValue,
  periodStart,
  rag,
  type Period,
  type Rag,
} from '../assessment/index.ts';
import { calendarMonths } from './calendar.ts';
import { bankFor } from './commentary-banks.ts';
import type { MeasureDef, Note } from './measures.ts';
import type { Random } from './random.ts';
import type { SeriesPoint, TargetPoint } from './series.ts';

export interface CommentaryInput {
  def: MeasureDef;
  directorate: string;
  /** Explanations used in the last few periods, not to be repeated straight away. */
  recent: string[];
  point: SeriesPoint;
  previous: SeriesPoint | null;
  target: TargetPoint | null;
  random: Random;
}

function noun(def: MeasureDef): string {
  const nouns = { monthly: 'month', quarterly: 'quarter', annual: 'year', academic_year: 'academic year' };
  return nouns[def.shape.freq];
}

export function verdictOf(def: MeasureDef, point: SeriesPoint, target: TargetPoint | null): Rag {
  if (!target) return 'not_rated';
  const tolerance =
    target.toleranceKind && target.tolerance !== null
      ? { kind: target.toleranceKind, amount: target.tolerance }
      : null;
  return rag({
    value: point.value,
    target: { value: target.value, low: target.low, high: target.high, tolerance },
    polarity: def.shape.polarity,
  });
}

export function commentaryFor(input: CommentaryInput): { text: string; reason: string } {
  const { def, directorate, recent, point, previous, target, random } = input;
  const { unit, dp, polarity } = def.shape;
  const fmt = (x: number) => formatValue(x, unit, dp);
  const verdict = verdictOf(def, point, target);
  const direction = directionOfTravel({
    current: point.value,
    comparator: previous?.value,
    polarity,
    range: target,
  });
  const moved =
    previous === null || direction.change === null
      ? ''
      : direction.change === 'same'
        ? `, the same as last ${noun(def)}`
        : `, ${direction.change} from ${fmt(previous.value)} last ${noun(def)}`;

  let first: string;
  if (target && target.low !== null && target.high !== null) {
    first = `${fmt(point.value)} against a range of ${fmt(target.low)} to ${fmt(target.high)}${moved}.`;
  } else if (target && target.value !== null) {
    const against =
      verdict === 'green'
        ? `meeting the target of ${fmt(target.value)}`
        : verdict === 'amber'
          ? `just short of the ${fmt(target.value)} target but within tolerance`
          : `against a target of ${fmt(target.value)}`;
    first = `${fmt(point.value)}, ${against}${moved ? ` (${moved.slice(2)})` : ''}.`;
  } else {
    first = `${fmt(point.value)} this ${noun(def)}${moved}.`;
  }

  const bank = bankFor(def.links.lead, directorate);
  const fresh = (xs: string[]) => {
    const unused = xs.filter((x) => !recent.includes(x));
    return unused.length > 0 ? unused : xs;
  };
  const notes = (def.model.notes ?? [])
    .flatMap((n) => applicable(n, point.period))
    .filter((n) => !recent.includes(n));
  let reason: string;
  if (notes.length > 0 && random.next() < 0.6) {
    reason = random.pick(notes);
  } else if (polarity === 'none') {
    reason = random.pick(fresh(bank.demand));
  } else {
    const improving = direction.judgement === 'improving';
    const good =
      (verdict === 'green' && direction.judgement !== 'worsening') || (improving && verdict !== 'red');
    reason = random.pick(fresh(good ? bank.better : bank.worse));
  }
  return { text: `${first} ${reason}`, reason };
}

/** The note's sentence if it fits the period (its months and start), else nothing. */
function applicable(note: Note, period: Period): string[] {
  if (typeof note === 'string') return [note];
  if (note.from && periodStart(period) < `${note.from}-01`) return [];
  const months = note.months;
  if (months && !calendarMonths(period).some((m) => months.includes(m))) return [];
  return [note.text];
}
