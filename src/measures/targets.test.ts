// Targets: the profile arithmetic by the table, the validation messages, and the use cases against PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CurrentUser } from '../access/current-user.ts';
import { findUserByEmail, toCurrentUser } from '../access/users.queries.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { ConflictError, ValidationError } from '../web/errors.ts';
import { setProfile } from './target-profiles.service.ts';
import {
  evenShares,
  impliedAnnual,
  profileKindsFor,
  profileTargets,
  sharesTotal,
} from './targets.profile.ts';
import { setTarget, targetWindow } from './targets.service.ts';
import { checkPeriod, NO_POLARITY, validateTarget } from './targets.validation.ts';

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

describe('profile maths', () => {
  test('a flat profile gives every period the annual target', () => {
    assert.deepEqual(
      profileTargets({ annual: 92.5, kind: 'flat', periods: 4, accumulation: 'snapshot', decimals: 1 }),
      [92.5, 92.5, 92.5, 92.5],
    );
  });

  test('an even split of a count adds up to the annual total exactly, the odd units going first', () => {
    const months = profileTargets({
      annual: 1000,
      kind: 'even',
      periods: 12,
      accumulation: 'discrete',
      decimals: 0,
    });
    assert.equal(sum(months), 1000);
    assert.deepEqual(months, [84, 84, 84, 84, 83, 83, 83, 83, 83, 83, 83, 83]);
  });

  test("a custom split follows the percentages and still adds up to the year's total", () => {
    const quarters = profileTargets({
      annual: 250,
      kind: 'custom',
      shares: [10, 20, 30, 40],
      periods: 4,
      accumulation: 'discrete',
      decimals: 0,
    });
    assert.deepEqual(quarters, [25, 50, 75, 100]);
    const awkward = profileTargets({
      annual: 100,
      kind: 'custom',
      shares: evenShares(3),
      periods: 3,
      accumulation: 'discrete',
      decimals: 1,
    });
    assert.equal(sum(awkward), 100);
  });

  test('a year-to-date profile builds up evenly and reaches the annual target in the last period', () => {
    const months = profileTargets({
      annual: 97.5,
      kind: 'even',
      periods: 12,
      accumulation: 'year_to_date',
      decimals: 1,
    });
    assert.equal(months.length, 12);
    assert.equal(months[0], 8.1);
    assert.equal(months[5], 48.8);
    assert.equal(months[11], 97.5);
    for (let i = 1; i < months.length; i++) assert.ok((months[i] ?? 0) >= (months[i - 1] ?? 0));
  });

  test('a custom year-to-date profile accumulates the percentages', () => {
    const quarters = profileTargets({
      annual: 400,
      kind: 'custom',
      shares: [40, 30, 20, 10],
      periods: 4,
      accumulation: 'year_to_date',
      decimals: 0,
    });
    assert.deepEqual(quarters, [160, 280, 360, 400]);
  });

  test('even percentages are to two places and add up to exactly 100', () => {
    for (const n of [3, 4, 12]) assert.equal(sharesTotal(evenShares(n)), 100);
    assert.deepEqual(evenShares(3), [33.34, 33.33, 33.33]);
  });

  test('the default profile is flat for snapshots and ratios, cumulative for year to date, percentages for counts', () => {
    const base = { calculationType: 'value', unit: 'count', polarity: 'up' } as const;
    assert.deepEqual(profileKindsFor({ ...base, accumulation: 'snapshot' })[0], 'flat');
    assert.deepEqual(
      profileKindsFor({ ...base, accumulation: 'discrete', unit: 'percent', calculationType: 'ratio' }),
      ['flat'],
    );
    assert.deepEqual(profileKindsFor({ ...base, accumulation: 'year_to_date' })[0], 'even');
    assert.deepEqual(profileKindsFor({ ...base, accumulation: 'discrete' }), ['custom', 'even']);
    assert.deepEqual(profileKindsFor({ ...base, accumulation: 'discrete', polarity: 'range' }), ['flat']);
  });

  test('the annual target implied by stored targets is the sum, the last or the common figure', () => {
    const m = { calculationType: 'value', unit: 'count', polarity: 'up' } as const;
    assert.equal(impliedAnnual({ ...m, accumulation: 'discrete' }, [1, 2, 3]), 6);
    assert.equal(impliedAnnual({ ...m, accumulation: 'year_to_date' }, [1, 2, 3]), 3);
    assert.equal(impliedAnnual({ ...m, accumulation: 'snapshot' }, [5, 5]), 5);
    assert.equal(impliedAnnual({ ...m, accumulation: 'snapshot' }, [5, 6]), null);
    assert.equal(impliedAnnual({ ...m, accumulation: 'discrete' }, [1, null]), null);
  });
});

