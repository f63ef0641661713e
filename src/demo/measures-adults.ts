// Demo measures for Adults' Social Care & Health: assessment and reviews, safeguarding, reablement and
// hospital discharge, the care market and public health.
import type { MeasureDef } from './measures.ts';

export const adultsMeasures: MeasureDef[] = [
  {
    code: 'ASC-01',
    title: 'Adults in long-term support who have had a review in the last 12 months',
    definition:
      'Of the adults receiving long-term social care support at the end of the month, the share whose care and ' +
      'support plan was reviewed in the previous 12 months, as the Care Act expects.',
    calculation: 'People with a completed review in the last 12 months ÷ people in long-term support × 100.',
    ratio: ['People reviewed in the last 12 months', 'People receiving long-term support'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'ASC-AR', outcomes: ['OC04', 'OC05'], tags: ['corporate', 'public', 'benchmarkable'] },
    source: 'Mosaic adult social care case management system',
    model: {
      start: 61,
      end: 71,
      noise: 1.2,
      winter: -2,
      steps: [['2024-09', 4]],
      per: 2350,
      target: [70, 75],
      tol: 5,
      notes: [
        {
          text: 'Two long-term vacancies in the reviewing team filled in August; backlog reducing.',
          from: '2024-09',
        },
        'Reviews of people in residential care have been prioritised ahead of the fee uplift.',
        'A dedicated review team for people with learning disabilities started this quarter.',
      ],
    },
  },
  {
    code: 'ASC-02',
    title: 'People waiting for a Care Act assessment',
    definition:
      'People whose request for an assessment of their care needs has not yet been assessed, at month end.',
    calculation:
      'Count of open assessment requests with no completed assessment on the last day of the month.',
    shape: { unit: 'count', dp: 0, polarity: 'down', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'ASC-AR', outcomes: ['OC04'], tags: ['corporate', 'public'] },
    source: 'Mosaic adult social care case management system',
    model: {
      start: 410,
      end: 255,
      noise: 18,
      winter: 35,
      target: [350, 250],
      tol: '10%',
      notes: [
        'Waiting list triaged weekly; everyone waiting has had a safety call within 28 days.',
        {
          text: 'Winter discharge demand drew assessors onto hospital work, lengthening the community waiting list.',
          months: [12, 1, 2, 3],
        },
      ],
    },
  },
  {
    code: 'ASC-03',
    title: 'Average days from request to completed Care Act assessment',
    definition:
      'The average time taken to complete a Care Act assessment, for assessments completed in the month.',
    calculation: 'Sum of days from request to completion ÷ number of assessments completed in the month.',
    shape: { unit: 'days', dp: 1, polarity: 'down', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'ASC-AR', outcomes: ['OC04'], tags: ['benchmarkable'] },
    source: 'Mosaic adult social care case management system',
    model: { start: 39, end: 27, noise: 2.2, winter: 3, target: [30, 28], tol: '10%' },
  },
  {
    code: 'ASC-04',
    title: 'Contacts to the adult social care front door',
    definition:
      'New contacts about adults received by the adult social care contact team: a measure of demand.',
    calculation: 'Count of contacts recorded in the month, including online referrals and calls.',
    shape: { unit: 'count', dp: 0, polarity: 'none', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'ASC-AR', outcomes: ['OC04'], tags: ['public'] },
    source: 'Mosaic adult social care case management system',
    model: { start: 1420, end: 1630, noise: 55, winter: 110 },
  },
  {
    code: 'ASC-05',
    title: 'Older people still at home 91 days after leaving hospital into reablement',
    definition:
      'People aged 65 and over discharged from hospital into reablement or rehabilitation who were still at home ' +
      '91 days later.',
    calculation:
      'People at home on day 91 ÷ people discharged into reablement in the quarter three months earlier × 100.',
    ratio: ['Still at home after 91 days', 'Discharged from hospital into reablement'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'ASC-RD', outcomes: ['OC04'], tags: ['statutory', 'benchmarkable', 'public'] },
    refs: [{ scheme: 'ASCOF', ref: '2B(1)' }],
    source: 'Reablement service records matched with the NHS discharge list',
    model: { start: 79.5, end: 84, noise: 1.8, per: 185, target: 82, tol: 2 },
  },
  {
    code: 'ASC-06',
    title: 'Permanent admissions of older people to care homes, per 100,000 (year to date)',
    definition:
      'Long-term admissions of people aged 65 and over to residential and nursing care, per 100,000 people 65+.',
    calculation: 'Admissions since 1 April ÷ population aged 65 and over (ONS mid-year estimate) × 100,000.',
    ratio: ['Permanent admissions aged 65+ since 1 April', 'Population aged 65 and over'],
    shape: { unit: 'rate_per_100000', dp: 1, polarity: 'down', freq: 'quarterly', acc: 'year_to_date' },
    links: { lead: 'ASC-AR', also: ['ASC-CM'], outcomes: ['OC04'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'ASCOF', ref: '2A(2)' }],
    source: 'Mosaic adult social care case management system; ONS population estimates',
    model: {
      start: 610,
      end: 545,
      noise: 14,
      per: 44800,
      growth: 0.015,
      profile: [0.25, 0.5, 0.76, 1],
      target: [600, 560],
      tol: '5%',
    },
  },
  {
    code: 'ASC-07',
    title: 'Safeguarding enquiries where the person’s desired outcomes were achieved',
    definition:
      'Concluded section 42 enquiries where the person was asked what they wanted and said their outcomes were ' +
      'fully or partly achieved (Making Safeguarding Personal).',
    calculation:
      'Enquiries with outcomes fully or partly achieved ÷ enquiries where outcomes were expressed × 100.',
    ratio: ['Outcomes fully or partly achieved', 'Enquiries where outcomes were expressed'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'ASC-SG', outcomes: ['OC05'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'SAC', ref: 'Table SG2d' }],
    source: 'Mosaic safeguarding module',
    model: { start: 88, end: 93.5, noise: 1.5, per: 118, target: 90, tol: 3 },
  },
  {
    code: 'ASC-08',
    title: 'Section 42 safeguarding enquiries started',
    definition:
      'New enquiries under section 42 of the Care Act 2014 started in the month: a measure of demand.',
    calculation: 'Count of section 42 enquiries with a start date in the month.',
    shape: { unit: 'count', dp: 0, polarity: 'none', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'ASC-SG', outcomes: ['OC05'], tags: ['statutory'] },
    source: 'Mosaic safeguarding module',
    model: { start: 84, end: 97, noise: 7, winter: 5 },
  },
  {
    code: 'ASC-09',
    title: 'Adults with a learning disability in paid employment',
    definition: 'Adults aged 18–64 with a learning disability, known to the council, who are in paid work.',
    calculation:
      'People in paid employment ÷ adults aged 18–64 with a learning disability receiving support × 100.',
    ratio: ['In paid employment', 'Adults 18–64 with a learning disability receiving support'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'snapshot' },
    links: { lead: 'ASC-AR', outcomes: ['OC04'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'ASCOF', ref: '1E' }],
    source: 'Mosaic adult social care case management system',
    model: { start: 4.9, end: 6.3, noise: 0.25, per: 820, target: [5, 6.5], tol: 0.5 },
  },
  {
    code: 'ASC-10',
    title: 'Care homes in Anytown rated Good or Outstanding by the CQC',
    definition:
      'Care homes in the borough whose latest Care Quality Commission rating is Good or Outstanding.',
    calculation: 'Homes rated Good or Outstanding ÷ rated care homes in the borough × 100, at quarter end.',
    ratio: ['Homes rated Good or Outstanding', 'Care homes with a CQC rating'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'snapshot' },
    links: { lead: 'ASC-CM', outcomes: ['OC04', 'OC05'], tags: ['public', 'benchmarkable'] },
    source: 'CQC care directory with ratings (monthly download)',
    model: { start: 77, end: 83, noise: 1.6, per: 42, target: 85, tol: 3 },
  },
  {
    code: 'ASC-11',
    title: 'People using social care who receive a direct payment',
    definition:
      'Adults receiving community-based long-term support who get some or all of it as a direct payment.',
    calculation:
      'People receiving a direct payment ÷ people receiving community-based long-term support × 100.',
    ratio: ['People receiving a direct payment', 'People in community-based long-term support'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'snapshot' },
    links: { lead: 'ASC-CM', outcomes: ['OC04'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'ASCOF', ref: '1C(2a)' }],
    source: 'Mosaic adult social care case management system',
    model: { start: 23.8, end: 27.1, noise: 0.4, per: 1650 },
  },
  {
    code: 'ASC-12',
    title: 'Hospital discharges to the person’s usual place of residence',
    definition:
      'Anytown residents discharged from the acute trust who went back to where they lived before admission.',
    calculation: 'Discharges to usual place of residence ÷ all discharges of Anytown residents × 100.',
    ratio: ['Discharged to usual place of residence', 'Discharges of Anytown residents'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'ASC-RD', outcomes: ['OC04'], tags: ['benchmarkable', 'corporate'] },
    refs: [{ scheme: 'BCF', ref: 'Discharge to usual place of residence' }],
    source: 'Anytown General Hospital discharge data (NHS SUS extract)',
    model: { start: 90.8, end: 92.6, noise: 0.5, winter: -1.4, per: 640, target: 93, tol: 1.5 },
  },
  {
    code: 'ASC-13',
    title: 'Average days from discharge referral to care starting at home',
    definition:
      'For people leaving hospital who need home care, the average wait from referral to the first visit.',
    calculation: 'Sum of days from referral to first home care visit ÷ packages started in the month.',
    shape: { unit: 'days', dp: 1, polarity: 'down', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'ASC-RD', also: ['ASC-CM'], outcomes: ['OC04'], tags: ['corporate'] },
    source: 'Brokerage team records',
    model: {
      start: 5.8,
      end: 4.1,
      noise: 0.35,
      winter: 1.1,
      target: 4,
      tol: '15%',
      notes: [
        {
          text: 'Winter pressures: discharge referrals up sharply after the new year, and two home care providers short of staff.',
          months: [1, 2],
        },
        'The new discharge-to-assess beds opened in November are taking the pressure off home care.',
      ],
    },
  },
  {
    code: 'PH-01',
    title: 'Eligible residents offered an NHS Health Check who took it up',
    definition: 'People aged 40–74 invited for a free NHS Health Check in the quarter who then had one.',
    calculation: 'Health Checks received ÷ Health Checks offered × 100.',
    ratio: ['Health Checks received', 'Health Checks offered'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'ASC-PH', outcomes: ['OC06'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'OHID', ref: 'NHS Health Check uptake' }],
    source: 'GP practice returns via the Health Check provider',
    model: { start: 41, end: 51, noise: 2.5, per: 2100, target: 50, tol: 5 },
  },
  {
    code: 'PH-02',
    title: 'Opiate users completing drug treatment who do not return within six months',
    definition:
      'Adults in treatment for opiate use who finished treatment free of dependence and did not re-present.',
    calculation:
      'Successful completions not re-presenting within 6 months ÷ opiate users in treatment × 100.',
    ratio: ['Successful completions not re-presenting', 'Opiate users in treatment'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'ASC-PH', outcomes: ['OC06'], tags: ['benchmarkable'] },
    refs: [{ scheme: 'OHID', ref: 'C19a' }],
    source: 'National Drug Treatment Monitoring System (NDTMS)',
    model: { start: 4.6, end: 5.7, noise: 0.4, per: 880, target: 6, tol: 0.5 },
  },
  {
    code: 'PH-03',
    title: 'Mothers smoking at the time of delivery',
    definition: 'Women giving birth in the quarter who were known to smoke at the time of delivery.',
    calculation: 'Mothers known to smoke at delivery ÷ maternities with known smoking status × 100.',
    ratio: ['Mothers smoking at delivery', 'Maternities with known smoking status'],
    shape: { unit: 'percent', dp: 1, polarity: 'down', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'ASC-PH', also: ['CHS-FD'], outcomes: ['OC06'], tags: ['benchmarkable', 'public'] },
    refs: [{ scheme: 'OHID', ref: 'C06' }],
    source: 'NHS England SATOD collection',
    model: { start: 10.6, end: 8.1, noise: 0.6, per: 520, target: [10, 8], tol: 1 },
  },
];
