// Turns a measure's generated figures into data-value rows: statuses and publication dates, commentary on
// recent periods and exceptions, and the few late, missing and revised figures a real council would have.
import {
  formatValue,
  periodEnd,
  periodKey,
  periodStart,
  unitMultiplier,
  type Period,
} from '../assessment/index.ts';
import { DEMO_AS_OF } from './calendar.ts';
import { commentaryFor, verdictOf } from './commentary.ts';
import type { MeasureDef } from './measures.ts';
import { randomFor } from './random.ts';
import { ratioValue, roundTo, type SeriesPoint, type TargetPoint } from './series.ts';

export type ValueStatus = 'draft' | 'submitted' | 'validated' | 'approved' | 'published';

export interface DemoRevisionRow {
  revision: number;
  value: string;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  status: ValueStatus;
  changedByEmail: string;
  changedAt: string;
}

export interface DemoValueRow {
  measure: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** '' for the headline figure, 'provider:CODE' for a provider's own figure. */
  breakdown: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  commentary: string;
  status: ValueStatus;
  revision: number;
  publishedAt: string | null;
  revisedAfterPublication: boolean;
  sourceRef: string;
  createdAt: string;
  updatedAt: string;
  enteredByEmail: string;
  revisions: DemoRevisionRow[];
}

/** Figures that are late (latest missing), missing from history, or corrected after publication. */
export interface ValueEvents {
  late: Set<string>;
  gaps: Set<string>;
  revised: Set<string>;
}

export const eventKey = (code: string, p: Period): string => `${code}|${periodKey(p)}`;

/** Days after the period end that figures are entered and then published. */
const PUBLICATION_LAG: Record<Period['kind'], number> = {
  month: 12,
  quarter: 20,
  financial_year: 45,
  academic_year: 60,
  calendar_year: 45,
};

/** A timestamp `days` after an ISO date, never later than the demo's "today". */
function timestamp(isoDate: string, days: number, time: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) + days));
  const date = at.toISOString().slice(0, 10);
  return `${date < DEMO_AS_OF ? date : DEMO_AS_OF}T${time}Z`;
}

/**
 * The latest figure of an active measure is part-way through sign-off — some awaiting validation (submitted),
 * approval (validated) and publication (approved), so the approvals queue has work — and annual figures are
 * usually done.
 */
function latestStatus(def: MeasureDef, draw: number): ValueStatus {
  if (def.shape.freq === 'annual' || def.shape.freq === 'academic_year') {
    return draw < 0.7 ? 'published' : draw < 0.8 ? 'approved' : draw < 0.9 ? 'validated' : 'submitted';
  }
  if (draw < 0.4) return 'published';
  if (draw < 0.5) return 'approved';
  return draw < 0.62 ? 'validated' : draw < 0.85 ? 'submitted' : 'draft';
}

function formatted(
  point: SeriesPoint,
  dp: number,
): Pick<DemoValueRow, 'value' | 'numerator' | 'denominator'> {
  return {
    value: point.value.toFixed(dp),
    numerator: point.numerator === null ? null : String(point.numerator),
    denominator: point.denominator === null ? null : String(point.denominator),
  };
}

/** A correction found after publication: a few more cases in the numerator that were recorded late. */
function corrected(point: SeriesPoint, def: MeasureDef): SeriesPoint {
  const { unit, dp } = def.shape;
  if (point.numerator === null || point.denominator === null)
    return { ...point, value: roundTo(point.value * 1.02, dp) };
  const denominator = point.denominator + Math.max(1, Math.round(point.denominator * 0.01));
  const numerator = Math.min(denominator, point.numerator + Math.max(2, Math.round(point.numerator * 0.015)));
  return {
    ...point,
    numerator,
    denominator,
    value: ratioValue(numerator, denominator, unitMultiplier(unit), dp),
  };
}

export interface ValueRowsInput {
  seed: number;
  def: MeasureDef;
  directorate: string;
  points: SeriesPoint[];
  breakdowns: { code: string; points: SeriesPoint[] }[];
  targets: Map<string, TargetPoint>;
  events: ValueEvents;
  ownerEmail: string;
  officerEmail: string;
}