describe('target validation', () => {
  const monthly = { code: 'HOU-07', polarity: 'up', frequency: 'monthly' } as const;

  test('a period of another kind than the measure reports is refused, naming the kind wanted', () => {
    const problem = checkPeriod(monthly, '2025-26');
    assert.ok('field' in problem);
    assert.equal(problem.field, 'period');
    assert.match(
      problem.message,
      /2025-26 is a financial year but HOU-07 is reported monthly; enter a month/,
    );
  });

  test('an unreadable period carries the period parser’s reason', () => {
    const problem = checkPeriod(monthly, '2025-13');
    assert.ok('field' in problem);
    assert.match(problem.message, /^Period: '2025-13' is not a valid period/);
  });

  test('a measure with no polarity takes no target', () => {
    const { problems } = validateTarget({ ...monthly, polarity: 'none' }, { value: 5 });
    assert.deepEqual(problems, [{ field: 'value', message: NO_POLARITY }]);
  });

  test('a negative tolerance, or a tolerance without its kind, is named', () => {
    assert.deepEqual(
      validateTarget(monthly, { value: 90, toleranceKind: 'absolute', tolerance: -1 }).problems.map(
        (p) => p.field,
      ),
      ['tolerance'],
    );
    assert.deepEqual(
      validateTarget(monthly, { value: 90, tolerance: 2 }).problems.map((p) => p.field),
      ['toleranceKind'],
    );
  });

  test('a range target needs low and high, with low no more than high', () => {
    const range = { ...monthly, polarity: 'range' } as const;
    assert.deepEqual(
      validateTarget(range, { value: 3 }).problems.map((p) => p.field),
      ['low', 'high'],
    );
    assert.deepEqual(
      validateTarget(range, { low: 5, high: 4 }).problems.map((p) => p.field),
      ['high'],
    );
    assert.deepEqual(validateTarget(range, { low: 4, high: 5 }).problems, []);
  });

  test('the target window covers last, this and next financial year for monthly measures', () => {
    const months = targetWindow('monthly', '2025-11-26');
    assert.equal(months.length, 36);
    assert.deepEqual(months[0], { kind: 'month', year: 2024, month: 4 });
    assert.deepEqual(months[35], { kind: 'month', year: 2027, month: 3 });
    assert.equal(targetWindow('annual', '2025-11-26').length, 6);
  });
});

