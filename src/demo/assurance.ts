// The demo council's assurance records, fixed around its "today" of 26 November 2026: five inspections under five
// frameworks (each judged on its own scale), their recommendations with improvement actions (one overdue), an action
// on the damp-and-mould measure, and the real statutory returns with their due dates (some accepted, one overdue).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ActionStatus, ReturnFrequency, ReturnRecipient, ReturnStatus } from '../db/schema.ts';

interface DemoInspection {
  service: string;
  framework: string;
  title: string;
  dates: [string, string, string | null];
  overall: string | null;
  areas: Record<string, string>;
  url: string;
  summary: string;
  next: [string | null, string];
  recommendations: string[];
}

const inspections: DemoInspection[] = [
  {
    service: 'CHS-CP',
    framework: 'OFSTED-ILACS',
    title: 'Inspection of local authority children’s services, 2023',
    dates: ['2023-03-06', '2023-03-17', '2023-05-02'],
    overall: 'Good',
    areas: {
      'The impact of leaders on social work practice with children and families': 'Good',
      'The experiences and progress of children who need help and protection': 'Good',
      'The experiences and progress of children in care': 'Good',
      'The experiences and progress of care leavers': 'Requires improvement to be good',
    },
    url: 'https://reports.ofsted.gov.uk/provider/44/80999',
    summary:
      'Children are safer because of timely, well-targeted help; care leavers’ access to suitable housing is inconsistent.',
    next: ['2026-12-01', 'A standard inspection is due about three years after the last'],
    recommendations: [
      'Improve the range of suitable accommodation for care leavers, including staying put and supported lodgings.',
      'Strengthen management oversight of pre-proceedings work so that plans progress without drift.',
      'Make sure pathway plans are written with care leavers and reviewed when their circumstances change.',
    ],
  },
  {
    service: 'CHS-EDU',
    framework: 'OFSTED-REPORT-CARD',
    title: 'Castle Hill Primary School report card, 2026',
    dates: ['2026-03-10', '2026-03-11', '2026-04-21'],
    overall: null,
    areas: {
      Inclusion: 'Strong standard',
      'Curriculum and teaching': 'Expected standard',
      Achievement: 'Expected standard',
      'Attendance and behaviour': 'Needs attention',
      'Personal development and well-being': 'Strong standard',
      'Early years': 'Expected standard',
      'Leadership and governance': 'Strong standard',
      Safeguarding: 'Met',
    },
    url: 'https://reports.ofsted.gov.uk/provider/21/199001',
    summary:
      'A first report card under the renewed framework; persistent absence is the area needing attention.',
    next: [null, 'Under the renewed framework, usually within four years'],
    recommendations: ['Reduce persistent absence among disadvantaged pupils, working with families early.'],
  },
  {
    service: 'ASC-AR',
    framework: 'CQC-LA',
    title: 'Local authority assessment: adult social care, 2025',
    dates: ['2025-06-02', '2025-06-20', '2025-09-18'],
    overall: 'Requires improvement',
    areas: {
      'Assessing needs': '2: evidence shows some shortfalls',
      'Supporting people to live healthier lives': '3: evidence shows a good standard',
      'Equity in experience and outcomes': '2: evidence shows some shortfalls',
      'Care provision, integration and continuity': '2: evidence shows some shortfalls',
      'Partnerships and communities': '3: evidence shows a good standard',
      'Safe systems, pathways and transitions': '2: evidence shows some shortfalls',
      Safeguarding: '3: evidence shows a good standard',
      'Governance, management and sustainability': '2: evidence shows some shortfalls',
      'Learning, improvement and innovation': '3: evidence shows a good standard',
    },
    url: 'https://www.cqc.org.uk/care-services/local-authority-assessment-reports/anytown',
    summary: 'People wait too long for Care Act assessments; partnership working with health is a strength.',
    next: [null, 'CQC reassesses local authorities on a risk basis'],
    recommendations: [
      'Reduce waiting times for Care Act assessments and keep people informed while they wait.',
      'Improve transitions from children’s to adults’ services for young people with care needs.',
      'Make sure unpaid carers are offered an assessment of their own needs.',
    ],
  },
  {
    service: 'CHS-YJ',
    framework: 'HMIP-YJ',
    title: 'Inspection of youth justice services, 2024',
    dates: ['2024-10-07', '2024-10-18', '2025-01-15'],
    overall: 'Good',
    areas: {
      'Organisational delivery': 'Good',
      'Court disposals': 'Good',
      'Out-of-court disposals': 'Outstanding',
      Resettlement: 'Requires improvement',
    },
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/anytown-yjs/',
    summary: 'Strong diversion work; resettlement planning for children leaving custody starts too late.',
    next: [
      '2028-10-01',
      'HM Inspectorate of Probation inspects each youth justice service about every four years',
    ],
    recommendations: [
      'Begin resettlement planning as soon as a child enters custody.',
      'Improve the recording of children’s diversity needs in assessments.',
    ],
  },
  {
    service: 'HOU-TE',
    framework: 'RSH-CONSUMER',
    title: 'Consumer standards inspection, 2025',
    dates: ['2025-11-03', '2025-11-14', '2026-01-28'],
    overall: 'C2',
    areas: {},
    url: 'https://www.gov.uk/government/publications/regulatory-judgement-anytown-borough-council',
    summary:
      'Some weaknesses in delivering the outcomes of the consumer standards, chiefly the timeliness of damp and mould repairs.',
    next: ['2029-11-01', 'The regulator inspects large landlords about every four years'],
    recommendations: [
      'Improve the timeliness of responses to damp and mould reports, meeting Awaab’s Law.',
      'Complete the programme of stock condition surveys and use it to plan investment.',
    ],
  },
];

