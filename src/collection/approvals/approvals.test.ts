// The approval workflow against the demo council in real PostgreSQL: each role's step, each refusal, the
// revision and audit rows, formula measures following their inputs, and the published figures view.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { CurrentUser } from '../../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../../access/users.queries.ts';
import { publishedFigures } from '../../reporting/published-values.queries.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { AppError } from '../../web/errors.ts';
import { saveValue } from '../values.service.ts';
import { returnNote } from './approvals.queries.ts';
import { transitionByCode, transitionFigures } from './approvals.service.ts';
import type { Transition } from './workflow.ts';

let t: TestDatabase;
const users: Record<string, CurrentUser> = {};

async function demoUser(email: string): Promise<CurrentUser> {
  const row = await findUserByEmail(t.db, `${email}@anytown.example`);
  assert.ok(row, email);
  return toCurrentUser(row, null);
}

before(async () => {
  t = await freshDatabase('demo');
  for (const name of [
    'performance',
    'housing.owner',
    'adults.owner',
    'director.housing',
    'cabinet.housing',
    'admin',
  ])
    users[name] = await demoUser(name);
});
after(async () => t.drop());

const user = (name: string): CurrentUser => {
  const u = users[name];
  assert.ok(u, name);
  return u;
};

async function figure(code: string, period: string) {
  const r = await sql<{ id: string; status: string; version: number; revision: number; value: string }>`
    SELECT dv.id, dv.status, dv.version, dv.revision, dv.value FROM data_values dv JOIN measures m ON m.id = dv.measure_id
    WHERE m.code = ${code} AND dv.period = ${period} AND dv.breakdown = ''`.execute(t.db);
  const row = r.rows[0];
  assert.ok(row, `${code} ${period}`);
  return { ...row, id: String(row.id) };
}

async function move(who: string, action: Transition, code: string, period: string, comment?: string) {
  const f = await figure(code, period);
  return transitionByCode(t.db, user(who), { code, period }, { action, version: f.version, comment });
}

async function refused(promise: Promise<unknown>, status: number, pattern: RegExp, field?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.statusCode, status, error.message);
    assert.match(error.message, pattern);
    if (field)
      assert.ok(
        error.details.some((d) => d.field === field),
        JSON.stringify(error.details),
      );
    return true;
  });
}

