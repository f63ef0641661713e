// Checks a measure's SPC settings as typed: a baseline (first and last period, a reason) and recalculation
// points (a period and a reason each), all of the measure's frequency, in order, every problem named by field.
import {
  parsePeriod,
  periodEnd,
  periodKey,
  periodsBetween,
  periodStart,
  type Period,
} from '../assessment/index.ts';
import type { FrequencyColumn, PolarityColumn } from '../db/schema.ts';
import type { FieldProblem } from '../web/errors.ts';
import { checkPeriod } from './targets.validation.ts';

export interface SpcSettingsInput {
  baseline: { from: string; to: string; reason: string } | null;
  recalculations: { period: string; reason: string }[];
}

export interface CheckedSpcSettings {
  baseline: { from: string; start: string; to: string; reason: string } | null;
  recalculations: { period: string; start: string; reason: string }[];
}

interface SettingsMeasure {
  code: string;
  polarity: PolarityColumn;
  frequency: FrequencyColumn;
}

/** Making Data Count asks for at least 12 points before limits mean much; two is the arithmetic minimum. */
export const MINIMUM_BASELINE_PERIODS = 2;
export const MAXIMUM_RECALCULATIONS = 12;
const REASON_LENGTH = 500;

export function validateSpcSettings(
  measure: SettingsMeasure,
  input: SpcSettingsInput,
): { settings: CheckedSpcSettings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const period = (key: string, field: string, what: string): Period | null => {
    const checked = checkPeriod(measure, key.trim(), field);
    if ('field' in checked) {
      problem(field, checked.message.replace(/^Period:/, `${what}:`));
      return null;
    }
    return checked;
  };
  const reason = (text: string, field: string, what: string): string => {
    const trimmed = text.trim();
    if (!trimmed) problem(field, `${what}: say why, so that readers of the chart know`);
    else if (trimmed.length > REASON_LENGTH)
      problem(field, `${what}: the reason must be ${REASON_LENGTH} characters or fewer`);
    return trimmed;
  };

  let baseline: CheckedSpcSettings['baseline'] = null;
  if (input.baseline) {
    const from = period(input.baseline.from, 'baselineFrom', 'Baseline from');
    const to = period(input.baseline.to, 'baselineTo', 'Baseline to');
    const why = reason(input.baseline.reason, 'baselineReason', 'Reason for the baseline');
    if (from && to) {
      if (periodStart(to) < periodStart(from))
        problem('baselineTo', 'Baseline to: the baseline must end on or after the period it starts');
      else if (periodsBetween(from, to).length < MINIMUM_BASELINE_PERIODS)
        problem('baselineTo', `Baseline to: a baseline needs at least ${MINIMUM_BASELINE_PERIODS} periods`);
      baseline = { from: periodKey(from), start: periodStart(from), to: periodKey(to), reason: why };
    }
  }

  if (input.recalculations.length > MAXIMUM_RECALCULATIONS)
    problem('recalculations', `Recalculation points: at most ${MAXIMUM_RECALCULATIONS} may be set`);
  const recalculations: CheckedSpcSettings['recalculations'] = [];
  input.recalculations.forEach((r, i) => {
    const field = `recalculations[${i}]`;
    const at = period(r.period, `${field}.period`, `Recalculation point ${i + 1}`);
    const why = reason(r.reason, `${field}.reason`, `Reason for recalculation point ${i + 1}`);
    if (!at) return;
    const key = periodKey(at);
    if (recalculations.some((x) => x.period === key))
      problem(`${field}.period`, `Recalculation point ${i + 1}: ${key} is given twice`);
    else if (baseline && periodStart(at) <= baselineEnd(baseline.to))
      problem(
        `${field}.period`,
        `Recalculation point ${i + 1}: ${key} falls inside the baseline; limits can only be recalculated after it ends (${baseline.to})`,
      );
    recalculations.push({ period: key, start: periodStart(at), reason: why });
  });
  recalculations.sort((a, b) => a.start.localeCompare(b.start));
  return { settings: { baseline, recalculations }, problems };
}

function baselineEnd(key: string): string {
  return periodEnd(parsePeriod(key));
}
