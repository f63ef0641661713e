// Collection rounds' use cases: opening a round for a period with a deadline (scheduling its reminders in the same
// transaction), listing rounds, and a round's chase list — every figure due, its owner and its state.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import { servicesInReach, type ServiceReach } from '../../access/scope.ts';
import {
  parsePeriod,
  periodEnd,
  periodKey,
  periodStart,
  PeriodError,
  type Frequency,
  type Period,
} from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../web/errors.ts';
import { recordAudit } from '../../measures/measure-writes.queries.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { periodsDueIn } from './rounds.due.ts';
import {
  chaseList,
  findRound,
  insertRound,
  roundsOf,
  type ChaseRow,
  type RoundRow,
} from './rounds.queries.ts';

const FREQUENCIES: Frequency[] = ['monthly', 'quarterly', 'annual', 'academic_year'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface RoundInput {
  period: string;
  deadline: string;
  reminderDays: number;
}

export async function openRound(db: Db, jobs: Jobs, user: CurrentUser, input: RoundInput): Promise<RoundRow> {
  authorize(user, 'round.manage');
  const { period, deadline, reminderDays } = checkRound(input);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertRound(trx, {
      councilId: user.councilId,
      period: periodKey(period),
      periodStart: periodStart(period),
      periodEnd: periodEnd(period),
      deadline,
      reminderDays,
      openedBy: user.id,
    });
    if (!created) {
      const message = `A round for ${labelOfPeriod(periodKey(period))} is already open`;
      throw new ConflictError(message, [{ field: 'period', message }]);
    }
    await recordAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'round.open',
      entity: 'collection_round',
      entityId: created,
      before: null,
      after: { period: periodKey(period), deadline, reminderDays },
    });
    await jobs.scheduleRound(trx, { councilId: user.councilId, roundId: created, deadline, reminderDays });
    return created;
  });
  const round = await findRound(db, user.councilId, id);
  if (!round) throw new Error(`round ${id} vanished after it was opened`);
  return round;
}

function checkRound(input: RoundInput): { period: Period; deadline: string; reminderDays: number } {
  const problems: FieldProblem[] = [];
  let period: Period | null = null;
  try {
    period = parsePeriod(input.period.trim());
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    problems.push({ field: 'period', message: `Period: ${error.message}` });
  }
  const deadline = input.deadline.trim();
  if (!ISO_DATE.test(deadline) || Number.isNaN(Date.parse(`${deadline}T00:00:00Z`)))
    problems.push({
      field: 'deadline',
      message: 'Deadline: enter a date written YYYY-MM-DD, for example 2025-10-15',
    });
  else if (period && deadline < periodEnd(period))
    problems.push({
      field: 'deadline',
      message: `Deadline: the figures cannot be due before the period ends (${periodEnd(period)})`,
    });
  if (!Number.isInteger(input.reminderDays) || input.reminderDays < 0 || input.reminderDays > 60)
    problems.push({ field: 'reminderDays', message: 'Reminder: enter a whole number of days from 0 to 60' });
  if (problems.length || !period)
    throw new ValidationError(problems[0]?.message ?? 'The round is not valid', problems);
  return { period, deadline, reminderDays: input.reminderDays };
}

export async function listRounds(db: Db, user: CurrentUser): Promise<RoundRow[]> {
  return roundsOf(db, user.councilId);
}

export interface RoundPage {
  round: RoundRow;
  items: ChaseRow[];
  counts: Record<ChaseRow['state'], number>;
}

/** The chase list as the user may see it: a performance officer the whole council, others their reach. */
export async function roundPage(
  db: Db,
  user: CurrentUser,
  id: string,
  action: 'value.read' | 'value.write' = 'value.read',
): Promise<RoundPage> {
  const round = await findRound(db, user.councilId, id);
  if (!round) throw new NotFoundError(`There is no collection round ${id}`);
  const items = await dueThisRound(db, round, servicesInReach(user, action));
  const counts = { not_started: 0, draft: 0, submitted: 0, late: 0 };
  for (const item of items) counts[item.state] += 1;
  return { round, items, counts };
}

export function dueThisRound(db: Db, round: RoundRow, reach: ServiceReach): Promise<ChaseRow[]> {
  return chaseList(db, { councilId: round.council_id, deadline: round.deadline, due: dueIn(round), reach });
}

/** The (frequency, period) pairs a round asks for: its period, and the longer ones it completes. */
export function dueIn(round: RoundRow): { frequency: Frequency; period: string }[] {
  const roundPeriod = parsePeriod(round.period);
  return FREQUENCIES.flatMap((frequency) =>
    periodsDueIn(roundPeriod, frequency).map((p) => ({ frequency, period: periodKey(p) })),
  );
}