describe('setting targets', () => {
  let database: TestDatabase;
  let officer: CurrentUser;
  let colleague: CurrentUser;

  before(async () => {
    database = await freshDatabase('demo');
    const load = async (email: string) => {
      const row = await findUserByEmail(database.db, email);
      assert.ok(row, email);
      return toCurrentUser(row, null);
    };
    officer = await load('performance@anytown.example');
    colleague = { ...(await load('admin@anytown.example')), role: 'performance_officer' };
  });
  after(async () => database.drop());

  const targetRow = (measureCode: string, period: string) =>
    database.db
      .selectFrom('targets as t')
      .innerJoin('measures as m', 'm.id', 't.measure_id')
      .select(['t.value', 't.low', 't.high', 't.version', 't.source', 't.tolerance_kind', 't.tolerance'])
      .where('m.code', '=', measureCode)
      .where('t.period', '=', period)
      .executeTakeFirst();

  test('sets a new period target and audits it; a second writer who read no version is refused', async () => {
    const saved = await setTarget(
      database.db,
      officer,
      'HOU-07',
      '2031-04',
      { value: 99, toleranceKind: 'percent', tolerance: 2 },
      null,
    );
    assert.equal(saved.version, 1);
    assert.equal(saved.value, 99);
    assert.deepEqual(saved.tolerance, { kind: 'percent', amount: 2 });
    await assert.rejects(
      setTarget(database.db, colleague, 'HOU-07', '2031-04', { value: 50 }, null),
      (e: unknown) =>
        e instanceof ConflictError &&
        /Someone else changed the target for April 2031 .*version 1 by Hannah Wright/.test(e.message),
    );
    assert.equal(Number((await targetRow('HOU-07', '2031-04'))?.value), 99);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', '=', 'target')
      .where('action', '=', 'target.set')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('changes a target from the version read, and refuses the stale version', async () => {
    await setTarget(database.db, officer, 'HOU-07', '2031-05', { value: 95 }, null);
    const changed = await setTarget(database.db, officer, 'HOU-07', '2031-05', { value: 96 }, 1);
    assert.equal(changed.version, 2);
    await assert.rejects(
      setTarget(database.db, colleague, 'HOU-07', '2031-05', { value: 10 }, 1),
      ConflictError,
    );
    assert.equal(Number((await targetRow('HOU-07', '2031-05'))?.value), 96);
  });

  test('refuses a period of the wrong kind and a target for a context measure, naming the field', async () => {
    await assert.rejects(
      setTarget(database.db, officer, 'HOU-07', '2031-32', { value: 1 }, null),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.details[0]?.field === 'period' &&
        /financial year but HOU-07 is reported monthly/.test(e.message),
    );
    await assert.rejects(
      setTarget(database.db, officer, 'HOU-08', '2031-04', { value: 1 }, null),
      (e: unknown) => e instanceof ValidationError && e.message === NO_POLARITY,
    );
  });

  test('an annual target with an even profile writes one row per month, marked as from the profile', async () => {
    const rows = await setProfile(database.db, officer, 'HOU-07', {
      year: '2032-33',
      kind: 'flat',
      shares: [],
      target: { value: 100, toleranceKind: 'absolute', tolerance: 5 },
      versions: {},
    });
    assert.equal(rows.length, 12);
    assert.ok(rows.every((r) => r.source === 'profile' && r.value === 100 && r.tolerance?.amount === 5));
    assert.equal(rows[0]?.period, '2032-04');
    assert.equal(rows[11]?.period, '2033-03');
  });

  test('a profile whose percentages do not add up to 100 is refused and writes nothing', async () => {
    const count = await database.db
      .selectFrom('measures')
      .select('code')
      .where('unit', '=', 'count')
      .where('accumulation', '=', 'discrete')
      .where('calculation_type', '=', 'value')
      .where('frequency', '=', 'monthly')
      .where('polarity', 'in', ['up', 'down'])
      .executeTakeFirst();
    assert.ok(count, 'the demo has a discrete count measure');
    await assert.rejects(
      setProfile(database.db, officer, count.code, {
        year: '2032-33',
        kind: 'custom',
        shares: Array.from({ length: 12 }, () => 8),
        target: { value: 1200 },
        versions: {},
      }),
      (e: unknown) => e instanceof ValidationError && /must add up to 100; they add up to 96/.test(e.message),
    );
    assert.equal(await targetRow(count.code, '2032-04'), undefined);
  });

  test('a profile over targets someone changed since the form was opened is refused whole', async () => {
    await setTarget(database.db, officer, 'HOU-07', '2033-06', { value: 80 }, null);
    await assert.rejects(
      setProfile(database.db, colleague, 'HOU-07', {
        year: '2033-34',
        kind: 'flat',
        shares: [],
        target: { value: 100 },
        versions: {},
      }),
      (e: unknown) => e instanceof ConflictError && /June 2033/.test(e.message),
    );
    assert.equal(await targetRow('HOU-07', '2033-04'), undefined);
  });
});
