// Improvement actions against real PostgreSQL with the demo council: raised from a measure, a recommendation, a
// finding or standalone (each linked both ways), updated with append-only progress notes, stale updates refused naming
// who saved first, overdue worked out against the UK day, and scoped to the services a person reaches.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { refused } from '../../testing/refused.ts';
import { anActionForm, anInspectionForm, demoPeople } from '../assurance.fixtures.ts';
import { createInspection, inspectionDetail } from '../inspections/inspections.service.ts';
import { addDays, ukDate } from '../today.ts';
import { actionList, actionsOfFinding, actionsOfInspection, actionsOfMeasure } from './actions.list.ts';
import { actionOrigin } from './actions.origin.ts';
import { actionDetail, changeAction, raiseAction } from './actions.service.ts';

let t: TestDatabase;
let person: Awaited<ReturnType<typeof demoPeople>>;
const none = { measure: '', period: '', recommendation: '', finding: '' };

before(async () => {
  t = await freshDatabase('demo');
  person = await demoPeople(t.db, ['performance', 'housing.owner', 'adults.owner', 'director.housing']);
});
after(async () => t.drop());

const inAMonth = () => addDays(ukDate(), 30);

describe('improvement actions', () => {
  test('an action raised on a measure is listed on the measure, scoped to its service, and audited', async () => {
    const owner = person('housing.owner');
    const origin = await actionOrigin(t.db, owner, { ...none, measure: 'HOU-07', period: '2026-27-Q2' });
    assert.equal(origin.source, 'measure');
    const id = await raiseAction(t.db, owner, origin, anActionForm(owner.id, inAMonth()));
    const measure = await t.db
      .selectFrom('measures')
      .select('id')
      .where('code', '=', 'HOU-07')
      .executeTakeFirstOrThrow();
    const onMeasure = await actionsOfMeasure(t.db, owner, measure.id);
    assert.deepEqual(
      onMeasure.filter((a) => a.id === id).map((a) => [a.id, a.measure_period, a.source]),
      [[id, '2026-27-Q2', 'measure']],
    );
    assert.deepEqual(await actionsOfMeasure(t.db, person('adults.owner'), measure.id), []);
    await refused(actionDetail(t.db, person('adults.owner'), id), 404, /No such action/);
    await refused(
      actionOrigin(t.db, person('adults.owner'), { ...none, measure: 'HOU-07' }),
      404,
      /No such measure/,
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'improvement_action')
      .where('entity_id', '=', id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create'],
    );
  });

  test('an action raised on an inspection recommendation shows on that recommendation', async () => {
    const officer = person('performance');
    const inspection = await createInspection(t.db, officer, 'OFSTED-ILACS', anInspectionForm());
    const [first] = (await inspectionDetail(t.db, officer, inspection)).recommendations;
    assert.ok(first);
    const origin = await actionOrigin(t.db, officer, { ...none, recommendation: first.id });
    const id = await raiseAction(t.db, officer, origin, anActionForm(officer.id, inAMonth()));
    const byRecommendation = await actionsOfInspection(t.db, officer, inspection);
    assert.deepEqual(
      byRecommendation.get(first.id)?.map((a) => a.id),
      [id],
    );
    const detail = await actionDetail(t.db, officer, id);
    assert.equal(detail.action.inspection_id, inspection);
    assert.equal(detail.action.recommendation_position, 1);
  });

  test('an action raised on a data-quality finding, and a standalone one that needs a service', async () => {
    const officer = person('performance');
    const finding = await sql<{ id: string }>`
      INSERT INTO data_quality_findings (council_id, measure_id, period, period_end, kind, message, raised_by)
      SELECT m.council_id, m.id, '2026-27-Q1', '2026-06-30', 'raised', 'Numerator includes cancelled jobs', ${officer.id}
      FROM measures m WHERE m.code = 'HOU-07' RETURNING id`.execute(t.db);
    const findingId = finding.rows[0]?.id ?? '';
    const fromFinding = await actionOrigin(t.db, officer, { ...none, finding: findingId });
    const id = await raiseAction(t.db, officer, fromFinding, anActionForm(officer.id, inAMonth()));
    assert.equal(
      (await actionDetail(t.db, officer, id)).action.finding_message,
      'Numerator includes cancelled jobs',
    );
    assert.deepEqual(
      (await actionsOfFinding(t.db, officer, findingId)).map((a) => a.id),
      [id],
    );
    const alone = await actionOrigin(t.db, officer, none);
    await refused(
      raiseAction(t.db, officer, alone, anActionForm(officer.id, inAMonth())),
      400,
      /Choose the service/,
      'service',
    );
    await refused(
      raiseAction(t.db, officer, alone, anActionForm('', '2020-01-01', { service: 'RES-FIN', title: '' })),
      400,
      /Enter what will be done.*Choose who owns.*today or later/s,
    );
    assert.ok(
      await raiseAction(t.db, officer, alone, anActionForm(officer.id, inAMonth(), { service: 'RES-FIN' })),
    );
  });

  test('progress notes are kept, closing needs one, a stale update is refused naming who saved first', async () => {
    const owner = person('housing.owner');
    const origin = await actionOrigin(t.db, owner, { ...none, measure: 'HOU-07' });
    const id = await raiseAction(t.db, owner, origin, anActionForm(owner.id, inAMonth()));
    const form = (version: number, extra: Record<string, string>) =>
      anActionForm(owner.id, inAMonth(), {
        version: String(version),
        status: 'in_progress',
        note: '',
        ...extra,
      });
    await changeAction(t.db, owner, id, form(1, { note: 'Contractor started on site' }));
    await refused(
      changeAction(t.db, owner, id, form(2, { status: 'done' })),
      400,
      /progress note saying why the action is done/,
      'note',
    );
    await refused(
      changeAction(t.db, person('director.housing'), id, form(1, { note: 'Late' })),
      409,
      /Someone else changed the action .* by Leah Thompson/,
      'version',
    );
    await changeAction(
      t.db,
      person('director.housing'),
      id,
      form(2, { status: 'done', note: 'Backlog cleared' }),
    );
    const detail = await actionDetail(t.db, owner, id);
    assert.equal(detail.action.status, 'done');
    assert.deepEqual(
      detail.notes.map((n) => [n.note, n.status, n.written_by_name]),
      [
        ['Backlog cleared', 'done', 'Angela Foster'],
        ['Contractor started on site', 'in_progress', 'Leah Thompson'],
      ],
    );
    await assert.rejects(
      sql`UPDATE improvement_action_notes SET note = 'rewritten'`.execute(t.db),
      /append-only/,
    );
    await assert.rejects(sql`DELETE FROM improvement_action_notes`.execute(t.db), /append-only/);
  });

  test('overdue actions are flagged and listed first; the list filters by owner, status and service', async () => {
    const owner = person('housing.owner');
    const origin = await actionOrigin(t.db, owner, { ...none, measure: 'HOU-07' });
    const id = await raiseAction(
      t.db,
      owner,
      origin,
      anActionForm(owner.id, inAMonth(), { title: 'Late one' }),
    );
    // Due yesterday: as if the date had passed.
    await sql`UPDATE improvement_actions SET due_on = ${addDays(ukDate(), -1)}::date WHERE id = ${id}`.execute(
      t.db,
    );
    const list = await actionList(t.db, owner, { owner: '', status: '', service: '' });
    assert.equal(list.rows[0]?.id, id);
    assert.equal(list.rows[0]?.overdue, true);
    assert.ok(list.rows.every((r) => r.service_code.startsWith('HOU-')));
    const overdue = await actionList(t.db, person('performance'), {
      owner: owner.id,
      status: 'overdue',
      service: 'HOU-RM',
    });
    assert.deepEqual(
      overdue.rows.map((r) => r.id),
      [id],
    );
    await refused(
      actionList(t.db, owner, { owner: 'x', status: 'later', service: '' }),
      400,
      /owner from the list.*status from the list/s,
    );
  });
});
