// Use cases for changing governance: portfolios (a Cabinet Member, their directorates and services) and
// committees (select committees and CMT, with terms of reference, themes and the services they scrutinise).
import type { CurrentUser } from '../access/current-user.ts';
import type { Db } from '../db/connection.ts';
import { recordCommitteeVersion } from './committee-versions.ts';
import { type Editor, recordForEdit, saveRecord, type SelectItem, type Snapshot } from './editing.service.ts';
import {
  type CommitteeValues,
  idsByCode,
  insertCommittee,
  insertPortfolio,
  otherCmtExists,
  type PortfolioValues,
  setCommitteeServices,
  setPortfolioLinks,
  updateCommittee,
  updatePortfolio,
} from './edits.queries.ts';
import type { FormReader } from './form-reader.ts';
import {
  type CommitteeRow,
  findCommittee,
  findPortfolio,
  listServices,
  type PortfolioRow,
} from './structure.queries.ts';

/** Resolves ticked codes to ids, noting a problem on the field when any is not in the council. */
export async function ticked(
  db: Db,
  councilId: string,
  form: FormReader,
  field: 'directorates' | 'services',
): Promise<string[]> {
  const codes = form.list(field);
  const ids = await idsByCode(db, field, councilId, codes);
  const unknown = codes.filter((c) => !ids.has(c));
  if (unknown.length > 0) {
    form.fail(
      field,
      `There is no ${field === 'services' ? 'service' : 'directorate'} ${unknown.join(', ')} in this council: tick ${field} from the list`,
    );
  }
  return [...ids.values()];
}

type PortfolioInput = PortfolioValues & { directorateIds: string[]; serviceIds: string[] };

const portfolioEditor: Editor<PortfolioRow, PortfolioInput> = {
  entity: 'portfolio',
  table: 'portfolios',
  find: findPortfolio,
  async read(db, councilId, form, code) {
    return {
      code,
      title: form.text('title', { label: 'Title', max: 200, required: 'Enter the title of the portfolio' }),
      cabinet_member_name: form.text('cabinetMemberName', {
        label: 'Cabinet Member',
        max: 120,
        required: 'Enter the name of the Cabinet Member who holds the portfolio',
      }),
      directorateIds: await ticked(db, councilId, form, 'directorates'),
      serviceIds: await ticked(db, councilId, form, 'services'),
    };
  },
  insert: (db, councilId, v) =>
    insertPortfolio(db, councilId, {
      code: v.code,
      title: v.title,
      cabinet_member_name: v.cabinet_member_name,
    }),
  update: (db, id, version, v) =>
    updatePortfolio(db, id, version, {
      code: v.code,
      title: v.title,
      cabinet_member_name: v.cabinet_member_name,
    }),
  link: (db, councilId, id, v) => setPortfolioLinks(db, councilId, id, v.directorateIds, v.serviceIds),
  snapshot: (row) => ({
    code: row.code,
    title: row.title,
    cabinetMemberName: row.cabinet_member_name,
    directorates: row.directorate_codes,
    services: row.service_codes,
    version: row.version,
  }),
};

type CommitteeInput = CommitteeValues & { serviceIds: string[] };

/** A committee as its forms show it and the audit log records it. */
export function committeeSnapshot(row: CommitteeRow): Snapshot {
  return {
    code: row.code,
    title: row.title,
    kind: row.kind,
    chairName: row.chair_name,
    termsOfReference: row.terms_of_reference,
    themes: row.themes,
    services: row.service_codes,
    version: row.version,
  };
}

const committeeEditor: Editor<CommitteeRow, CommitteeInput> = {
  entity: 'committee',
  table: 'committees',
  find: findCommittee,
  async read(db, councilId, form, code, existing) {
    const kind = form.choice(
      'kind',
      ['select', 'cmt'] as const,
      'Select whether this is a select committee or the Corporate Management Team',
    );
    if (kind === 'cmt' && (await otherCmtExists(db, councilId, existing?.id))) {
      form.fail('kind', 'The council already has a Corporate Management Team: choose select committee');
    }
    return {
      code,
      title: form.text('title', { label: 'Title', max: 200, required: 'Enter the title of the committee' }),
      kind,
      chair_name: form.text('chairName', { label: 'Chair', max: 120 }),
      terms_of_reference: form.text('termsOfReference', { label: 'Terms of reference', max: 10000 }),
      themes: form.lines('themes', { label: 'Themes', maxEach: 100, maxCount: 30 }),
      serviceIds: await ticked(db, councilId, form, 'services'),
    };
  },
  insert: (db, councilId, { serviceIds: _, ...values }) => insertCommittee(db, councilId, values),
  update: (db, id, version, { serviceIds: _, ...values }) => updateCommittee(db, id, version, values),
  link: (db, councilId, id, v) => setCommitteeServices(db, councilId, id, v.serviceIds),
  // Every save is a version of the committee's terms of reference, whichever form made it.
  afterSave: (db, user, before, after) => recordCommitteeVersion(db, user, before, after, ''),
  snapshot: committeeSnapshot,
};

export const savePortfolio = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, portfolioEditor, body, code);

export const portfolioForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, portfolioEditor, code);

export const saveCommittee = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, committeeEditor, body, code);

export const committeeForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, committeeEditor, code);

/** Every service, labelled with its directorate, to tick for a portfolio or committee. */
export async function serviceChoices(db: Db, user: CurrentUser): Promise<SelectItem[]> {
  const services = await listServices(db, user.councilId);
  return services.map((s) => ({ value: s.code, text: `${s.name} (${s.directorate_name})` }));
}