describe('each role takes its own step', () => {
  test('a figure goes draft → submitted → validated → approved → published, each step audited with before and after', async () => {
    // HOU-02's latest quarter is submitted in the demo: the performance officer returns it first, so it starts as a draft.
    await move('performance', 'return', 'HOU-02', '2026-27-Q2', 'The denominator looks like last quarter’s.');
    assert.equal((await figure('HOU-02', '2026-27-Q2')).status, 'draft');
    await move('housing.owner', 'submit', 'HOU-02', '2026-27-Q2');
    await move('performance', 'validate', 'HOU-02', '2026-27-Q2');
    await move('director.housing', 'approve', 'HOU-02', '2026-27-Q2');
    const published = await move('performance', 'publish', 'HOU-02', '2026-27-Q2');
    assert.equal(published.result.moved[0]?.status, 'published');
    assert.ok(published.result.moved[0]?.published_at);

    const f = await figure('HOU-02', '2026-27-Q2');
    const audit = await sql<{
      action: string;
      before: { status: string };
      after: { status: string; comment?: string };
    }>`
      SELECT action, before, after FROM audit_log WHERE entity = 'data_value' AND entity_id = ${f.id} ORDER BY id`.execute(
      t.db,
    );
    assert.deepEqual(
      audit.rows.map((a) => [a.action, a.before.status, a.after.status]),
      [
        ['value.return', 'submitted', 'draft'],
        ['value.submit', 'draft', 'submitted'],
        ['value.validate', 'submitted', 'validated'],
        ['value.approve', 'validated', 'approved'],
        ['value.publish', 'approved', 'published'],
      ],
    );
    assert.equal(audit.rows[0]?.after.comment, 'The denominator looks like last quarter’s.');
    // The revision is the same figure throughout; its row records that it was published.
    const revision = await sql<{ status: string; published_at: Date | null }>`
      SELECT status, published_at FROM data_value_revisions WHERE data_value_id = ${f.id} AND revision = ${f.revision}`.execute(
      t.db,
    );
    assert.equal(revision.rows[0]?.status, 'published');
    assert.ok(revision.rows[0]?.published_at);
  });

  test('a returned figure carries its comment to its owner until they change it', async () => {
    await move('director.housing', 'return', 'HOU-01', '2026-10', 'Check against the rough sleeper count.');
    const f = await figure('HOU-01', '2026-10');
    assert.equal(f.status, 'draft');
    const note = await returnNote(t.db, f.id);
    assert.equal(note?.comment, 'Check against the rough sleeper count.');
    assert.equal(note?.from, 'validated');
    await saveValue(t.db, {
      user: user('housing.owner'),
      code: 'HOU-01',
      period: '2026-10',
      input: { value: f.value, version: String(f.version) },
      source: 'form',
    });
    assert.equal(await returnNote(t.db, f.id), null);
  });

  test('the officer validates many figures at once, all in one transaction', async () => {
    const a = await figure('RP02', '2026-10');
    const b = await figure('RP02E', '2026-10');
    const result = await transitionFigures(t.db, user('performance'), {
      action: 'validate',
      figures: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
      ],
    });
    assert.equal(result.moved.filter((m) => m.breakdown === '').length, 2);
    assert.equal((await figure('RP02', '2026-10')).status, 'validated');
    assert.equal((await figure('RP02E', '2026-10')).status, 'validated');
  });

  test('one stale figure in a batch moves none of them', async () => {
    const a = await figure('RP02', '2026-10');
    const b = await figure('RP02E', '2026-10');
    await refused(
      transitionFigures(t.db, user('director.housing'), {
        action: 'approve',
        figures: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version - 1 },
        ],
      }),
      409,
      /Someone else changed RP02E/,
      'version',
    );
    assert.equal((await figure('RP02', '2026-10')).status, 'validated');
  });
});

describe('refusals', () => {
  test('a role that never takes the step is refused with 403', async () => {
    await refused(move('housing.owner', 'validate', 'RP02', '2026-10'), 403, /permission/);
    await refused(move('performance', 'approve', 'RP02', '2026-10'), 403, /permission/);
    await refused(move('director.housing', 'publish', 'RP02', '2026-10'), 403, /permission/);
    await refused(move('cabinet.housing', 'submit', 'RP02', '2026-10'), 403, /permission/);
    await refused(move('admin', 'validate', 'RP02', '2026-10'), 403, /permission/);
  });

  test('returning a figure at a step the role does not take is refused with 403, naming who can', async () => {
    // RP02 is validated: only the director may return it now.
    await refused(move('performance', 'return', 'RP02', '2026-10', 'Wrong.'), 403, /only the director/);
    await refused(move('housing.owner', 'return', 'RP02', '2026-10', 'Wrong.'), 403, /only the director/);
  });

  test('a figure outside the user’s reach is not found (404), exactly like a missing one', async () => {
    // ASC-01 belongs to Adults: neither the housing owner nor the housing director reaches it.
    const adults = await sql<{ period: string }>`
      SELECT dv.period FROM data_values dv JOIN measures m ON m.id = dv.measure_id
      WHERE m.code = 'ASC-01' AND dv.breakdown = '' ORDER BY dv.period_end DESC LIMIT 1`.execute(t.db);
    const period = adults.rows[0]?.period ?? '';
    await refused(move('housing.owner', 'submit', 'ASC-01', period), 404, /no figure/);
    await refused(move('director.housing', 'approve', 'ASC-01', period), 404, /no figure/);
    await refused(
      transitionByCode(
        t.db,
        user('housing.owner'),
        { code: 'HOU-07', period: '1999-01' },
        { action: 'submit', version: 1 },
      ),
      404,
      /no figure/,
    );
  });

  test('a figure at another stage is refused with 409 naming its status now', async () => {
    await refused(
      move('performance', 'publish', 'RP02', '2026-10'),
      409,
      /RP02 October 2026 is validated now/,
      'status',
    );
    await refused(move('housing.owner', 'submit', 'HOU-07', '2026-10'), 409, /is published now/, 'status');
    await refused(move('performance', 'return', 'HOU-07', '2026-10', 'No.'), 409, /is published now/);
  });

  test('a stale version is refused with 409 naming who changed it, and nothing moves', async () => {
    const f = await figure('RP02', '2026-10');
    await refused(
      transitionByCode(
        t.db,
        user('director.housing'),
        { code: 'RP02', period: '2026-10' },
        { action: 'approve', version: f.version - 1 },
      ),
      409,
      /Someone else changed RP02 October 2026 .* by /,
      'version',
    );
    assert.equal((await figure('RP02', '2026-10')).version, f.version);
  });

  test('a return without a comment is refused with 400 naming the comment', async () => {
    await refused(move('director.housing', 'return', 'RP02', '2026-10', '  '), 400, /comment/, 'comment');
    await refused(move('director.housing', 'return', 'RP02', '2026-10'), 400, /comment/, 'comment');
  });

  test('a calculated figure is not moved by hand: its status follows its inputs', async () => {
    await refused(move('performance', 'return', 'HOU-12', '2026-10', 'No.'), 409, /calculated/);
  });
});

