// An annual target with a profile: one figure for the financial year spread across its months or quarters,
// written as one target row per period (source 'profile'), each against the version the writer saw.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import {
  childPeriods,
  nextPeriod,
  periodContaining,
  periodKey,
  periodKindForFrequency,
  periodLabel,
  previousPeriod,
  tryParsePeriod,
  type Period,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { type FieldProblem, ValidationError } from '../web/errors.ts';
import type { MeasureWithId } from './measures.service.ts';
import { getMeasure } from './measures.service.ts';
import {
  evenShares,
  impliedAnnual,
  type ProfileKind,
  profileKindsFor,
  profileTargets,
  sharesTotal,
} from './targets.profile.ts';
import { type TargetOut, type TargetSlot, targetSlots, writeTargets } from './targets.service.ts';
import { NO_POLARITY, type TargetInput, todayIso, validateTarget } from './targets.validation.ts';

export const NOT_PROFILED =
  "Annual targets with a profile are for monthly and quarterly measures; set this measure's target for the year directly";

export interface ProfileInput {
  year: string;
  kind: string;
  /** Percentages of the year in each period, for a custom profile; NaN where the person typed something else. */
  shares: number[];
  target: TargetInput;
  /** The version of each period's target when the form was opened; absent or null where there was none. */
  versions: Record<string, number | null>;
}

export interface ProfileView {
  year: string;
  yearLabel: string;
  years: { key: string; label: string }[];
  kinds: ProfileKind[];
  slots: TargetSlot[];
  defaultShares: number[];
  /** The annual target the stored targets imply, if they do. */
  annual: number | null;
}

export function canProfile(measure: Pick<MeasureWithId, 'frequency' | 'polarity'>): boolean {
  return (
    measure.polarity !== 'none' && (measure.frequency === 'monthly' || measure.frequency === 'quarterly')
  );
}

function financialYear(key: string | undefined): Period | null {
  const period = key ? tryParsePeriod(key) : null;
  return period?.kind === 'financial_year' ? period : null;
}

/** The profile form for a financial year (this one unless another is asked for), with the targets already set. */
export async function profileView(
  db: Db,
  measure: MeasureWithId,
  yearKey?: string,
  today = todayIso(),
): Promise<ProfileView | null> {
  if (!canProfile(measure)) return null;
  const current = periodContaining('financial_year', today);
  const year = financialYear(yearKey) ?? current;
  const periods = childPeriods(year, periodKindForFrequency(measure.frequency));
  const years = [previousPeriod(current), current, nextPeriod(current), nextPeriod(nextPeriod(current))];
  if (!years.some((y) => periodKey(y) === periodKey(year))) years.push(year);
  const slots = await targetSlots(db, measure.id, periods);
  return {
    year: periodKey(year),
    yearLabel: periodLabel(year),
    years: years.map((y) => ({ key: periodKey(y), label: periodLabel(y) })),
    kinds: profileKindsFor(measure),
    slots,
    defaultShares: evenShares(periods.length),
    annual: impliedAnnual(
      measure,
      slots.map((slot) => slot.target?.value ?? null),
    ),
  };
}

function checkShares(shares: number[], count: number, problems: FieldProblem[]): void {
  const bad = shares.findIndex((s) => !Number.isFinite(s) || s < 0);
  if (shares.length !== count) {
    problems.push({
      field: 'shares',
      message: `Profile: enter a percentage for each of the ${count} periods`,
    });
  } else if (bad >= 0) {
    problems.push({
      field: `share-${bad + 1}`,
      message: `Profile: percentage ${bad + 1} must be a number, 0 or more`,
    });
  } else if (sharesTotal(shares) !== 100) {
    problems.push({
      field: 'shares',
      message: `Profile: the percentages must add up to 100; they add up to ${sharesTotal(shares)}`,
    });
  }
}

/** Profiles the annual target across the year's periods and writes them all, or nothing. */
export async function setProfile(
  db: Db,
  user: CurrentUser,
  code: string,
  input: ProfileInput,
): Promise<TargetOut[]> {
  authorize(user, 'target.write');
  const measure = await getMeasure(db, user, code, 'target.write');
  if (measure.polarity === 'none') throw ValidationError.field('value', NO_POLARITY);
  if (!canProfile(measure)) throw ValidationError.field('year', NOT_PROFILED);
  const year = financialYear(input.year);
  const kinds = profileKindsFor(measure);
  const { target, problems } = validateTarget(measure, input.target);
  if (!year)
    problems.unshift({
      field: 'year',
      message: `Year: choose a financial year, for example ${periodKey(periodContaining('financial_year', todayIso()))}`,
    });
  const kind = kinds.find((k) => k === input.kind);
  if (!kind)
    problems.push({
      field: 'profile',
      message: `Profile: choose one of: ${kinds.map((k) => describeProfile(k, measure.accumulation).toLowerCase()).join('; ')}`,
    });
  const periods = year ? childPeriods(year, periodKindForFrequency(measure.frequency)) : [];
  if (kind === 'custom') checkShares(input.shares, periods.length, problems);
  if (problems.length || !kind)
    throw new ValidationError(problems[0]?.message ?? 'The profile is not valid', problems);

  const values =
    measure.polarity === 'range'
      ? periods.map(() => null)
      : profileTargets({
          annual: target.value ?? 0,
          kind,
          shares: input.shares,
          periods: periods.length,
          accumulation: measure.accumulation,
          decimals: measure.decimals,
        });
  const planned = periods.map((period, i) => ({
    period,
    figures: { ...target, value: values[i] ?? null },
    expectedVersion: input.versions[periodKey(period)] ?? null,
  }));
  return writeTargets(db, user, measure, planned, 'profile');
}

/** The profile in words, which depend on whether the measure's figures are each period's own or a running total. */
export function describeProfile(kind: ProfileKind, accumulation: MeasureWithId['accumulation']): string {
  if (kind === 'flat') return 'The same target in every period';
  const cumulative = accumulation === 'year_to_date';
  if (kind === 'even') {
    return cumulative
      ? 'An even build-up: the target grows by the same amount each period and reaches the annual target at the year end'
      : 'An even split: the annual target shared equally between the periods';
  }
  return cumulative
    ? "Your own percentages of the year's total achieved in each period; the targets build up to the annual target"
    : "Your own percentages of the year's total in each period, adding up to 100";
}
