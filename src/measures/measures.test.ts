// The measure library's use cases against PostgreSQL: versioned, audited create and edit, refusal of stale
// edits, validation that names fields, and search and filters done in SQL within the reader's reach.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import type { Db } from '../db/connection.ts';
import { aCouncil, aService, aUser, type Place } from '../reporting/fixtures.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../web/errors.ts';
import type { MeasureInput } from './measures.schema.ts';
import { findMeasures, listMeasures } from './library.service.ts';
import { getMeasure, measureHistory, saveMeasure } from './measures.service.ts';

async function userOf(db: Db, id: string): Promise<CurrentUser> {
  const row = await db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow();
  const found = await findUserByEmail(db, row.email);
  assert.ok(found);
  return toCurrentUser(found, null);
}

function fieldsOf(error: unknown): string[] {
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  return error.details.map((d) => d.field);
}

describe('creating and editing measures', () => {
  let database: TestDatabase;
  let place: Place;
  let officer: CurrentUser;
  let colleague: CurrentUser;
  let otherService: { id: string; code: string };
  const count = async (table: 'measure_versions' | 'audit_log') =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]
        ?.n,
    );

  before(async () => {
    database = await freshDatabase('empty');
    const db = database.db;
    place = await aCouncil(db);
    officer = await userOf(db, await aUser(db, place.councilId, 'performance_officer'));
    colleague = await userOf(db, await aUser(db, place.councilId, 'performance_officer'));
    const otherId = await aService(db, place.councilId, place.directorateId);
    otherService = await db
      .selectFrom('services')
      .select(['id', 'code'])
      .where('id', '=', otherId)
      .executeTakeFirstOrThrow();
    const strategy = await db
      .insertInto('strategies')
      .values({ council_id: place.councilId, title: 'Plan', start_year: 2025, end_year: 2030 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const priority = await db
      .insertInto('priorities')
      .values({
        council_id: place.councilId,
        strategy_id: strategy.id,
        code: 'PR1',
        title: 'Homes',
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('outcomes')
      .values({
        council_id: place.councilId,
        priority_id: priority.id,
        code: 'OC1',
        title: 'Decent homes',
        version: 1,
      })
      .execute();
  });
  after(async () => database.drop());

  const leadCode = async () =>
    (
      await database.db
        .selectFrom('services')
        .select('code')
        .where('id', '=', place.serviceId)
        .executeTakeFirstOrThrow()
    ).code;

  const aDampMeasure = async (overrides: MeasureInput = {}): Promise<MeasureInput> => ({
    code: 'TST-01',
    title: 'Damp reports investigated on time',
    definition: 'Reports of damp investigated within the legal timescale.',
    calculationType: 'ratio',
    numeratorLabel: 'On time',
    denominatorLabel: 'Due',
    unit: 'percent',
    decimals: 1,
    polarity: 'up',
    frequency: 'monthly',
    accumulation: 'discrete',
    leadService: await leadCode(),
    services: [otherService.code],
    outcomes: ['OC1'],
    tags: ['statutory', 'public'],
    externalRefs: [{ scheme: 'tsm', ref: 'TP01' }],
    status: 'active',
    effectiveFrom: '2025-04-01',
    ...overrides,
  });

  test('creates version 1 with its services, outcomes, version row and audit row', async () => {
    const saved = await saveMeasure(database.db, officer, {
      input: await aDampMeasure(),
      note: 'New for Awaab’s Law',
    });
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.externalRefs, [{ scheme: 'TSM', ref: 'TP01' }]);
    assert.deepEqual(saved.services.map((s) => s.code).sort(), [await leadCode(), otherService.code].sort());
    assert.deepEqual(
      saved.outcomes.map((o) => [o.code, o.priority.code]),
      [['OC1', 'PR1']],
    );
    assert.equal(saved.effectiveFrom, '2025-04-01');
    const version = await database.db.selectFrom('measure_versions').selectAll().executeTakeFirstOrThrow();
    assert.equal(version.version, 1);
    assert.equal(version.note, 'New for Awaab’s Law');
    assert.equal((version.snapshot as { title: string }).title, 'Damp reports investigated on time');
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'measure')
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'measure.create');
    assert.equal(audit.before, null);
    assert.equal((audit.after as { code: string }).code, 'TST-01');
  });

  test('an edit moves to the next version and the history shows what changed, field by field', async () => {
    const saved = await saveMeasure(database.db, officer, {
      code: 'TST-01',
      version: 1,
      input: { title: 'Damp and mould reports investigated on time', tags: ['statutory'], outcomes: [] },
      note: 'Wording agreed at CMT',
    });
    assert.equal(saved.version, 2);
    assert.equal(
      saved.definition,
      'Reports of damp investigated within the legal timescale.',
      'fields left out are kept',
    );
    const { versions } = await measureHistory(database.db, officer, 'TST-01');
    assert.deepEqual(
      versions.map((v) => v.version),
      [2, 1],
    );
    assert.equal(versions[0]?.note, 'Wording agreed at CMT');
    assert.deepEqual(
      versions[0]?.changes?.map((c) => [c.label, c.before, c.after]),
      [
        ['Title', 'Damp reports investigated on time', 'Damp and mould reports investigated on time'],
        ['Outcomes', 'OC1', '(none)'],
        ['Tags', 'statutory, public', 'statutory'],
      ],
    );
    assert.equal(versions[1]?.changes, null);
  });

  test('an edit from a stale version is refused, saying who changed it, and writes nothing', async () => {
    const [versionsBefore, auditBefore] = [await count('measure_versions'), await count('audit_log')];
    await assert.rejects(
      saveMeasure(database.db, colleague, { code: 'TST-01', version: 1, input: { title: 'Something else' } }),
      (e: unknown) =>
        e instanceof ConflictError &&
        /^Someone else changed this measure since you opened it \(now version 2 by Test User at .+\)\. Your changes have not been saved\.$/.test(
          e.message,
        ),
    );
    assert.equal(
      (await getMeasure(database.db, officer, 'TST-01')).title,
      'Damp and mould reports investigated on time',
    );
    assert.equal(await count('measure_versions'), versionsBefore);
    assert.equal(await count('audit_log'), auditBefore);
  });

  test('names each bad field: code format, title, ratio labels, decimals, dates, references', async () => {
    const error = await saveMeasure(database.db, officer, {
      input: await aDampMeasure({
        code: 'hou 7',
        title: ' ',
        numeratorLabel: '',
        denominatorLabel: '',
        decimals: 7,
        effectiveFrom: '2026-04-01',
        effectiveTo: '2026-03-31',
        externalRefs: [{ scheme: 'TSM TP01', ref: '' }],
        services: ['NOPE'],
        owner: 'nobody@example.com',
      }),
    }).catch((e: unknown) => e);
    assert.deepEqual(fieldsOf(error).sort(), [
      'code',
      'decimals',
      'denominatorLabel',
      'effectiveTo',
      'externalRefs',
      'numeratorLabel',
      'owner',
      'services',
      'title',
    ]);
    const messages = (error as ValidationError).details.map((d) => d.message).join('\n');
    assert.match(
      messages,
      /External reference 1 \('TSM TP01'\) must be written SCHEME:REF, for example TSM:TP01/,
    );
    assert.match(messages, /Effective to must be the same as or after effective from/);
  });

  test('a new measure must say its unit, polarity, frequency and accumulation', async () => {
    const error = await saveMeasure(database.db, officer, { input: { code: 'TST-02', title: 'Bare' } }).catch(
      (e: unknown) => e,
    );
    assert.deepEqual(fieldsOf(error).sort(), ['accumulation', 'frequency', 'polarity', 'unit']);
  });

  test('a code already in use is refused, naming the code field', async () => {
    const error = await saveMeasure(database.db, officer, { input: await aDampMeasure() }).catch(
      (e: unknown) => e,
    );
    assert.deepEqual(fieldsOf(error), ['code']);
    assert.match((error as ValidationError).message, /Code TST-01 is already used by another measure/);
  });

  test('a data owner cannot create or edit measures', async () => {
    const owner = await userOf(
      database.db,
      await aUser(database.db, place.councilId, 'data_owner', place.serviceId),
    );
    await assert.rejects(
      saveMeasure(database.db, owner, { input: await aDampMeasure({ code: 'TST-03' }) }),
      ForbiddenError,
    );
  });
});

