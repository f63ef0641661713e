// Test data for the assurance registers: the demo council's people as signed-in users, and filled-in forms.
import assert from 'node:assert/strict';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import type { Db } from '../db/connection.ts';

/** The demo council's users by the local part of their e-mail ('performance', 'housing.owner'). */
export async function demoPeople(db: Db, names: string[]): Promise<(name: string) => CurrentUser> {
  const people = new Map<string, CurrentUser>();
  for (const name of names) {
    const row = await findUserByEmail(db, `${name}@anytown.example`);
    assert.ok(row, name);
    people.set(name, toCurrentUser(row, null));
  }
  return (name) => {
    const person = people.get(name);
    assert.ok(person, name);
    return person;
  };
}

/** A GOV.UK date input's three fields from 'YYYY-MM-DD'. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

/** An ILACS inspection of Children in Care, judged 'Good', with two recommendations. */
export function anInspectionForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    service: 'CHS-CIC',
    title: 'Inspection of local authority children’s services',
    ...dateFields('startedOn', '2026-03-02'),
    ...dateFields('endedOn', '2026-03-13'),
    ...dateFields('publishedOn', '2026-04-20'),
    overall: 'Good',
    'area-1': 'Good',
    'area-3': 'Requires improvement to be good',
    reportUrl: 'https://reports.ofsted.gov.uk/provider/44/80001',
    summary: 'Children in care are well supported; care leavers’ housing needs attention.',
    recommendations: 'Improve the sufficiency of local placements\nStrengthen pathway plans for care leavers',
    ...dateFields('nextExpectedOn', '2029-03-01'),
    nextExpectedNote: 'Within three years of a standard inspection',
    ...overrides,
  };
}

/** An action's form, due on `due`, owned by the user with that id. */
export function anActionForm(
  ownerId: string,
  due: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    title: 'Recover the repairs backlog',
    description: 'Extra contractor capacity for twelve weeks',
    owner: ownerId,
    ...dateFields('dueOn', due),
    ...overrides,
  };
}

/** A statutory return's form: the children looked after return (SSDA903) due on `due`. */
export function aReturnForm(
  ownerId: string,
  due: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    code: 'SSDA903',
    title: 'Children looked after return (SSDA903)',
    recipient: 'DfE',
    frequency: 'annual',
    referencePeriod: '2025 to 2026',
    ...dateFields('dueOn', due),
    service: 'CHS-CIC',
    owner: ownerId,
    reminderDays: '14',
    measures: '',
    checks: 'Reconcile episodes with the case management system\nCheck missing UPNs',
    notes: '',
    ...overrides,
  };
}
