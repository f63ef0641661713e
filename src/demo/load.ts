// Loads the demo council, Anytown Borough Council, in one transaction: clears any earlier copy, then writes
// the organisation, strategy, governance, users, measures, targets and five years of figures.
import { insertDemoBenchmarks } from './benchmarks.ts';
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../access/passwords.ts';
import type { Db } from '../db/connection.ts';
import type { Database, ScopeType } from '../db/schema.ts';
import { DEMO_SEED, generateDemo, type DemoDataset } from './generate.ts';
import { idOf, insertFigures, type Codes } from './load.figures.ts';
import { deleteCouncilRows } from './reset.ts';
import { DEMO_PASSWORD } from './users.ts';
import { insertDemoRules } from './validation-rules.ts';
import { demoMeasures } from './measures.ts';
import { insertDemoFindings, insertDemoRounds, insertProviderMeasures } from './quality.ts';
import { insertDemoReports } from './reports.ts';
import { insertDemoAssurance } from './assurance.ts';

const codesOf = (rows: { id: string; code: string }[]): Codes => new Map(rows.map((r) => [r.code, r.id]));

async function councilIdFor(db: Kysely<Database>, data: DemoDataset): Promise<string> {
  const existing = await db
    .selectFrom('councils')
    .select('id')
    .where('slug', '=', data.council.slug)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('councils').set({ name: data.council.name }).where('id', '=', existing.id).execute();
    await deleteCouncilRows(db, existing.id);
    return existing.id;
  }
  const inserted = await db
    .insertInto('councils')
    .values({ slug: data.council.slug, name: data.council.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

async function insertOrganisation(db: Kysely<Database>, councilId: string, data: DemoDataset) {
  const directorates = codesOf(
    await db
      .insertInto('directorates')
      .values(
        data.directorates.map((d) => ({
          council_id: councilId,
          code: d.code,
          name: d.name,
          director_name: d.directorName,
        })),
      )
      .returning(['id', 'code'])
      .execute(),
  );
  const services = codesOf(
    await db
      .insertInto('services')
      .values(
        data.services.map((s) => ({
          council_id: councilId,
          directorate_id: idOf(directorates, s.directorate, 'directorate'),
          code: s.code,
          name: s.name,
          head_of_service: s.headOfService,
        })),
      )
      .returning(['id', 'code'])
      .execute(),
  );
  const providers = codesOf(
    await db
      .insertInto('providers')
      .values(
        data.providers.map((p) => ({
          council_id: councilId,
          service_id: idOf(services, p.service, 'service'),
          code: p.code,
          name: p.name,
          kind: p.kind,
        })),
      )
      .returning(['id', 'code'])
      .execute(),
  );
  const { strategy } = data;
  const strategyRow = await db
    .insertInto('strategies')
    .values({
      council_id: councilId,
      title: strategy.title,
      start_year: strategy.startYear,
      end_year: strategy.endYear,
      summary: strategy.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const priorities = codesOf(
    await db
      .insertInto('priorities')
      .values(
        data.priorities.map((p, i) => ({
          council_id: councilId,
          strategy_id: strategyRow.id,
          code: p.code,
          title: p.title,
          description: p.description,
          position: i + 1,
        })),
      )
      .returning(['id', 'code'])
      .execute(),
  );
  const outcomes = codesOf(
    await db
      .insertInto('outcomes')
      .values(
        data.outcomes.map((o, i) => ({
          council_id: councilId,
          priority_id: idOf(priorities, o.priority, 'priority'),
          code: o.code,
          title: o.title,
          description: o.description,
          position: i + 1,
        })),
      )
      .returning(['id', 'code'])
      .execute(),
  );
  return { directorates, services, providers, outcomes };
}

async function insertGovernance(
  db: Kysely<Database>,
  councilId: string,
  data: DemoDataset,
  org: { directorates: Codes; services: Codes },
) {
  const portfolios: Codes = new Map();
  for (const p of data.portfolios) {
    const row = await db
      .insertInto('portfolios')
      .values({
        council_id: councilId,
        code: p.code,
        title: p.title,
        cabinet_member_name: p.cabinetMemberName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    portfolios.set(p.code, row.id);
    await db
      .insertInto('portfolio_directorates')
      .values(
        p.directorates.map((d) => ({
          council_id: councilId,
          portfolio_id: row.id,
          directorate_id: idOf(org.directorates, d, 'directorate'),
        })),
      )
      .execute();
    await db
      .insertInto('portfolio_services')
      .values(
        p.services.map((s) => ({
          council_id: councilId,
          portfolio_id: row.id,
          service_id: idOf(org.services, s, 'service'),
        })),
      )
      .execute();
  }
  const committees: Codes = new Map();
  for (const c of data.committees) {
    const row = await db
      .insertInto('committees')
      .values({
        council_id: councilId,
        code: c.code,
        title: c.title,
        kind: c.kind,
        terms_of_reference: c.termsOfReference,
        themes: c.themes,
        chair_name: c.chairName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    committees.set(c.code, row.id);
    await db
      .insertInto('committee_services')
      .values(
        c.services.map((s) => ({
          council_id: councilId,
          committee_id: row.id,
          service_id: idOf(org.services, s, 'service'),
        })),
      )
      .execute();
  }
  return { portfolios, committees };
}

async function insertUsers(
  db: Kysely<Database>,
  councilId: string,
  data: DemoDataset,
  passwordHash: string,
  scopes: Record<ScopeType, Codes>,
) {
  const users: Codes = new Map();
  for (const u of data.users) {
    const row = await db
      .insertInto('users')
      .values({
        council_id: councilId,
        email: u.email,
        display_name: u.displayName,
        role: u.role,
        password_hash: passwordHash,
        created_at: new Date('2022-04-01T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users.set(u.email, row.id);
    if (u.scopes.length === 0) continue;
    await db
      .insertInto('user_scopes')
      .values(
        u.scopes.map((s) => ({
          council_id: councilId,
          user_id: row.id,
          scope_type: s.type,
          scope_id: idOf(scopes[s.type], s.code, s.type),
        })),
      )
      .execute();
  }
  return users;
}

export async function loadDemo(
  db: Db,
  options: { password?: string } = {},
): Promise<{ councilId: string; measures: number; values: number; targets: number }> {
  const data = generateDemo(DEMO_SEED);
  // One hash for every demo user: argon2 is slow on purpose, and they all share the published password.
  const passwordHash = await hashPassword(options.password ?? DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const councilId = await councilIdFor(trx, data);
    const org = await insertOrganisation(trx, councilId, data);
    const governance = await insertGovernance(trx, councilId, data, org);
    const users = await insertUsers(trx, councilId, data, passwordHash, {
      directorate: org.directorates,
      service: org.services,
      portfolio: governance.portfolios,
      committee: governance.committees,
      provider: org.providers,
    });
    const counts = await insertFigures(trx, councilId, data, {
      services: org.services,
      outcomes: org.outcomes,
      users,
    });
    await insertDemoRules(trx, councilId);
    const officer = users.get('performance@anytown.example');
    if (!officer) throw new Error('the demo has no performance officer');
    await insertProviderMeasures(trx, councilId, demoMeasures);
    await insertDemoRounds(trx, councilId, officer);
    await insertDemoFindings(trx, councilId, officer);
    await insertDemoAssurance(trx, councilId, officer);
    // Before the reports, so the published reports compare the measures with similar councils.
    await insertDemoBenchmarks(trx, councilId, data.seed);
    await insertDemoReports(trx, councilId, officer, governance);
    await sql`INSERT INTO audit_log (council_id, action, entity, entity_id, after)
      VALUES (${councilId}, 'demo.load', 'council', ${councilId},
              ${JSON.stringify({ seed: data.seed, measures: counts.measures, values: counts.values })}::jsonb)`.execute(
      trx,
    );
    return { councilId, ...counts };
  });
}
