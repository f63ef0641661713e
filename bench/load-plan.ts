// bench/load's cast: N accounts of the demo council made with the app's own createUser, spread over the roles that
// sign in (data owners of every service, performance officers, directors, Cabinet Members, councillors), each
// given what it will do — its own measure × period to enter figures for (so no write can meet another's), the
// published report it downloads.
import { sql } from 'kysely';
import type { CurrentUser } from '../src/access/current-user.ts';
import { servicesInReach } from '../src/access/scope.ts';
import { createUser } from '../src/access/users.service.ts';
import { findUserByEmail, toCurrentUser } from '../src/access/users.queries.ts';
import { nextPeriod, parsePeriod, periodKey } from '../src/assessment/index.ts';
import { duePeriod } from '../src/collection/entry.service.ts';
import { writableMeasures } from '../src/collection/entry.queries.ts';
import type { Db } from '../src/db/connection.ts';
import type { Role } from '../src/db/schema.ts';
import { LOAD_PASSWORD, type Action, type Cell, type VirtualUser } from './load-mix.ts';

/** Shares of the accounts by role, in whole parts of 10: half of those who sign in are data owners. */
const ROLE_PARTS: {
  role: Role;
  parts: number;
  scope: 'service' | 'directorate' | 'portfolio' | 'committee' | null;
}[] = [
  { role: 'data_owner', parts: 5, scope: 'service' },
  { role: 'performance_officer', parts: 1, scope: null },
  { role: 'director', parts: 2, scope: 'directorate' },
  { role: 'cabinet_member', parts: 1, scope: 'portfolio' },
  { role: 'councillor', parts: 1, scope: 'committee' },
];

const WRITERS: ReadonlySet<Role> = new Set(['data_owner', 'performance_officer']);

async function codes(db: Db, councilId: string, scope: string): Promise<string[]> {
  const table = {
    service: 'services',
    directorate: 'directorates',
    portfolio: 'portfolios',
    committee: 'committees',
  }[scope];
  if (!table) return [];
  const rows = await sql<{ code: string }>`SELECT code FROM ${sql.table(table)}
    WHERE council_id = ${councilId} ORDER BY code`.execute(db);
  return rows.rows.map((r) => r.code);
}

async function currentUser(db: Db, email: string): Promise<CurrentUser> {
  const row = await findUserByEmail(db, email);
  if (!row) throw new Error(`${email} was not created`);
  return toCurrentUser(row, null);
}

/** Every `n`th account of a role goes to the next scope in turn, so each service has its data owners. */
function rolesFor(count: number): Role[] {
  const cycle = ROLE_PARTS.flatMap((r) => Array.from({ length: r.parts }, () => r.role));
  return Array.from({ length: count }, (_, i) => cycle[i % cycle.length] ?? 'data_owner');
}

/**
 * Creates `count` accounts (e-mail load-NNN@anytown.example, password LOAD_PASSWORD) in the council, and the cells
 * and downloads they use. `format`: the report file downloaded (docx, pdf, xlsx, csv).
 */
export async function castUsers(
  db: Db,
  councilId: string,
  count: number,
  format: string,
): Promise<VirtualUser[]> {
  const scopeCodes = new Map<string, string[]>();
  for (const r of ROLE_PARTS) if (r.scope) scopeCodes.set(r.scope, await codes(db, councilId, r.scope));
  const reports = await sql<{ name: string; period: string }>`
    SELECT s.name, r.period FROM reports r JOIN report_sets s ON s.id = r.report_set_id
    WHERE r.council_id = ${councilId} AND r.status = 'published' ORDER BY s.name, r.period`.execute(db);
  if (reports.rows.length === 0) throw new Error('the council has no published report to download');
  // Measures whose figures have no validation rule: a load test's figures must not need an explanation.
  const plain = new Set(
    (
      await sql<{ code: string }>`SELECT m.code FROM measures m WHERE m.council_id = ${councilId}
        AND m.calculation_type = 'value'
        AND NOT EXISTS (SELECT 1 FROM measure_validation_rule_sets r WHERE r.measure_id = m.id)`.execute(db)
    ).rows.map((r) => r.code),
  );
  const taken = new Map<string, number>();
  const today = new Date().toISOString().slice(0, 10);
  const turn = new Map<Role, number>();
  const users: VirtualUser[] = [];
  for (const [i, role] of rolesFor(count).entries()) {
    const n = turn.get(role) ?? 0;
    turn.set(role, n + 1);
    const scope = ROLE_PARTS.find((r) => r.role === role)?.scope ?? null;
    const inScope = scope ? (scopeCodes.get(scope) ?? []) : [];
    const email = `load-${String(i + 1).padStart(3, '0')}@anytown.example`;
    await createUser(db, {
      councilId,
      email,
      displayName: `Load user ${i + 1}`,
      role,
      password: LOAD_PASSWORD,
      scopes: scope ? [`${scope}:${inScope[n % inScope.length]}`] : [],
    });
    const report = reports.rows[i % reports.rows.length];
    const download = `/reports/${report?.name}/${report?.period}/download/${format}`;
    const user = await currentUser(db, email);
    const cell = WRITERS.has(role) ? await claimCell(db, user, plain, taken, today, n) : null;
    const readable = await writableMeasures(db, councilId, servicesInReach(user, 'value.read'));
    const measures = readable.slice(0, 20).map((m) => m.code);
    const actions: Action[] = [
      'overview',
      ...(measures.length > 0 ? (['measure'] as const) : []),
      'download',
      ...(cell ? (['entry'] as const) : []),
    ];
    users.push({ email, role, actions, cell, download, measures });
  }
  return users;
}

/**
 * The next unused period of one of the user's writable measures: the period now due, or one after it if another
 * user already has that, so that every user's figure is its own.
 */
async function claimCell(
  db: Db,
  user: CurrentUser,
  plain: ReadonlySet<string>,
  taken: Map<string, number>,
  today: string,
  turn: number,
): Promise<Cell | null> {
  const measures = (await writableMeasures(db, user.councilId, servicesInReach(user, 'value.write'))).filter(
    (m) => plain.has(m.code),
  );
  const measure = measures[turn % Math.max(1, measures.length)];
  if (!measure) return null;
  const used = taken.get(measure.code) ?? 0;
  taken.set(measure.code, used + 1);
  let period = parsePeriod(duePeriod(measure.frequency, measure.latest_period, today).period);
  for (let k = 0; k < used; k++) period = nextPeriod(period);
  const step = 10 ** -measure.decimals;
  const latest = measure.latest_value == null ? 10 : Number(measure.latest_value);
  return { code: measure.code, period: periodKey(period), value: latest, step };
}
