// The structure use cases against a copy of the demo council: versioned edits, refused stale versions, the
// audit trail, and validation messages that name the field and the reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../web/errors.ts';
import { committeeForEdit, portfolioForEdit, saveCommittee, savePortfolio } from './governance.service.ts';
import { directorateForEdit, saveDirectorate, saveService, serviceForEdit } from './organisation.service.ts';
import { outcomeForEdit, saveOutcome, savePriority } from './strategy.service.ts';
import { presentStructure } from './structure.present.ts';
import { strategyPlan, structureOverview } from './structure.service.ts';

let t: TestDatabase;
let admin: CurrentUser;
let owner: CurrentUser;

async function demoUser(email: string): Promise<CurrentUser> {
  const row = await findUserByEmail(t.db, email);
  assert.ok(row, `demo user ${email}`);
  return toCurrentUser(row, null);
}

before(async () => {
  t = await freshDatabase('demo');
  admin = await demoUser('admin@anytown.example');
  owner = await demoUser('housing.owner@anytown.example');
});
after(async () => {
  await t.drop();
});

async function auditRows(entity: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['action', 'entity', 'entity_id', 'before', 'after', 'user_id'])
    .where('entity', '=', entity)
    .orderBy('id')
    .execute();
}

/** The problems a rejected save reported, as field → message. */
async function problemsOf(attempt: Promise<unknown>): Promise<Record<string, string>> {
  const error = await attempt.then(
    () => assert.fail('expected the save to be refused'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  return Object.fromEntries(error.details.map((d) => [d.field, d.message]));
}

describe('editing with a version', () => {
  test('an edit at the current version saves, moves the version on and writes the audit row in before/after', async () => {
    const opened = await directorateForEdit(t.db, admin, 'RES');
    const code = await saveDirectorate(
      t.db,
      admin,
      {
        code: 'RES',
        name: 'Resources & Finance',
        directorName: 'David Sutherland',
        version: String(opened.version),
      },
      'RES',
    );
    assert.equal(code, 'RES');
    const now = await directorateForEdit(t.db, admin, 'RES');
    assert.equal(now.name, 'Resources & Finance');
    assert.equal(now.version, opened.version + 1);

    const [row] = await auditRows('directorate');
    assert.ok(row);
    assert.equal(row.action, 'update');
    assert.equal(row.user_id, admin.id);
    assert.deepEqual(row.before, {
      code: 'RES',
      name: 'Resources',
      directorName: 'David Sutherland',
      version: 1,
    });
    assert.deepEqual(row.after, {
      code: 'RES',
      name: 'Resources & Finance',
      directorName: 'David Sutherland',
      version: 2,
    });
  });

  test('a stale version is refused with a conflict and the newer change is kept', async () => {
    const opened = await serviceForEdit(t.db, admin, 'RES-ICT');
    const form = {
      code: 'RES-ICT',
      directorate: 'RES',
      headOfService: 'Tom Nguyen',
      version: String(opened.version),
    };
    await saveService(t.db, admin, { ...form, name: 'Digital Services' }, 'RES-ICT');
    const auditBefore = (await auditRows('service')).length;

    await assert.rejects(
      saveService(t.db, admin, { ...form, name: 'ICT' }, 'RES-ICT'),
      (e: unknown) =>
        e instanceof ConflictError && /Someone else changed this since you opened it/.test(e.message),
    );
    assert.equal((await serviceForEdit(t.db, admin, 'RES-ICT')).name, 'Digital Services');
    assert.equal((await auditRows('service')).length, auditBefore, 'a refused edit leaves no audit row');
  });

  test('an edit without a version is refused, naming the version', async () => {
    const problems = await problemsOf(
      saveDirectorate(t.db, admin, { code: 'CEX', name: 'Chief Executive' }, 'CEX'),
    );
    assert.match(problems.version ?? '', /reload the page/);
  });

  test('a new record is audited as a create with no before', async () => {
    await saveDirectorate(t.db, admin, {
      code: 'PH',
      name: 'Public Health',
      directorName: 'Dr Anjali Mehta',
    });
    const rows = await auditRows('directorate');
    const created = rows.find((r) => r.action === 'create');
    assert.ok(created);
    assert.equal(created.before, null);
    assert.deepEqual(created.after, {
      code: 'PH',
      name: 'Public Health',
      directorName: 'Dr Anjali Mehta',
      version: 1,
    });
  });

  test('only administrators and performance officers may save, and a missing record is not found', async () => {
    await assert.rejects(saveDirectorate(t.db, owner, { code: 'ZZ', name: 'Nope' }), ForbiddenError);
    await assert.rejects(directorateForEdit(t.db, admin, 'NOPE'), NotFoundError);
    await assert.rejects(
      saveDirectorate(t.db, admin, { code: 'NOPE', name: 'x', version: '1' }, 'NOPE'),
      NotFoundError,
    );
  });
});

describe('validation names the field and the reason', () => {
  test('a badly formed code, a blank title and a position that is not a whole number', async () => {
    const problems = await problemsOf(
      savePriority(t.db, admin, { code: 'pr-5', title: '  ', description: '', position: 'first' }),
    );
    assert.match(problems.code ?? '', /Code must start with a capital letter/);
    assert.equal(problems.title, 'Enter a title');
    assert.equal(problems.position, 'Position must be a whole number, like 3');
  });

  test('codes are unique in the council for each kind of record', async () => {
    const problems = await problemsOf(
      saveService(t.db, admin, { code: 'HOU-RM', name: 'Repairs', directorate: 'HOU' }),
    );
    assert.equal(problems.code, 'Code HOU-RM is already used by another service: choose a different code');
  });

  test("a service's directorate must exist in the council", async () => {
    const missing = await problemsOf(saveService(t.db, admin, { code: 'HOU-NEW', name: 'New' }));
    assert.equal(missing.directorate, 'Select the directorate the service belongs to');
    const unknown = await problemsOf(
      saveService(t.db, admin, { code: 'HOU-NEW', name: 'New', directorate: 'XYZ' }),
    );
    assert.match(unknown.directorate ?? '', /There is no directorate XYZ in this council/);
  });

  test('a directorate of another council does not count as existing', async () => {
    const other = await t.db
      .insertInto('councils')
      .values({ slug: 'elsewhere', name: 'Elsewhere' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('directorates')
      .values({ council_id: other.id, code: 'ELS', name: 'Elsewhere directorate' })
      .execute();
    const problems = await problemsOf(
      saveService(t.db, admin, { code: 'HOU-ELS', name: 'Borrowed', directorate: 'ELS' }),
    );
    assert.match(problems.directorate ?? '', /There is no directorate ELS/);
    await assert.rejects(directorateForEdit(t.db, admin, 'ELS'), NotFoundError);
  });

  test('ticked services must exist, and a council has only one CMT', async () => {
    const problems = await problemsOf(
      saveCommittee(t.db, admin, {
        code: 'CMT-2',
        title: 'Second CMT',
        kind: 'cmt',
        services: ['HOU-RM', 'NOPE'],
      }),
    );
    assert.match(problems.services ?? '', /There is no service NOPE/);
    assert.match(problems.kind ?? '', /already has a Corporate Management Team/);
  });

  test('a committee must be a select committee or CMT', async () => {
    const problems = await problemsOf(
      saveCommittee(t.db, admin, { code: 'SC-X', title: 'X', kind: 'cabinet' }),
    );
    assert.equal(problems.kind, 'Select whether this is a select committee or the Corporate Management Team');
  });
});

describe('links and lists', () => {
  test("a portfolio's directorates and services become exactly the ticked ones, recorded in the audit row", async () => {
    const opened = await portfolioForEdit(t.db, admin, 'PF-ENV');
    await savePortfolio(
      t.db,
      admin,
      {
        code: 'PF-ENV',
        title: 'Environment',
        cabinetMemberName: 'Cllr Gareth Lloyd',
        directorates: 'PLE',
        services: ['PLE-WR', 'PLE-ER'],
        version: String(opened.version),
      },
      'PF-ENV',
    );
    const now = await portfolioForEdit(t.db, admin, 'PF-ENV');
    assert.deepEqual(now.directorates, ['PLE']);
    assert.deepEqual(now.services, ['PLE-ER', 'PLE-WR']);
    const last = (await auditRows('portfolio')).at(-1);
    assert.deepEqual((last?.before as { services: string[] }).services, ['PLE-EH', 'PLE-HT', 'PLE-WR']);
    assert.deepEqual((last?.after as { services: string[] }).services, ['PLE-ER', 'PLE-WR']);
  });

  test('committee themes are read one per line, with blank lines and repeats dropped', async () => {
    await saveCommittee(t.db, admin, {
      code: 'SC-CL',
      title: 'Climate Panel',
      kind: 'select',
      themes: 'net zero\r\n\r\n  air quality  \nnet zero\n',
      services: 'PLE-ER',
    });
    const saved = await committeeForEdit(t.db, admin, 'SC-CL');
    assert.deepEqual(saved.themes, ['net zero', 'air quality']);
    assert.deepEqual(saved.services, ['PLE-ER']);
  });

  test('a new outcome sits under its priority and can be moved to another', async () => {
    await saveOutcome(t.db, admin, {
      code: 'OC13',
      priority: 'PR4',
      title: 'Staff feel valued',
      position: '3',
    });
    const opened = await outcomeForEdit(t.db, admin, 'OC13');
    assert.equal(opened.priority, 'PR4');
    await saveOutcome(
      t.db,
      admin,
      {
        code: 'OC13',
        priority: 'PR2',
        title: 'Staff feel valued',
        position: '9',
        version: String(opened.version),
      },
      'OC13',
    );
    const plan = await strategyPlan(t.db, admin);
    const pr2 = plan.priorities.find((p) => p.code === 'PR2');
    assert.equal(pr2?.outcomes.at(-1)?.code, 'OC13');
  });
});

describe('renaming', () => {
  test("a record's code can change; the old code then finds nothing", async () => {
    const opened = await directorateForEdit(t.db, admin, 'CEX');
    const code = await saveDirectorate(
      t.db,
      admin,
      {
        code: 'CE',
        name: "Chief Executive's",
        directorName: 'Catherine Ward',
        version: String(opened.version),
      },
      'CEX',
    );
    assert.equal(code, 'CE');
    await assert.rejects(directorateForEdit(t.db, admin, 'CEX'), NotFoundError);
    assert.equal((await serviceForEdit(t.db, admin, 'CEX-GOV')).directorate, 'CE');
  });
});

describe('reading the structure', () => {
  test('outcome measure counts include only the measures the reader can reach', async () => {
    const full = presentStructure(await structureOverview(t.db, admin));
    const scoped = presentStructure(await structureOverview(t.db, owner));
    const codes = (s: typeof full, outcome: string) =>
      s.outcomes.find((o) => o.code === outcome)?.measureCodes ?? [];
    // OC05 (adults safe from abuse) belongs to adult social care, out of the housing owner's reach.
    assert.ok(codes(full, 'OC05').length > 0);
    assert.deepEqual(codes(scoped, 'OC05'), []);
    assert.ok(codes(scoped, 'OC08').length > 0, 'homelessness measures are in the housing owner’s reach');
    assert.ok(codes(scoped, 'OC08').every((c) => codes(full, 'OC08').includes(c)));
  });
});