interface DemoAction {
  from: { inspection: number; recommendation: number } | { measure: string; period: string };
  title: string;
  owner: string;
  due: string;
  status: ActionStatus;
  notes: string[];
}

const actions: DemoAction[] = [
  {
    from: { inspection: 0, recommendation: 1 },
    title: 'Commission twenty more supported lodgings places for care leavers',
    owner: 'chs-cic.lead',
    due: '2026-12-31',
    status: 'in_progress',
    notes: ['Twelve places commissioned; tender for the rest closes in December.'],
  },
  {
    from: { inspection: 2, recommendation: 1 },
    title: 'Clear the Care Act assessment waiting list to under 150 people',
    owner: 'adults.owner',
    due: '2026-10-31',
    status: 'in_progress',
    notes: ['Agency assessors started in August; the list is down from 420 to 260.'],
  },
  {
    from: { inspection: 2, recommendation: 3 },
    title: 'Offer a carer’s assessment at every Care Act assessment',
    owner: 'adults.owner',
    due: '2026-03-31',
    status: 'done',
    notes: [
      'The assessment form now prompts for carers.',
      'Audit in March showed 94% of carers offered an assessment.',
    ],
  },
  {
    from: { inspection: 3, recommendation: 1 },
    title: 'Start resettlement plans within ten days of a child entering custody',
    owner: 'chs-yj.lead',
    due: '2025-09-30',
    status: 'done',
    notes: [
      'New protocol agreed with the secure estate; all four children since have had a plan within ten days.',
    ],
  },
  {
    from: { inspection: 4, recommendation: 1 },
    title: 'Bring damp and mould investigations within Awaab’s Law timescales',
    owner: 'housing.owner',
    due: '2027-03-31',
    status: 'in_progress',
    notes: ['Dedicated damp and mould team of six surveyors in post from October.'],
  },
  {
    from: { measure: 'HOU-07', period: '2026-27-Q2' },
    title: 'Triage every damp and mould report within one working day',
    owner: 'housing.owner',
    due: '2027-01-31',
    status: 'not_started',
    notes: [],
  },
];

interface DemoReturn {
  code: string;
  title: string;
  recipient: ReturnRecipient;
  frequency: ReturnFrequency;
  period: string;
  due: string;
  service: string;
  owner: string;
  status: ReturnStatus;
  measures: string[];
  checks: string[];
}

const CHECKS = {
  dfe: [
    'Reconcile record counts with the case management system',
    'Clear every DfE validation error; explain the queries that remain',
  ],
  hclic: [
    'Reconcile case numbers with the homelessness case system',
    'Check prevention and relief outcomes are recorded for closed cases',
  ],
  asc: [
    'Reconcile client counts with the social care record',
    'Head of finance signs off the expenditure figures',
  ],
  tsm: [
    'Check the survey sample meets the regulator’s minimum size',
    'Reconcile management information measures with the housing system',
  ],
  yjb: [
    'Reconcile the youth justice case management extract',
    'Check first-time entrant records against police data',
  ],
};

