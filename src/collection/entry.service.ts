// Data entry pages' use cases: which measures a user owes figures for and which period is due, and what the
// entry form for one measure and period shows.
import { returnNote, type ReturnNote } from './approvals/approvals.queries.ts';
import type { CurrentUser } from '../access/current-user.ts';
import { providerBreakdown, providersOfUser, servicesInReach } from '../access/scope.ts';
import {
  comparePeriods,
  FormulaError,
  formatValue,
  latestCompletePeriod,
  nextPeriod,
  parseFormula,
  parsePeriod,
  periodKey,
  periodStart,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { labelOfPeriod, ragBadge } from '../reporting/present.ts';
import { scorecard, toNumber } from '../reporting/scorecard.service.ts';
import { NotFoundError, ValidationError } from '../web/errors.ts';
import { entryContext, providerMeasures, writableMeasures } from './entry.queries.ts';
import { findingsForFigure } from './quality/findings.service.ts';
import type { FindingRow } from './quality/findings.queries.ts';
import { presentFinding } from './quality/quality.present.ts';
import { findValue, type EntryMeasure, type StoredValue } from './values.queries.ts';
import { measureForFigure, measureForUser, periodForMeasure } from './values.service.ts';

export interface MyMeasure {
  code: string;
  title: string;
  unit: string;
  decimals: number;
  frequency: string;
  latestPeriod: string | null;
  latestPeriodLabel: string;
  latestValue: number | null;
  latestStatus: string | null;
  duePeriod: string;
  duePeriodLabel: string;
  /** The due period has ended and has no figure yet. */
  overdue: boolean;
  /** A provider's own figure of the measure; null for the headline. */
  provider: { code: string; name: string } | null;
  /** The entry form's query: which provider's figure it is. */
  query: string;
}

/**
 * The period now due: the one after the latest figure, or — with no figures at all — the latest period that
 * is complete today. Overdue when that period has already ended.
 */
export function duePeriod(
  frequency: EntryMeasure['frequency'],
  latestPeriod: string | null,
  today: string,
): { period: string; overdue: boolean } {
  const complete = latestCompletePeriod(frequency, today);
  const due = latestPeriod ? nextPeriod(parsePeriod(latestPeriod)) : complete;
  return { period: periodKey(due), overdue: comparePeriods(due, complete) <= 0 };
}

export async function myMeasures(db: Db, user: CurrentUser, today: string): Promise<MyMeasure[]> {
  const reach = servicesInReach(user, 'value.write');
  const own = await providersOfUser(db, user);
  const rows = [
    ...(await writableMeasures(db, user.councilId, reach)),
    ...(await providerMeasures(
      db,
      user.councilId,
      own.map((p) => p.id),
    )),
  ];
  return rows.map((row) => {
    const due = duePeriod(row.frequency, row.latest_period, today);
    return {
      code: row.code,
      title: row.title,
      unit: row.unit,
      decimals: row.decimals,
      frequency: row.frequency,
      latestPeriod: row.latest_period,
      latestPeriodLabel: labelOfPeriod(row.latest_period),
      latestValue: toNumber(row.latest_value),
      latestStatus: row.latest_status,
      duePeriod: due.period,
      duePeriodLabel: labelOfPeriod(due.period),
      overdue: due.overdue,
      provider: row.provider_code
        ? { code: row.provider_code, name: row.provider_name ?? row.provider_code }
        : null,
      query: row.provider_code ? `?provider=${encodeURIComponent(row.provider_code)}` : '',
    };
  });
}

export interface EntryPage {
  measure: EntryMeasure;
  period: string;
  periodLabel: string;
  existing: StoredValue | null;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  previousPeriodLabel: string;
  previousValue: number | null;
  /** A formula measure's inputs: its figure is shown, read-only, and these are what people enter. */
  calculatedFrom: readonly string[] | null;
  /** The performance team's guidance, shown beside the form. */
  guidance: { calculation: string; source: string; mistakes: string };
  /** Why the figure was sent back to draft, until its owner changes it (see approvals/). */
  returned: ReturnNote | null;
  /** '' for the headline; 'provider:CODE' for a provider's own figure. */
  breakdown: string;
  provider: string | null;
  /** The form's query string, carrying the provider. */
  query: string;
  /** Open data-quality findings on this figure. */
  findings: (FindingRow & ReturnType<typeof presentFinding>)[];
  findingsHref: string;
}

/** Everything the entry form shows for one measure and period; 404 outside the user's reach, 400 for a bad period. */
export async function entryPage(
  db: Db,
  user: CurrentUser,
  code: string,
  periodText: string,
  provider = '',
): Promise<EntryPage> {
  const breakdown = provider === '' ? '' : providerBreakdown(provider);
  const measure = await measureForFigure(db, user, code, breakdown, 'value.write');
  const period = periodForMeasure(measure, periodText);
  const key = periodKey(period);
  const [existing, context, findings, providerRow] = await Promise.all([
    findValue(db, measure.id, key, breakdown),
    entryContext(db, measure.id, key, periodStart(period), breakdown),
    findingsForFigure(db, measure.id, key, breakdown),
    provider === ''
      ? undefined
      : db
          .selectFrom('providers')
          .select('name')
          .where('council_id', '=', user.councilId)
          .where('code', '=', provider)
          .executeTakeFirst(),
  ]);
  const query = provider === '' ? '' : `?provider=${encodeURIComponent(provider)}`;
  return {
    measure,
    period: key,
    periodLabel: labelOfPeriod(key),
    existing: existing ?? null,
    target: toNumber(context.target),
    targetLow: toNumber(context.target_low),
    targetHigh: toNumber(context.target_high),
    previousPeriodLabel: labelOfPeriod(context.previous_period),
    previousValue: toNumber(context.previous_value),
    calculatedFrom: measure.calculation_type === 'formula' ? inputsOf(measure.formula) : null,
    guidance: {
      calculation: context.calculation,
      source: context.data_source,
      mistakes: context.common_mistakes,
    },
    returned: existing?.status === 'draft' ? await returnNote(db, existing.id) : null,
    breakdown,
    provider: providerRow?.name ?? null,
    query,
    findings: findings.filter((f) => f.status === 'open').map(presentFinding),
    findingsHref: `/data-quality/figure?${new URLSearchParams({ measure: measure.code, period: key, breakdown }).toString()}`,
  };
}

function inputsOf(formula: string): readonly string[] {
  try {
    return parseFormula(formula).inputs;
  } catch (error) {
    if (error instanceof FormulaError) return [];
    throw error;
  }
}

/** After a save: the figure as stored and how it judges against its target, e.g. "HOU-01 September 2025: 97.4% (On target)". */
export async function savedFlash(
  db: Db,
  user: CurrentUser,
  code: string | undefined,
  period: string | undefined,
  provider?: string,
): Promise<string | undefined> {
  if (!code || !period) return undefined;
  try {
    if (provider) {
      // A provider's figure is not judged against the council's target: say what was saved.
      const breakdown = providerBreakdown(provider);
      const measure = await measureForFigure(db, user, code, breakdown, 'value.write');
      const key = periodKey(periodForMeasure(measure, period));
      const stored = await findValue(db, measure.id, key, breakdown);
      if (!stored) return undefined;
      const figure = formatValue(toNumber(stored.value), measure.unit, measure.decimals);
      return `Saved ${measure.code} for ${labelOfPeriod(key)} (${provider}): ${figure}`;
    }
    const measure = await measureForUser(db, user, code, 'value.write');
    const key = periodKey(periodForMeasure(measure, period));
    const reach = servicesInReach(user, 'value.write');
    const card = await scorecard(db, {
      councilId: user.councilId,
      reach,
      period: key,
      measureIds: [measure.id],
    });
    const judged = card.measures[0];
    if (!judged || judged.period !== key) return undefined;
    const figure = formatValue(judged.value, judged.unit, judged.decimals);
    return `Saved ${measure.code} for ${labelOfPeriod(key)}: ${figure} (${ragBadge(judged.rag).label})`;
  } catch (error) {
    // A hand-edited link shows the list without a message rather than an error page.
    if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
    throw error;
  }
}
