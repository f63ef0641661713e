// The inspection register against real PostgreSQL with the demo council: judgements only ever on their own
// framework's scale (refused by the database itself, and by the form with the field named), versioned edits refused
// when stale naming who saved first, every change audited, and the list scoped to the services a person reaches.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { refused } from '../../testing/refused.ts';
import { anInspectionForm, dateFields, demoPeople } from '../assurance.fixtures.ts';
import { inspectionList, timelineOf } from './inspections.list.ts';
import { createInspection, editInspection, inspectionDetail } from './inspections.service.ts';

let t: TestDatabase;
let person: Awaited<ReturnType<typeof demoPeople>>;

before(async () => {
  t = await freshDatabase('demo');
  person = await demoPeople(t.db, [
    'performance',
    'housing.owner',
    'director.housing',
    'councillor',
    'adults.owner',
  ]);
});
after(async () => t.drop());

async function serviceId(code: string): Promise<string> {
  const row = await t.db
    .selectFrom('services')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The database's own refusal of a write, whatever the use cases do. */
async function dbRefuses(write: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(write, (error: unknown) => {
    assert.match(String((error as Error).message), pattern);
    return true;
  });
}

describe('inspection scales cannot be mixed', () => {
  test('the database refuses an overall or area judgement from another framework’s scale', async () => {
    const council = await t.db.selectFrom('councils').select('id').executeTakeFirstOrThrow();
    const edu = await serviceId('CHS-EDU');
    const insert = (framework: string, overall: string | null) =>
      sql<{
        id: string;
      }>`INSERT INTO inspections (council_id, service_id, framework_code, title, started_on, ended_on, overall_judgement)
        VALUES (${council.id}, ${edu}, ${framework}, 'Test', '2026-01-10', '2026-01-11', ${overall})
        RETURNING id`.execute(t.db);
    // An old single-word grade on a report card, a report card grade on ILACS, a consumer grade on CQC.
    await dbRefuses(insert('OFSTED-REPORT-CARD', 'Good'), /no overall judgement/);
    await dbRefuses(insert('OFSTED-ILACS', 'Strong standard'), /foreign key/);
    await dbRefuses(insert('CQC-LA', 'C2'), /foreign key/);
    const ok = await insert('OFSTED-REPORT-CARD', null);
    const id = ok.rows[0]?.id ?? '';
    const judge = (area: string, scale: string, judgement: string) =>
      sql`INSERT INTO inspection_judgements (council_id, inspection_id, framework_code, area, scale, judgement)
        VALUES (${council.id}, ${id}, 'OFSTED-REPORT-CARD', ${area}, ${scale}, ${judgement})`.execute(t.db);
    await dbRefuses(judge('Inclusion', 'evaluation', 'Good'), /foreign key/);
    await dbRefuses(judge('Inclusion', 'safeguarding', 'Met'), /foreign key/);
    await dbRefuses(judge('Quality of education', 'grade', 'Good'), /foreign key/);
    await dbRefuses(
      sql`INSERT INTO inspection_judgements (council_id, inspection_id, framework_code, area, scale, judgement)
        VALUES (${council.id}, ${id}, 'OFSTED-SCHOOL-2019', 'Quality of education', 'grade', 'Good')`.execute(
        t.db,
      ),
      /foreign key/,
    );
    await judge('Inclusion', 'evaluation', 'Strong standard');
    await judge('Safeguarding', 'safeguarding', 'Met');
    // Moving the report card to the old framework would carry its report-card grades with it: refused.
    await dbRefuses(
      sql`UPDATE inspections SET framework_code = 'OFSTED-SCHOOL-2019' WHERE id = ${id}`.execute(t.db),
      /foreign key/,
    );
  });

  test('the form refuses a judgement from another framework’s scale, naming the field and the scale', async () => {
    await refused(
      createInspection(
        t.db,
        person('performance'),
        'OFSTED-ILACS',
        anInspectionForm({ overall: 'Strong standard' }),
      ),
      400,
      /Overall judgement must be one of the Ofsted .*Outstanding, Good, Requires improvement to be good, Inadequate/,
      'overall',
    );
    await refused(
      createInspection(
        t.db,
        person('performance'),
        'OFSTED-REPORT-CARD',
        anInspectionForm({ overall: 'Good', 'area-1': '' }),
      ),
      400,
      /gives no overall judgement/,
      'overall',
    );
    await refused(
      createInspection(
        t.db,
        person('performance'),
        'OFSTED-REPORT-CARD',
        anInspectionForm({ overall: '', 'area-1': 'Good', 'area-9': 'Strong standard' }),
      ),
      400,
      /Inclusion must be one of .*Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement/,
      'area-1',
    );
    await refused(
      createInspection(t.db, person('performance'), 'RSH-CONSUMER', anInspectionForm({ overall: 'C5' })),
      400,
      /C1, C2, C3, C4/,
      'overall',
    );
  });
});

describe('recording and editing inspections', () => {
  test('an inspection is recorded with its judgements and recommendations, and audited', async () => {
    const id = await createInspection(t.db, person('performance'), 'OFSTED-ILACS', anInspectionForm());
    const detail = await inspectionDetail(t.db, person('performance'), id);
    assert.equal(detail.inspection.overall_judgement, 'Good');
    assert.deepEqual(
      detail.judgements.map((j) => [j.area, j.judgement, j.rank]),
      [
        ['The impact of leaders on social work practice with children and families', 'Good', 2],
        ['The experiences and progress of children in care', 'Requires improvement to be good', 3],
      ],
    );
    assert.deepEqual(
      detail.recommendations.map((r) => r.text),
      ['Improve the sufficiency of local placements', 'Strengthen pathway plans for care leavers'],
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'inspection')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'create');
  });

  test('bad input is refused with every field named: dates, order of dates, the report link, the service', async () => {
    await refused(
      createInspection(
        t.db,
        person('performance'),
        'OFSTED-ILACS',
        anInspectionForm({
          service: 'NOPE',
          ...dateFields('startedOn', '2026-02-30'),
          reportUrl: 'http://x',
          title: '',
        }),
      ),
      400,
      /service inspected from the list.*title.*real date.*https:\/\//s,
    );
    await refused(
      createInspection(
        t.db,
        person('performance'),
        'OFSTED-ILACS',
        anInspectionForm({ ...dateFields('endedOn', '2026-03-01') }),
      ),
      400,
      /End date must be on or after the start date/,
      'endedOn',
    );
    await refused(
      createInspection(t.db, person('housing.owner'), 'OFSTED-ILACS', anInspectionForm()),
      403,
      /permission/,
    );
  });

  test('a stale edit is refused naming who saved first; a recommendation with actions cannot be dropped', async () => {
    const id = await createInspection(
      t.db,
      person('performance'),
      'HMIP-YJ',
      anInspectionForm({ service: 'CHS-YJ', overall: 'Good', 'area-1': 'Good', 'area-3': '' }),
    );
    const saved = await inspectionDetail(t.db, person('performance'), id);
    const version = String(saved.inspection.version);
    await editInspection(
      t.db,
      person('performance'),
      id,
      anInspectionForm({ service: 'CHS-YJ', overall: 'Outstanding', 'area-3': '', version }),
    );
    await refused(
      editInspection(
        t.db,
        person('performance'),
        id,
        anInspectionForm({ service: 'CHS-YJ', overall: 'Inadequate', 'area-3': '', version }),
      ),
      409,
      /Someone else changed the inspection .* by Hannah Wright/,
      'version',
    );
    const after = await inspectionDetail(t.db, person('performance'), id);
    assert.equal(after.inspection.overall_judgement, 'Outstanding');
    assert.equal(after.inspection.version, 2);
  });

  test('people see the inspections of the services they reach, others look like they do not exist', async () => {
    const id = await createInspection(
      t.db,
      person('performance'),
      'RSH-CONSUMER',
      anInspectionForm({ service: 'HOU-TE', overall: 'C2', 'area-1': '', 'area-3': '' }),
    );
    const director = await inspectionList(t.db, person('director.housing'), {
      service: '',
      inspectorate: '',
    });
    assert.ok(director.rows.some((r) => r.id === id));
    assert.ok(director.rows.every((r) => r.service_code.startsWith('HOU-')));
    await refused(inspectionDetail(t.db, person('housing.owner'), id), 404, /No such inspection/);
    assert.equal((await inspectionDetail(t.db, person('councillor'), id)).inspection.id, id);
    await refused(inspectionDetail(t.db, person('adults.owner'), id), 404, /No such inspection/);
    await refused(inspectionDetail(t.db, person('performance'), 'x1'), 404, /No inspection/);
    const filtered = await inspectionList(t.db, person('performance'), {
      service: '',
      inspectorate: 'Regulator of Social Housing',
    });
    assert.ok(filtered.rows.length > 0);
    assert.ok(filtered.rows.every((r) => r.inspectorate === 'Regulator of Social Housing'));
    await refused(
      inspectionList(t.db, person('director.housing'), { service: 'CHS-CIC', inspectorate: '' }),
      400,
      /Choose a service/,
      'service',
    );
  });

  test('a service’s timeline runs oldest first and ends with the next inspection expected', async () => {
    await createInspection(
      t.db,
      person('performance'),
      'OFSTED-ILACS',
      anInspectionForm({
        service: 'CHS-FD',
        ...dateFields('startedOn', '2019-01-07'),
        ...dateFields('endedOn', '2019-01-18'),
        ...dateFields('publishedOn', '2019-02-20'),
        ...dateFields('nextExpectedOn', '2022-01-01'),
        overall: 'Requires improvement to be good',
      }),
    );
    await createInspection(
      t.db,
      person('performance'),
      'OFSTED-ILACS',
      anInspectionForm({ service: 'CHS-FD' }),
    );
    const list = await inspectionList(t.db, person('performance'), { service: 'CHS-FD', inspectorate: '' });
    const timeline = timelineOf(list.rows.filter((r) => r.framework_code === 'OFSTED-ILACS'));
    assert.deepEqual(
      timeline.map((e) => [e.kind, e.date]),
      [
        ['inspection', '2019-01-18'],
        ['inspection', '2026-03-13'],
        ['expected', '2029-03-01'],
      ],
    );
  });
});