const returns: DemoReturn[] = [
  {
    code: 'SSDA903',
    title: 'Children looked after return (SSDA903)',
    recipient: 'DfE',
    frequency: 'annual',
    period: '2025 to 2026',
    due: '2026-06-30',
    service: 'CHS-CIC',
    owner: 'chs-cic.lead',
    status: 'accepted',
    measures: ['CYP-05', 'CYP-06', 'CYP-07'],
    checks: CHECKS.dfe,
  },
  {
    code: 'CIN',
    title: 'Children in need census',
    recipient: 'DfE',
    frequency: 'annual',
    period: '2025 to 2026',
    due: '2026-07-31',
    service: 'CHS-CP',
    owner: 'chs-cp.lead',
    status: 'accepted',
    measures: ['CYP-02', 'CYP-03', 'CYP-04'],
    checks: CHECKS.dfe,
  },
  {
    code: 'SCHOOL-CENSUS',
    title: 'School census (autumn)',
    recipient: 'DfE',
    frequency: 'termly',
    period: 'Autumn 2026, census day 1 October 2026',
    due: '2026-11-04',
    service: 'CHS-EDU',
    owner: 'chs-edu.lead',
    status: 'submitted',
    measures: ['EDU-01', 'EDU-02'],
    checks: CHECKS.dfe,
  },
  {
    code: 'SCHOOL-CENSUS',
    title: 'School census (spring)',
    recipient: 'DfE',
    frequency: 'termly',
    period: 'Spring 2027, census day 21 January 2027',
    due: '2027-02-03',
    service: 'CHS-EDU',
    owner: 'chs-edu.lead',
    status: 'not_started',
    measures: ['EDU-01', 'EDU-02'],
    checks: CHECKS.dfe,
  },
  {
    code: 'HCLIC',
    title: 'Homelessness case-level collection (H-CLIC)',
    recipient: 'MHCLG',
    frequency: 'quarterly',
    period: '2026-27 Q2 (July to September)',
    due: '2026-11-03',
    service: 'HOU-HO',
    owner: 'housing.owner',
    status: 'in_preparation',
    measures: ['HOU-01', 'HOU-02', 'HOU-03'],
    checks: CHECKS.hclic,
  },
  {
    code: 'HCLIC',
    title: 'Homelessness case-level collection (H-CLIC)',
    recipient: 'MHCLG',
    frequency: 'quarterly',
    period: '2026-27 Q3 (October to December)',
    due: '2027-02-19',
    service: 'HOU-HO',
    owner: 'housing.owner',
    status: 'not_started',
    measures: ['HOU-01', 'HOU-02', 'HOU-03'],
    checks: CHECKS.hclic,
  },
  {
    code: 'TSM',
    title: 'Tenant Satisfaction Measures',
    recipient: 'RSH',
    frequency: 'annual',
    period: '2025 to 2026',
    due: '2026-06-30',
    service: 'HOU-TE',
    owner: 'hou-te.lead',
    status: 'accepted',
    measures: ['TP01', 'TP02', 'RP02'],
    checks: CHECKS.tsm,
  },
  {
    code: 'SALT',
    title: 'Short and Long Term support return (SALT)',
    recipient: 'DHSC',
    frequency: 'annual',
    period: '2025 to 2026',
    due: '2026-07-15',
    service: 'ASC-AR',
    owner: 'adults.owner',
    status: 'accepted',
    measures: ['ASC-01', 'ASC-05'],
    checks: CHECKS.asc,
  },
  {
    code: 'ASC-FR',
    title: 'Adult Social Care Finance Return (ASC-FR)',
    recipient: 'DHSC',
    frequency: 'annual',
    period: '2025 to 2026',
    due: '2026-07-31',
    service: 'ASC-AR',
    owner: 'adults.owner',
    status: 'submitted',
    measures: ['ASC-11'],
    checks: CHECKS.asc,
  },
  {
    code: 'YJ-DATA',
    title: 'Youth justice quarterly data return',
    recipient: 'YJB',
    frequency: 'quarterly',
    period: '2026-27 Q2 (July to September)',
    due: '2026-11-30',
    service: 'CHS-YJ',
    owner: 'chs-yj.lead',
    status: 'quality_checked',
    measures: ['YJ-01', 'YJ-02'],
    checks: CHECKS.yjb,
  },
  {
    code: 'SSDA903',
    title: 'Children looked after return (SSDA903)',
    recipient: 'DfE',
    frequency: 'annual',
    period: '2026 to 2027',
    due: '2027-06-30',
    service: 'CHS-CIC',
    owner: 'chs-cic.lead',
    status: 'not_started',
    measures: ['CYP-05', 'CYP-06', 'CYP-07'],
    checks: CHECKS.dfe,
  },
];

/** A moment on a day, in the morning UK time, so recorded times read naturally. */
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const before = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};
const CHECKED: readonly ReturnStatus[] = ['quality_checked', 'submitted', 'accepted'];