export function valueRows(input: ValueRowsInput): DemoValueRow[] {
  const { seed, def, directorate, points, breakdowns, targets, events, ownerEmail, officerEmail } = input;
  const random = randomFor(seed, `values:${def.code}`);
  const latestStatusDraw = random.next();
  const active = def.status === undefined;
  const rows: DemoValueRow[] = [];
  const reasons: string[] = [];
  points.forEach((point, i) => {
    const key = eventKey(def.code, point.period);
    const isLatest = i === points.length - 1 && active;
    if (events.gaps.has(key) || (isLatest && events.late.has(def.code))) return;
    const status = isLatest ? latestStatus(def, latestStatusDraw) : 'published';
    const end = periodEnd(point.period);
    const lag = PUBLICATION_LAG[point.period.kind];
    const createdAt = timestamp(end, lag - 6, '09:30:00');
    const publishedAt = status === 'published' ? timestamp(end, lag, '10:00:00') : null;
    const target = targets.get(periodKey(point.period)) ?? null;
    const previous = points[i - 1] ?? null;
    const recent = i >= points.length - 6;
    const exception = verdictOf(def, point, target) === 'red';
    const silentDraft = status === 'draft' && random.next() < 0.5;
    let commentary = '';
    if ((recent || exception) && !silentDraft) {
      const written = commentaryFor({
        def,
        directorate,
        recent: reasons.slice(-2),
        point,
        previous,
        target,
        random,
      });
      commentary = written.text;
      reasons.push(written.reason);
    }
    const base = {
      measure: def.code,
      period: periodKey(point.period),
      periodStart: periodStart(point.period),
      periodEnd: end,
      status,
      publishedAt,
      sourceRef: `demo seed ${seed}`,
      createdAt,
      enteredByEmail: ownerEmail,
    };
    const first: DemoRevisionRow = {
      revision: 1,
      ...formatted(point, def.shape.dp),
      commentary,
      status,
      changedByEmail: ownerEmail,
      changedAt: createdAt,
    };
    if (events.revised.has(key)) {
      const fixed = corrected(point, def);
      const revisedAt = timestamp(end, lag + 24, '14:15:00');
      const fmt = (v: string) => formatValue(Number(v), def.shape.unit, def.shape.dp);
      const note =
        `Revised after publication from ${fmt(first.value)} to ${fmt(fixed.value.toFixed(def.shape.dp))}: ` +
        'records entered after the deadline have now been included.';
      const second: DemoRevisionRow = {
        ...first,
        revision: 2,
        ...formatted(fixed, def.shape.dp),
        commentary: note.trim(),
        changedByEmail: officerEmail,
        changedAt: revisedAt,
      };
      rows.push({
        ...base,
        ...formatted(fixed, def.shape.dp),
        breakdown: '',
        commentary: second.commentary,
        revision: 2,
        revisedAfterPublication: true,
        updatedAt: revisedAt,
        revisions: [first, second],
      });
    } else {
      const updatedAt = publishedAt ?? timestamp(end, lag - 5, '16:00:00');
      rows.push({
        ...base,
        ...formatted(point, def.shape.dp),
        breakdown: '',
        commentary,
        revision: 1,
        revisedAfterPublication: false,
        updatedAt,
        revisions: [first],
      });
    }
    for (const b of breakdowns) {
      const bp = b.points[i];
      if (!bp) continue;
      const figures = formatted(bp, def.shape.dp);
      const updatedAt = publishedAt ?? createdAt;
      rows.push({
        ...base,
        ...figures,
        breakdown: `provider:${b.code}`,
        commentary: '',
        revision: 1,
        revisedAfterPublication: false,
        updatedAt,
        revisions: [
          {
            revision: 1,
            ...figures,
            commentary: '',
            status,
            changedByEmail: ownerEmail,
            changedAt: createdAt,
          },
        ],
      });
    }
  });
  return rows;
}