describe('browsing the library', () => {
  let database: TestDatabase;
  let officer: CurrentUser;
  let housingOwner: CurrentUser;

  before(async () => {
    database = await freshDatabase('demo');
    const load = async (email: string) => {
      const row = await findUserByEmail(database.db, email);
      assert.ok(row);
      return toCurrentUser(row, null);
    };
    officer = await load('performance@anytown.example');
    housingOwner = await load('housing.owner@anytown.example');
  });
  after(async () => database.drop());

  /** Measures that serve a service matching the condition, found a second way to check the library's SQL. */
  const codesServing = async (condition: ReturnType<typeof sql>) =>
    (
      await sql<{ code: string }>`
        SELECT DISTINCT m.code FROM measures m
        JOIN services s ON s.id = m.lead_service_id OR s.id IN (SELECT service_id FROM measure_services WHERE measure_id = m.id)
        WHERE ${condition} ORDER BY m.code`.execute(database.db)
    ).rows.map((r) => r.code);

  const codes = async (filter: Parameters<typeof listMeasures>[2], user = officer) =>
    (await listMeasures(database.db, user, filter)).map((m) => m.code);

  test("finds measures by a word of their text ('damp') and by a code prefix ('HOU-0')", async () => {
    const damp = await codes({ q: 'damp' });
    assert.ok(damp.includes('HOU-07') && damp.includes('HOU-08'), damp.join(' '));
    const prefix = await codes({ q: 'HOU-0' });
    assert.ok(prefix.length > 3);
    assert.ok(
      prefix.every((c) => c.startsWith('HOU-0')),
      prefix.join(' '),
    );
    assert.deepEqual(await codes({ q: '%_' }), [], 'LIKE wildcards are taken literally');
  });

  test('filters by directorate, portfolio and committee through the services they cover', async () => {
    assert.deepEqual(
      await codes({ directorate: 'HOU' }),
      await codesServing(sql`s.directorate_id = (SELECT id FROM directorates WHERE code = 'HOU')`),
    );
    assert.deepEqual(
      await codes({ portfolio: 'PF-HOU' }),
      await codesServing(
        sql`s.id IN (SELECT ps.service_id FROM portfolio_services ps JOIN portfolios p ON p.id = ps.portfolio_id WHERE p.code = 'PF-HOU')`,
      ),
    );
    assert.deepEqual(
      await codes({ committee: 'SC-PH' }),
      await codesServing(
        sql`s.id IN (SELECT cs.service_id FROM committee_services cs JOIN committees c ON c.id = cs.committee_id WHERE c.code = 'SC-PH')`,
      ),
    );
  });

  test('filters by outcome, tag and status, and combines filters', async () => {
    const oc07 = await codes({ outcome: 'OC07' });
    assert.ok(oc07.includes('HOU-07'));
    const statutory = await listMeasures(database.db, officer, { tag: 'statutory' });
    assert.ok(statutory.length > 0 && statutory.every((m) => m.tags.includes('statutory')));
    const drafts = await listMeasures(database.db, officer, { status: 'draft' });
    assert.ok(drafts.every((m) => m.status === 'draft'));
    const both = await codes({ directorate: 'HOU', tag: 'regulatory', q: 'damp' });
    assert.ok(both.includes('HOU-07') && both.every((c) => oc07.includes(c) || c.startsWith('HOU')));
  });

  test('filters by RAG from the scorecard, showing each measure with its latest verdict', async () => {
    const all = await listMeasures(database.db, officer, {});
    const red = await listMeasures(database.db, officer, { rag: 'red' });
    assert.ok(red.length > 0, 'the demo has red measures');
    assert.ok(red.every((m) => m.rag === 'red'));
    assert.equal(red.length, all.filter((m) => m.rag === 'red').length);
  });

  test("a data owner sees only their services' measures, and another service's measure is not found", async () => {
    const mine = await findMeasures(database.db, housingOwner, {});
    const expected = await codesServing(sql`s.code IN ('HOU-RM', 'HOU-HO')`);
    assert.deepEqual(
      mine.map((m) => m.code),
      expected,
    );
    await assert.rejects(getMeasure(database.db, housingOwner, 'ASC-01'), NotFoundError);
    await assert.rejects(getMeasure(database.db, housingOwner, 'NO-SUCH'), NotFoundError);
  });

  test("an edit of a demo measure differs from the demo's version 1 only in the field changed", async () => {
    const before = await getMeasure(database.db, officer, 'ENV-01');
    await saveMeasure(database.db, officer, {
      code: 'ENV-01',
      version: before.version,
      input: { dataSource: 'Bartec' },
    });
    const { versions } = await measureHistory(database.db, officer, 'ENV-01');
    assert.deepEqual(
      versions[0]?.changes?.map((c) => c.field),
      ['dataSource'],
    );
  });
});