export async function insertDemoAssurance(db: Db, councilId: string, officerId: string): Promise<void> {
  const idsOf = async (table: 'services' | 'measures', codes: string[]) => {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'code'])
      .where('council_id', '=', councilId)
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  };
  const services = await idsOf('services', [
    ...new Set([...inspections.map((i) => i.service), ...returns.map((r) => r.service), 'HOU-RM']),
  ]);
  const measures = await idsOf('measures', [...new Set([...returns.flatMap((r) => r.measures), 'HOU-07'])]);
  const people = new Map(
    (await db.selectFrom('users').select(['id', 'email']).where('council_id', '=', councilId).execute()).map(
      (u) => [u.email.split('@')[0] ?? '', u.id],
    ),
  );
  const need = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo assurance: no ${key}`);
    return value;
  };

  const recommendationIds: string[][] = [];
  for (const i of inspections) {
    const row = await db
      .insertInto('inspections')
      .values({
        council_id: councilId,
        service_id: need(services, i.service),
        framework_code: i.framework,
        title: i.title,
        started_on: i.dates[0],
        ended_on: i.dates[1],
        published_on: i.dates[2],
        overall_judgement: i.overall,
        report_url: i.url,
        summary: i.summary,
        next_expected_on: i.next[0],
        next_expected_note: i.next[1],
        created_by: officerId,
        created_at: at(i.dates[2] ?? i.dates[1]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [area, judgement] of Object.entries(i.areas))
      await sql`INSERT INTO inspection_judgements (council_id, inspection_id, framework_code, area, scale, judgement)
        SELECT ${councilId}, ${row.id}, a.framework_code, a.area, a.scale, ${judgement}
        FROM inspection_framework_areas a WHERE a.framework_code = ${i.framework} AND a.area = ${area}`.execute(
        db,
      );
    const recs = await db
      .insertInto('inspection_recommendations')
      .values(
        i.recommendations.map((text, n) => ({
          council_id: councilId,
          inspection_id: row.id,
          position: n + 1,
          text,
        })),
      )
      .returning('id')
      .execute();
    recommendationIds.push(recs.map((r) => r.id));
  }

  for (const a of actions) {
    const fromRecommendation = 'inspection' in a.from;
    const inspection = 'inspection' in a.from ? inspections[a.from.inspection] : undefined;
    const serviceCode = inspection?.service ?? 'HOU-RM';
    const raisedOn = inspection ? (inspection.dates[2] ?? inspection.dates[1]) : '2026-11-10';
    const closed = a.status === 'done' || a.status === 'cancelled';
    const row = await db
      .insertInto('improvement_actions')
      .values({
        council_id: councilId,
        service_id: need(services, serviceCode),
        title: a.title,
        source: fromRecommendation ? 'recommendation' : 'measure',
        recommendation_id:
          'inspection' in a.from
            ? (recommendationIds[a.from.inspection]?.[a.from.recommendation - 1] ?? null)
            : null,
        measure_id: 'measure' in a.from ? need(measures, a.from.measure) : null,
        measure_period: 'measure' in a.from ? a.from.period : null,
        owner_id: need(people, a.owner),
        due_on: a.due,
        status: a.status,
        raised_by: officerId,
        raised_at: at(raisedOn, 11),
        closed_at: closed ? at(before(a.due, 10)) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, note] of a.notes.entries()) {
      const last = n === a.notes.length - 1;
      await db
        .insertInto('improvement_action_notes')
        .values({
          council_id: councilId,
          action_id: row.id,
          note,
          status: last ? a.status : 'in_progress',
          written_by: need(people, a.owner),
          written_at: at(
            before(closed ? before(a.due, 10) : '2026-11-20', (a.notes.length - 1 - n) * 30),
            15,
          ),
        })
        .execute();
    }
  }

  for (const r of returns) {
    const ownerId = need(people, r.owner);
    const row = await db
      .insertInto('statutory_returns')
      .values({
        council_id: councilId,
        code: r.code,
        title: r.title,
        recipient: r.recipient,
        frequency: r.frequency,
        reference_period: r.period,
        due_on: r.due,
        service_id: need(services, r.service),
        owner_id: ownerId,
        status: r.status,
        submitted_at: r.status === 'submitted' || r.status === 'accepted' ? at(before(r.due, 2), 16) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.measures.length)
      await db
        .insertInto('statutory_return_measures')
        .values(
          r.measures.map((code) => ({
            council_id: councilId,
            return_id: row.id,
            measure_id: need(measures, code),
          })),
        )
        .execute();
    await db
      .insertInto('statutory_return_checks')
      .values(
        r.checks.map((text, n) => ({
          council_id: councilId,
          return_id: row.id,
          position: n + 1,
          text,
          checked_by: CHECKED.includes(r.status) ? ownerId : null,
          checked_at: CHECKED.includes(r.status) ? at(before(r.due, 5 - n), 14) : null,
        })),
      )
      .execute();
  }
}
