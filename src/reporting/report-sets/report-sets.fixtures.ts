// Shared set-up for the report-set tests: the demo council in a fresh database with its users, a Cabinet Member
// and a director of another portfolio, a set-maker, a refusal assertion, and a browser-like form session that can
// tick several boxes (a repeated field).
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { createUser } from '../../access/users.service.ts';
import { findUserByEmail, toCurrentUser } from '../../access/users.queries.ts';
import type { Db } from '../../db/connection.ts';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import type { ReportSetInput } from './report-set-input.ts';
import type { ReportSet } from './report-sets.queries.ts';
import { saveReportSet } from './report-sets.service.ts';

export type Who =
  'officer' | 'director' | 'cabinet' | 'owner' | 'councillor' | 'admin' | 'cabinetAdults' | 'directorAdults';

const demoEmails: Partial<Record<Who, string>> = {
  officer: 'performance',
  director: 'director.housing',
  cabinet: 'cabinet.housing',
  owner: 'housing.owner',
  councillor: 'councillor',
  admin: 'admin',
};

/** The demo's people, and two it lacks: the Cabinet Member for adults and the director of adults' services. */
export async function governanceUsers(db: Db): Promise<Record<Who, CurrentUser>> {
  const found: Partial<Record<Who, CurrentUser>> = {};
  const byEmail = async (email: string) => {
    const row = await findUserByEmail(db, email);
    assert.ok(row, email);
    return toCurrentUser(row, null);
  };
  for (const [who, name] of Object.entries(demoEmails) as [Who, string][])
    found[who] = await byEmail(`${name}@anytown.example`);
  const councilId = found.officer?.councilId ?? '';
  const extra = [
    [
      'cabinetAdults',
      'cabinet.adults@anytown.example',
      'Cllr Helen Okafor',
      'cabinet_member',
      'portfolio:PF-ADU',
    ],
    ['directorAdults', 'director.adults@anytown.example', 'Sarah Whitfield', 'director', 'directorate:ASC'],
  ] as const;
  for (const [who, email, displayName, role, scope] of extra) {
    if (!(await findUserByEmail(db, email)))
      await createUser(db, { councilId, email, displayName, role, password: DEMO_PASSWORD, scopes: [scope] });
    found[who] = await byEmail(email);
  }
  return found as Record<Who, CurrentUser>;
}

let counter = 0;
/** A name no demo set uses. */
export const uniqueName = (prefix: string) => `${prefix}-${++counter}-${process.pid}`;

/** A year no demo set is for, so the tests' sign-offs are the only ones counted. */
export const TEST_YEAR = '2031-32';

export function setInput(overrides: Partial<ReportSetInput> = {}): ReportSetInput {
  return {
    name: uniqueName('test-housing'),
    title: 'Housing: quarterly performance',
    audience: 'portfolio',
    portfolio: 'PF-HOU',
    committee: '',
    grouping: 'service',
    year: TEST_YEAR,
    recipients: ['cabinet.housing@anytown.example'],
    measures: ['HOU-01', 'HOU-02', 'HOU-07'],
    ...overrides,
  };
}

export function aSet(
  db: Db,
  officer: CurrentUser,
  overrides: Partial<ReportSetInput> = {},
): Promise<ReportSet> {
  return saveReportSet(db, officer, { input: setInput(overrides) });
}

export async function measureIdsOf(db: Db, codes: string[]): Promise<string[]> {
  const rows = await db.selectFrom('measures').select(['id', 'code']).where('code', 'in', codes).execute();
  const byCode = new Map(rows.map((r) => [r.code, String(r.id)]));
  return codes.map((c) => {
    const id = byCode.get(c);
    assert.ok(id, c);
    return id;
  });
}

export async function codesOfSet(db: Db, setId: string): Promise<string[]> {
  const rows = await sql<{ code: string }>`
    SELECT m.code FROM report_set_measures rsm JOIN measures m ON m.id = rsm.measure_id
    WHERE rsm.report_set_id = ${setId} ORDER BY rsm.position`.execute(db);
  return rows.rows.map((r) => r.code);
}

/** Asserts an AppError with this status whose message matches, and (if given) a problem on the field. */
export { refused } from '../../testing/refused.ts';

/** A browser-like session that posts forms with repeated fields and keeps the CSRF token of the last page read. */
export class FormSession {
  private cookie = '';
  csrf = '';

  constructor(readonly baseUrl: string) {}

  static async signIn(baseUrl: string, email: string): Promise<FormSession> {
    const session = new FormSession(baseUrl);
    const response = await fetch(`${baseUrl}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 302, `sign-in as ${email}`);
    session.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await session.get('/report-sets');
    return session;
  }

  async get(path: string): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(this.baseUrl + path, {
      redirect: 'manual',
      headers: { cookie: this.cookie },
    });
    const text = await response.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return { status: response.status, text, location: response.headers.get('location') };
  }

  /** Posts the fields (a list value repeats the field); the CSRF token is added unless `csrf` is false. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    csrf = true,
  ): Promise<{ status: number; text: string; location: string | null }> {
    const body = new URLSearchParams(csrf ? { _csrf: this.csrf } : {});
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get('location'),
    };
  }

  async json(method: string, path: string, payload?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: response.status, body: await response.json() };
  }
}
