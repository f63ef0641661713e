// What the report-set pages show: the list of every set with what awaits the reader (a director's sets to propose,
// a Cabinet Member's sets and changes to decide), and one set with its measures — a committee's showing which
// portfolio signed each off, flagging those signed off in none — its sign-off, its change requests and history.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import type { SignOffStatus } from '../../db/schema.ts';
import {
  directsPortfolio,
  permissionsOn,
  portfolioDirectorates,
  portfoliosHeld,
  type SetPermissions,
} from './report-set-access.ts';
import { type ChangeRow, changesOfSet, openChangesOfPortfolios } from './report-set-changes.queries.ts';
import { setHistory, setMeasures } from './report-set-page.queries.ts';
import { listReportSets, type ReportSet, signedOffPortfoliosOfMeasures } from './report-sets.queries.ts';
import { setOrNotFound } from './sign-off.service.ts';
import {
  AUDIENCE_WORDS,
  CHANGE_STATUS_WORDS,
  CHANGE_WORDS,
  HISTORY_WORDS,
  SIGN_OFF_TAGS,
  SIGN_OFF_WORDS,
} from './sign-off.rules.ts';

/** "Cabinet portfolio: Housing (Cllr Priya Shah)", "Select committee: Place & Housing Scrutiny Committee" … */
export function audienceLabel(set: ReportSet): string {
  if (set.audience === 'portfolio')
    return `${AUDIENCE_WORDS.portfolio}: ${set.portfolioTitle ?? ''}${set.cabinetMemberName ? ` (${set.cabinetMemberName})` : ''}`;
  if (set.audience === 'committee') return `${AUDIENCE_WORDS.committee}: ${set.committeeTitle ?? ''}`;
  return AUDIENCE_WORDS[set.audience];
}

const tagOf = (status: SignOffStatus | null) => (status ? SIGN_OFF_TAGS[status] : null);

export interface SetListItem {
  name: string;
  title: string;
  audience: string;
  year: string;
  signOff: { text: string; classes: string } | null;
  measureCount: number;
  returnComment: string;
}

const listItem = (set: ReportSet): SetListItem => ({
  name: set.name,
  title: set.title,
  audience: audienceLabel(set),
  year: set.year,
  signOff: tagOf(set.signOff),
  measureCount: set.measureIds.length,
  returnComment: set.signOff === 'returned' ? set.returnComment : '',
});

export interface ChangeView {
  id: string;
  setName: string;
  setTitle: string;
  change: string;
  changeLabel: string;
  measureCode: string;
  measureTitle: string;
  reason: string;
  status: ChangeRow['status'];
  statusWords: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string;
}

const changeView = (c: ChangeRow, set: { name: string; title: string }): ChangeView => ({
  id: String(c.id),
  setName: set.name,
  setTitle: set.title,
  change: c.change,
  changeLabel: CHANGE_WORDS[c.change],
  measureCode: c.measure_code,
  measureTitle: c.measure_title,
  reason: c.reason,
  status: c.status,
  statusWords: CHANGE_STATUS_WORDS[c.status],
  requestedBy: c.requested_by_name ?? 'Unknown',
  requestedAt: c.requested_at,
  decidedBy: c.decided_by_name,
  decidedAt: c.decided_at,
  comment: c.decision_comment,
});

export interface ListPage {
  sets: SetListItem[];
  toPropose: SetListItem[];
  toSignOff: SetListItem[];
  changesToDecide: ChangeView[];
  /** Whether the reader proposes or decides anything at all, so the "awaiting you" section shows. */
  actsOnSets: boolean;
}