describe('corrections after publication and the published figures', () => {
  const published = async (code: string, period: string) =>
    (await publishedFigures(t.db, user('performance').councilId, { codes: [code] })).find(
      (p) => p.period === period,
    );

  test('a figure only submitted, validated, approved or in draft never appears among the published figures', async () => {
    const unpublished = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM published_values pv JOIN data_values dv ON dv.id = pv.data_value_id
      WHERE dv.status <> 'published' AND NOT EXISTS (SELECT 1 FROM data_value_revisions r
        WHERE r.data_value_id = dv.id AND r.status = 'published')`.execute(t.db);
    assert.equal(unpublished.rows[0]?.n, 0);
    const stages = await sql<{ status: string; n: number }>`
      SELECT dv.status, count(pv.data_value_id)::int AS n FROM data_values dv
      LEFT JOIN published_values pv ON pv.data_value_id = dv.id
      WHERE dv.revised_after_publication = false GROUP BY dv.status ORDER BY dv.status`.execute(t.db);
    for (const row of stages.rows) if (row.status !== 'published') assert.equal(row.n, 0, row.status);
    assert.equal(await published('RP02', '2026-10'), undefined);
  });

  test('a correction keeps the published figure in place until the correction is published, then shows it as revised', async () => {
    const before = await figure('HOU-03', '2026-10');
    assert.equal(before.status, 'published');
    const was = await published('HOU-03', '2026-10');
    assert.equal(Number(was?.value), Number(before.value));

    const corrected = Number(before.value) + 4;
    await saveValue(t.db, {
      user: user('housing.owner'),
      code: 'HOU-03',
      period: '2026-10',
      input: {
        value: String(corrected),
        version: String(before.version),
        explanation: 'Late records added.',
      },
      source: 'form',
    });
    const after = await figure('HOU-03', '2026-10');
    assert.equal(after.status, 'submitted');
    assert.equal(after.revision, before.revision + 1);
    // In progress: the public still sees the figure published before; the formula reading it is back in the workflow.
    const during = await published('HOU-03', '2026-10');
    assert.equal(Number(during?.value), Number(before.value));
    assert.equal(during?.correction_in_progress, true);
    assert.equal((await figure('HOU-12', '2026-10')).status, 'submitted');

    await move('performance', 'validate', 'HOU-03', '2026-10');
    assert.equal((await figure('HOU-12', '2026-10')).status, 'validated');
    await move('director.housing', 'approve', 'HOU-03', '2026-10');
    await move('performance', 'publish', 'HOU-03', '2026-10');
    const now = await published('HOU-03', '2026-10');
    assert.equal(Number(now?.value), corrected);
    assert.equal(now?.revised, true);
    assert.equal(now?.correction_in_progress, false);
    assert.equal((await figure('HOU-12', '2026-10')).status, 'published');
  });
});
