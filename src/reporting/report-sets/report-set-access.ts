// Who may act on which portfolio set: a director whose directorate the portfolio covers proposes it and requests
// changes to it (as may the performance team); only the portfolio's own Cabinet Member decides. The role is
// checked first (403), then the portfolio (403, naming whose the set is: sets are not secret from their readers).
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize, can } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { ForbiddenError } from '../../web/errors.ts';
import type { ReportSet } from './report-sets.queries.ts';

const scopeIds = (user: CurrentUser, type: 'directorate' | 'portfolio') =>
  user.scopes.filter((s) => s.type === type).map((s) => String(s.id));

/** Each portfolio of the council with the directorates whose directors answer to its Cabinet Member. */
export async function portfolioDirectorates(db: Db, councilId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('portfolio_directorates')
    .select(['portfolio_id', 'directorate_id'])
    .where('council_id', '=', councilId)
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows)
    map.set(String(r.portfolio_id), [...(map.get(String(r.portfolio_id)) ?? []), String(r.directorate_id)]);
  return map;
}

/** A director of one of the portfolio's directorates. */
export function directsPortfolio(
  user: CurrentUser,
  portfolioId: string | null,
  directorates: Map<string, string[]>,
) {
  if (portfolioId === null || !can(user, 'reportset.propose')) return false;
  const mine = new Set(scopeIds(user, 'directorate'));
  return (directorates.get(portfolioId) ?? []).some((d) => mine.has(d));
}

/** The Cabinet Member holding the portfolio. */
export function holdsPortfolio(user: CurrentUser, portfolioId: string | null): boolean {
  return (
    portfolioId !== null &&
    can(user, 'reportset.signoff') &&
    scopeIds(user, 'portfolio').includes(portfolioId)
  );
}

/** The portfolios a Cabinet Member holds (none for any other role). */
export function portfoliosHeld(user: CurrentUser): string[] {
  return can(user, 'reportset.signoff') ? scopeIds(user, 'portfolio') : [];
}

const whose = (set: ReportSet) =>
  set.portfolioTitle ? `the ${set.portfolioTitle} portfolio` : 'its portfolio';

export async function checkMayPropose(db: Db, user: CurrentUser, set: ReportSet): Promise<void> {
  authorize(user, 'reportset.propose');
  if (!directsPortfolio(user, set.portfolioId, await portfolioDirectorates(db, user.councilId)))
    throw new ForbiddenError(
      `Only a director whose directorate answers to ${whose(set)} may propose ${set.title} for sign-off`,
    );
}

export function checkMayDecide(user: CurrentUser, set: ReportSet, what: string): void {
  authorize(user, 'reportset.signoff');
  if (!holdsPortfolio(user, set.portfolioId))
    throw new ForbiddenError(
      `Only the Cabinet Member for ${whose(set)} (${set.cabinetMemberName ?? 'not named'}) may ${what}`,
    );
}

/** A director of the portfolio or the performance team. */
export async function checkMayRequestChange(db: Db, user: CurrentUser, set: ReportSet): Promise<void> {
  if (can(user, 'report.manage')) return;
  const refusal = `Only a director whose directorate answers to ${whose(set)}, or the performance team, may request a change to ${set.title}`;
  if (!can(user, 'reportset.propose')) throw new ForbiddenError(refusal);
  if (!directsPortfolio(user, set.portfolioId, await portfolioDirectorates(db, user.councilId)))
    throw new ForbiddenError(refusal);
}

export interface SetPermissions {
  manage: boolean;
  propose: boolean;
  decide: boolean;
  requestChange: boolean;
}

/** What the user may do to this set, whatever its state: which buttons the page offers. */
export async function permissionsOn(db: Db, user: CurrentUser, set: ReportSet): Promise<SetPermissions> {
  const directs =
    set.audience === 'portfolio' &&
    directsPortfolio(user, set.portfolioId, await portfolioDirectorates(db, user.councilId));
  const manage = can(user, 'report.manage');
  return {
    manage,
    propose: directs,
    decide: set.audience === 'portfolio' && holdsPortfolio(user, set.portfolioId),
    requestChange: set.audience === 'portfolio' && (directs || manage),
  };
}
