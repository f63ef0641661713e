// The data-quality dashboard's use cases: which rounds to judge (one round, or every round within a period range),
// the rows in the caller's reach — a provider login only its own — and the figures behind any one number.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { providersOfUser, servicesInReach } from '../../access/scope.ts';
import {
  parsePeriod,
  PeriodError,
  periodEnd,
  periodKey,
  periodStart,
  type Frequency,
} from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError } from '../../web/errors.ts';
import { periodsDueIn } from '../rounds/rounds.due.ts';
import { roundsOf, type RoundRow } from '../rounds/rounds.queries.ts';
import {
  figuresBehind,
  qualityRows,
  type DrillDown,
  type DueFigure,
  type FigureItem,
  type QualityQuery,
  type QualityRow,
} from './dashboard.queries.ts';

const FREQUENCIES: Frequency[] = ['monthly', 'quarterly', 'annual', 'academic_year'];
export const DRILL_DOWNS: readonly DrillDown[] = [
  'due',
  'late',
  'missing',
  'returned',
  'revised',
  'findings',
];

export interface QualityFilter {
  round?: string;
  from?: string;
  to?: string;
}

export interface Chosen {
  rounds: RoundRow[];
  /** All the rounds open so far, for the filter's choices. */
  all: RoundRow[];
  filter: { round: string; from: string; to: string };
}

function bound(field: 'from' | 'to', key: string): string | null {
  if (key.trim() === '') return null;
  try {
    const period = parsePeriod(key.trim());
    return field === 'from' ? periodStart(period) : periodEnd(period);
  } catch (error) {
    if (error instanceof PeriodError)
      throw ValidationError.field(field, `${field === 'from' ? 'From' : 'To'}: ${error.message}`);
    throw error;
  }
}

/** One round by id; else every round within from–to; else the latest round. */
export async function chooseRounds(db: Db, user: CurrentUser, filter: QualityFilter): Promise<Chosen> {
  const all = await roundsOf(db, user.councilId);
  const from = bound('from', filter.from ?? '');
  const to = bound('to', filter.to ?? '');
  if (from && to && from > to)
    throw ValidationError.field('to', `To: ${filter.to} comes before ${filter.from}`);
  let rounds: RoundRow[];
  if (filter.round) rounds = all.filter((r) => r.id === filter.round);
  else if (from || to)
    rounds = all.filter((r) => (!from || r.period_start >= from) && (!to || r.period_end <= to));
  else rounds = all.slice(0, 1);
  return {
    rounds,
    all,
    filter: {
      round: filter.round ?? (from || to ? '' : (rounds[0]?.id ?? '')),
      from: filter.from ?? '',
      to: filter.to ?? '',
    },
  };
}

function dueIn(rounds: RoundRow[]): DueFigure[] {
  return rounds.flatMap((round) => {
    const period = parsePeriod(round.period);
    return FREQUENCIES.flatMap((frequency) =>
      periodsDueIn(period, frequency).map((p) => ({
        frequency,
        period: periodKey(p),
        deadline: round.deadline,
      })),
    );
  });
}

async function queryFor(db: Db, user: CurrentUser, rounds: RoundRow[]): Promise<QualityQuery> {
  authorize(user, 'quality.read');
  const own = await providersOfUser(db, user);
  return {
    councilId: user.councilId,
    due: dueIn(rounds),
    services: servicesInReach(user, 'quality.read'),
    ownProviders: own.map((p) => p.id),
  };
}

export async function qualityDashboard(
  db: Db,
  user: CurrentUser,
  filter: QualityFilter,
): Promise<Chosen & { rows: QualityRow[] }> {
  const chosen = await chooseRounds(db, user, filter);
  return { ...chosen, rows: await qualityRows(db, await queryFor(db, user, chosen.rounds)) };
}

export async function qualityDrillDown(
  db: Db,
  user: CurrentUser,
  filter: QualityFilter & { row: string; show: string },
): Promise<
  Chosen & { items: FigureItem[]; row: { kind: 'service' | 'provider'; code: string }; show: DrillDown }
> {
  const match = /^(service|provider):([A-Za-z0-9-]{1,40})$/.exec(filter.row);
  if (!match) throw ValidationError.field('row', 'Row: say which service or provider, e.g. service:HOU-RM');
  const show = DRILL_DOWNS.find((d) => d === filter.show);
  if (!show) throw ValidationError.field('show', `Show: one of ${DRILL_DOWNS.join(', ')}`);
  const row = { kind: match[1] as 'service' | 'provider', code: match[2] as string };
  const chosen = await chooseRounds(db, user, filter);
  const items = await figuresBehind(db, { ...(await queryFor(db, user, chosen.rounds)), row, show });
  return { ...chosen, items, row, show };
}

/** The council-wide data-quality headline of the rounds within a period, for the CMT report. */
export async function qualityHeadline(
  db: Db,
  councilId: string,
  period: string,
): Promise<{ rounds: number; late: number; missing: number; returned: number; openFindings: number }> {
  const within = parsePeriod(period);
  const rounds = (await roundsOf(db, councilId)).filter(
    (r) => r.period_start >= periodStart(within) && r.period_end <= periodEnd(within),
  );
  const rows = await qualityRows(db, { councilId, due: dueIn(rounds), services: null, ownProviders: [] });
  const sum = (pick: (r: QualityRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    rounds: rounds.length,
    late: sum((r) => r.timeliness_judged - r.on_time),
    missing: sum((r) => r.missing),
    returned: sum((r) => r.returned),
    openFindings: sum((r) => r.open_findings),
  };
}
