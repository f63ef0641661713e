// A data owner's return for a collection round: every figure they owe on one form, with the guidance beside each,
// saved as a draft or submitted — all rows in one transaction, so a problem in one row saves none of them.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { providersOfUser, servicesInReach } from '../../access/scope.ts';
import { parsePeriod, periodStart } from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { toNumber } from '../../reporting/scorecard.service.ts';
import { AppError, NotFoundError, ValidationError } from '../../web/errors.ts';
import { ExplanationNeededError } from '../rules/verdict.ts';
import { dueIn, dueThisRound } from '../rounds/rounds.service.ts';
import type { TemplateRow } from '../rounds/round-template.ts';
import { findRound, type ChaseState, type RoundRow } from '../rounds/rounds.queries.ts';
import { saveValueIn, StaleValueError } from '../values.service.ts';
import { dueProviderFigures, returnItems, type ReturnItemRow } from './my-returns.queries.ts';

/** Figures past these are with the performance team: the return shows them but no longer edits them. */
const EDITABLE: ReadonlySet<string | null> = new Set([null, 'draft', 'submitted']);

export interface ReturnItem extends ReturnItemRow {
  periodLabel: string;
  previousPeriodLabel: string;
  previousNumber: number | null;
  editable: boolean;
}

export interface MyReturn {
  round: RoundRow;
  roundLabel: string;
  items: ReturnItem[];
  counts: { due: number; notStarted: number; draft: number; submitted: number; withTeam: number };
}

/**
 * What the user owes this round. A data owner (or provider) owes every figure due in their services; anyone else
 * who may enter figures owes those they are named owner of — the chase list shows the rest.
 */
export async function myReturn(db: Db, user: CurrentUser, roundId: string): Promise<MyReturn> {
  authorize(user, 'value.write');
  const round = await findRound(db, user.councilId, roundId);
  if (!round) throw new NotFoundError(`There is no collection round ${roundId}`);
  const own = await providersOfUser(db, user);
  const chase = own.length > 0 ? [] : await dueThisRound(db, round, servicesInReach(user, 'value.write'));
  const mine =
    user.role === 'data_owner'
      ? chase
      : chase.filter((c) => c.owner_id != null && String(c.owner_id) === String(user.id));
  // Beside each headline figure owed, its providers' own figures (a school's), or for a provider login only its own.
  const providerFigures = await dueProviderFigures(db, {
    councilId: user.councilId,
    due: dueIn(round),
    providerIds: own.length > 0 ? own.map((p) => String(p.id)) : null,
    measureIds: own.length > 0 ? null : [...new Set(mine.map((c) => String(c.measure_id)))],
  });
  const figures = [
    ...mine.map((c) => ({ measure_id: c.measure_id, code: c.code, period: c.period, breakdown: '' })),
    ...providerFigures,
  ].sort((a, b) => orderOf(a).localeCompare(orderOf(b)));
  const rows = await returnItems(
    db,
    user.councilId,
    figures.map((f) => ({
      measureId: String(f.measure_id),
      period: f.period,
      periodStart: periodStart(parsePeriod(f.period)),
      breakdown: f.breakdown,
    })),
  );
  const items = rows.map((row) => ({
    ...row,
    periodLabel: labelOfPeriod(row.period),
    previousPeriodLabel: labelOfPeriod(row.previous_period),
    previousNumber: toNumber(row.previous_value),
    editable: EDITABLE.has(row.status),
  }));
  return { round, roundLabel: labelOfPeriod(round.period), items, counts: countsOf(items) };
}

/** By measure and period, each headline figure before its providers' own. */
function orderOf(f: { code: string; period: string; breakdown: string }): string {
  return `${f.code}|${f.period}|${f.breakdown}`;
}

/** The user's return as template rows: what they owe, in the upload's shape, with their own name as owner. */
export async function returnTemplate(
  db: Db,
  user: CurrentUser,
  roundId: string,
): Promise<{ round: RoundRow; items: TemplateRow[] }> {
  const { round, items } = await myReturn(db, user, roundId);
  return {
    round,
    items: items.map((i) => ({
      code: i.code,
      title: i.provider_name ? `${i.title}: ${i.provider_name}` : i.title,
      period: i.period,
      breakdown: i.breakdown,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      commentary: i.commentary,
      state: stateOf(i.status, round),
      owner_name: user.displayName,
    })),
  };
}

/** A figure's place on the chase list, as the round's page words it. */
function stateOf(status: string | null, round: RoundRow): ChaseState {
  if (status != null && status !== 'draft') return 'submitted';
  if (new Date().toISOString().slice(0, 10) > round.deadline) return 'late';
  return status === 'draft' ? 'draft' : 'not_started';
}

