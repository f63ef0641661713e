// The statutory returns calendar's two views: the list (filtered by recipient and status, overdue flagged) and a
// month as a grid of weeks (Monday first), each day with the returns due on it.
import type { CurrentUser } from '../../access/current-user.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ReturnRecipient, ReturnStatus } from '../../db/schema.ts';
import { ValidationError } from '../../web/errors.ts';
import { addDays, ukDate } from '../today.ts';
import { listReturns, type ReturnRow } from './returns.queries.ts';
import { RECIPIENTS } from './returns.service.ts';
import { isOverdue, RETURN_STATUSES, returnStatusLabels } from './workflow.ts';

export interface ReturnsQuery {
  view: string;
  month: string;
  recipient: string;
  status: string;
}

export function presentReturn(row: ReturnRow, today: string) {
  return {
    ...row,
    href: `/statutory-returns/${row.id}`,
    statusLabel: returnStatusLabels[row.status],
    overdue: isOverdue(row.status, row.due_on, today),
  };
}

export interface CalendarDay {
  date: string;
  day: number;
  inMonth: boolean;
  today: boolean;
  returns: ReturnType<typeof presentReturn>[];
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The weeks (Monday to Sunday) covering a month 'YYYY-MM'. */
export function monthGrid(
  month: string,
  rows: ReturnRow[],
  today: string,
): { title: string; weeks: CalendarDay[][] } {
  const first = `${month}-01`;
  const start = new Date(`${first}T12:00:00Z`);
  const offset = (start.getUTCDay() + 6) % 7;
  let day = addDays(first, -offset);
  const weeks: CalendarDay[][] = [];
  do {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({
        date: day,
        day: Number(day.slice(8)),
        inMonth: day.startsWith(month),
        today: day === today,
        returns: rows.filter((r) => r.due_on === day).map((r) => presentReturn(r, today)),
      });
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.startsWith(month));
  return { title: monthName.format(start), weeks };
}

const shiftMonth = (month: string, by: number): string => {
  const d = new Date(`${month}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};

export async function returnsCalendar(db: Db, user: CurrentUser, query: ReturnsQuery) {
  const today = ukDate();
  const problems: { field: string; message: string }[] = [];
  const view = query.view === 'calendar' ? 'calendar' : 'list';
  const month = query.month || today.slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    problems.push({ field: 'month', message: 'Month must be like 2026-11' });
  const recipient = RECIPIENTS.find((r) => r === query.recipient);
  if (query.recipient && !recipient)
    problems.push({ field: 'recipient', message: 'Choose a recipient from the list' });
  const status = [...RETURN_STATUSES, 'overdue'].find((s) => s === query.status);
  if (query.status && !status) problems.push({ field: 'status', message: 'Choose a status from the list' });
  if (problems.length > 0) throw new ValidationError('The returns could not be shown', problems);
  const reach = servicesInReach(user, 'assurance.read');
  const rows = await listReturns(db, user.councilId, reach, {
    recipient: recipient as ReturnRecipient | undefined,
    status: status && status !== 'overdue' ? (status as ReturnStatus) : undefined,
    overdueOn: status === 'overdue' ? today : undefined,
    ...(view === 'calendar'
      ? { from: addDays(`${month}-01`, -7), to: addDays(`${shiftMonth(month, 1)}-01`, 7) }
      : {}),
  });
  return {
    view,
    month,
    today,
    rows: rows.map((r) => presentReturn(r, today)),
    overdue: rows.filter((r) => isOverdue(r.status, r.due_on, today)).length,
    calendar: view === 'calendar' ? monthGrid(month, rows, today) : null,
    previousMonth: shiftMonth(month, -1),
    nextMonth: shiftMonth(month, 1),
  };
}