export async function reportSetsPage(db: Db, user: CurrentUser): Promise<ListPage> {
  authorize(user, 'report.read');
  const [sets, directorates] = await Promise.all([
    listReportSets(db, user.councilId),
    portfolioDirectorates(db, user.councilId),
  ]);
  const held = portfoliosHeld(user);
  const portfolioSets = sets.filter((s) => s.audience === 'portfolio');
  const toPropose = portfolioSets.filter(
    (s) =>
      (s.signOff === 'draft' || s.signOff === 'returned') &&
      directsPortfolio(user, s.portfolioId, directorates),
  );
  const toSignOff = portfolioSets.filter(
    (s) => s.signOff === 'proposed' && s.portfolioId !== null && held.includes(s.portfolioId),
  );
  const changes = await openChangesOfPortfolios(db, user.councilId, held);
  const directs = portfolioSets.some((s) => directsPortfolio(user, s.portfolioId, directorates));
  return {
    sets: sets.map(listItem),
    toPropose: toPropose.map(listItem),
    toSignOff: toSignOff.map(listItem),
    changesToDecide: changes.map((c) => changeView(c, { name: c.set_name, title: c.set_title })),
    actsOnSets: held.length > 0 || directs,
  };
}

export interface SetMeasureView {
  code: string;
  title: string;
  status: string;
  serviceCode: string | null;
  serviceName: string | null;
  /** Committee sets: the portfolios whose signed-off sets of the same year include it. */
  signedOffIn: string[] | null;
  /** A committee's measure signed off in no portfolio. */
  flagged: boolean;
}

export interface HistoryView {
  at: Date;
  who: string;
  what: string;
  comment: string;
}

export interface SetPage {
  set: ReportSet;
  audience: string;
  signOff: { status: SignOffStatus; words: string; tag: { text: string; classes: string } } | null;
  measures: SetMeasureView[];
  flaggedCount: number;
  changes: ChangeView[];
  openChanges: ChangeView[];
  history: HistoryView[];
  may: SetPermissions & {
    proposeNow: boolean;
    decideNow: boolean;
    requestChangeNow: boolean;
    decideChanges: boolean;
  };
}

export async function reportSetPage(db: Db, user: CurrentUser, name: string): Promise<SetPage> {
  authorize(user, 'report.read');
  const set = await setOrNotFound(db, user.councilId, name);
  const [rows, changeRows, historyRows, may] = await Promise.all([
    setMeasures(db, set.id),
    changesOfSet(db, set.id),
    setHistory(db, set.id),
    permissionsOn(db, user, set),
  ]);
  const signedIn =
    set.audience === 'committee'
      ? await signedOffPortfoliosOfMeasures(db, user.councilId, set.measureIds, set.year)
      : null;
  const measures = rows.map((m) => {
    const portfolios = signedIn ? (signedIn.get(m.id) ?? []) : null;
    return {
      code: m.code,
      title: m.title,
      status: m.status,
      serviceCode: m.service_code,
      serviceName: m.service_name,
      signedOffIn: portfolios,
      flagged: portfolios !== null && portfolios.length === 0,
    };
  });
  const changes = changeRows.map((c) => changeView(c, set));
  return {
    set,
    audience: audienceLabel(set),
    signOff: set.signOff
      ? { status: set.signOff, words: SIGN_OFF_WORDS[set.signOff], tag: SIGN_OFF_TAGS[set.signOff] }
      : null,
    measures,
    flaggedCount: measures.filter((m) => m.flagged).length,
    changes,
    openChanges: changes.filter((c) => c.status === 'proposed'),
    history: historyRows.map((h) => ({
      at: h.at,
      who: h.user_name ?? 'Unknown',
      what:
        (HISTORY_WORDS[h.action] ?? h.action) +
        (h.change && h.measure
          ? `: ${CHANGE_WORDS[h.change === 'add' ? 'add' : 'remove']} ${h.measure}`
          : ''),
      comment: h.comment ?? '',
    })),
    may: {
      ...may,
      proposeNow: may.propose && (set.signOff === 'draft' || set.signOff === 'returned'),
      decideNow: may.decide && set.signOff === 'proposed',
      requestChangeNow: may.requestChange && set.signOff === 'signed_off',
      decideChanges: may.decide,
    },
  };
}