function countsOf(items: ReturnItem[]): MyReturn['counts'] {
  const count = (test: (i: ReturnItem) => boolean) => items.filter(test).length;
  return {
    due: items.length,
    notStarted: count((i) => i.status == null),
    draft: count((i) => i.status === 'draft'),
    submitted: count((i) => i.status === 'submitted'),
    withTeam: count((i) => !i.editable),
  };
}

/** One row of the return as typed; strings, exactly as the form sent them. */
export interface ReturnRowInput {
  code: string;
  period: string;
  breakdown: string;
  value: string;
  numerator: string;
  denominator: string;
  commentary: string;
  explanation: string;
  version: string;
}

export type ReturnAction = 'draft' | 'submit';

export interface RowProblem {
  row: number;
  code: string;
  field: string;
  message: string;
  /** Soft-rule warnings: the row needs an explanation to be submitted. */
  warnings: string[];
}

/** Some rows could not be saved; nothing was. */
export class ReturnProblemsError extends ValidationError {
  constructor(readonly rows: RowProblem[]) {
    super(
      rows.map((r) => `${r.code}: ${r.message}`).join('; '),
      rows.map((r) => ({ field: `rows[${r.row}].${r.field}`, message: `${r.code}: ${r.message}` })),
    );
  }
}

export interface ReturnSaved {
  saved: number;
  action: ReturnAction;
}

export async function saveReturn(
  db: Db,
  user: CurrentUser,
  roundId: string,
  rows: ReturnRowInput[],
  action: ReturnAction,
): Promise<ReturnSaved> {
  const { items } = await myReturn(db, user, roundId);
  const owed = new Map(items.map((i) => [keyOf(i), i]));
  const problems: RowProblem[] = [];
  const writes: { row: number; input: ReturnRowInput }[] = [];
  rows.forEach((input, row) => {
    const item = owed.get(keyOf(input));
    const problem = (field: string, message: string) =>
      problems.push({ row, code: input.code, field, message, warnings: [] });
    if (!item) return problem('code', `${input.period} is not in your return for this round`);
    if (!item.editable) return;
    const typed = [input.value, input.numerator, input.denominator].some((v) => v.trim() !== '');
    if (!typed) {
      if (input.commentary.trim() !== '')
        problem(figureField(item), 'enter the figure for the commentary to be saved');
      return;
    }
    if (unchanged(item, input) && (action === 'draft' || item.status === 'submitted')) return;
    writes.push({ row, input });
  });
  if (problems.length > 0) throw new ReturnProblemsError(problems);

  await db.transaction().execute(async (tx) => {
    for (const { row, input } of writes) {
      try {
        await saveValueIn(tx, {
          user,
          code: input.code,
          period: input.period,
          breakdown: input.breakdown,
          input: { ...input, version: input.version === '' ? '0' : input.version },
          source: 'form',
          status: action === 'draft' ? 'draft' : 'submitted',
        });
      } catch (error) {
        problems.push(rowProblemOf(error, row, input.code));
      }
    }
    // Rolling back keeps the rows that were fine from being half of a return.
    if (problems.length > 0) throw new ReturnProblemsError(problems);
  });
  return { saved: writes.length, action };
}

/** One figure of a return: measure, period and breakdown. */
export function keyOf(f: { code: string; period: string; breakdown: string }): string {
  return `${f.code}|${f.period}|${f.breakdown}`;
}

function figureField(item: ReturnItemRow): string {
  return item.calculation_type === 'ratio' ? 'numerator' : 'value';
}

function unchanged(item: ReturnItemRow, input: ReturnRowInput): boolean {
  const same = (stored: string | null, typed: string) =>
    stored == null ? typed.trim() === '' : typed.trim() !== '' && Number(typed.trim()) === Number(stored);
  return (
    item.status != null &&
    input.explanation.trim() === '' &&
    input.commentary.trim() === (item.commentary ?? '').trim() &&
    (item.calculation_type === 'ratio'
      ? same(item.numerator, input.numerator) && same(item.denominator, input.denominator)
      : same(item.value, input.value))
  );
}

function rowProblemOf(error: unknown, row: number, code: string): RowProblem {
  if (error instanceof ExplanationNeededError) {
    const warnings = error.warnings.map((w) => w.message.replace(/^\w+: /, ''));
    return {
      row,
      code,
      field: 'explanation',
      message: 'explain why this figure is right, or change it',
      warnings,
    };
  }
  if (error instanceof StaleValueError)
    return { row, code, field: 'version', message: error.message, warnings: [] };
  if (error instanceof AppError && error.statusCode < 500) {
    const first = (error as ValidationError).details?.[0];
    return { row, code, field: first?.field ?? 'value', message: error.message, warnings: [] };
  }
  throw error;
}
