// Demo measures for Housing: damp and mould under Awaab's Law, lettings, rents, homelessness and private
// sector housing. The Tenant Satisfaction Measures are in measures-tsm.ts.
import type { MeasureDef } from './measures.ts';

const ESTATES = ['EST-EAST', 'EST-MILL'];

export const housingMeasures: MeasureDef[] = [
  {
    code: 'HOU-07',
    title: 'Damp and mould reports where hazards were investigated within Awaab’s Law timescales',
    definition:
      'Reports of damp and mould in council homes where the potential hazard was investigated within 10 working ' +
      'days (24 hours for an emergency), as Awaab’s Law requires of social landlords from 27 October 2025.',
    calculation:
      'Reports investigated within the legal timescale ÷ reports due for investigation in the month × 100.',
    ratio: ['Investigated within timescale', 'Reports due for investigation'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: {
      lead: 'HOU-RM',
      also: ['HOU-TE'],
      outcomes: ['OC07'],
      tags: ['statutory', 'regulatory', 'public', 'corporate'],
    },
    source: 'Northgate housing repairs system (damp and mould case module)',
    mistakes:
      'Counting reports closed without an inspection as investigated; timing from the inspection rather than from the report; leaving out reports made by phone to the contact centre.',
    model: {
      start: 81,
      end: 93,
      noise: 3,
      winter: -2,
      per: 52,
      from: '2025-11',
      target: 100,
      tol: 5,
      notes: [
        {
          text: 'A second damp and mould surveyor started in January; all emergency reports were inspected within 24 hours.',
          from: '2026-01',
        },
        {
          text: 'Winter peak in reports: surveyor capacity was the constraint, with overtime agreed for weekend visits.',
          months: [12, 1, 2],
        },
        'Three cases missed the 10 working day deadline because tenants were not at home for booked visits.',
      ],
    },
  },
  {
    code: 'HOU-08',
    title: 'Damp and mould reports received',
    definition: 'New reports of damp or mould from council tenants in the month: a measure of demand.',
    calculation: 'Count of damp and mould cases opened in the month.',
    shape: { unit: 'count', dp: 0, polarity: 'none', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'HOU-RM', outcomes: ['OC07'], tags: ['regulatory', 'public'] },
    source: 'Northgate housing repairs system (damp and mould case module)',
    model: { start: 31, end: 52, noise: 5, winter: 22, steps: [['2023-01', 12]] },
  },
  {
    code: 'HOU-01',
    title: 'Households prevented from becoming homeless',
    definition:
      'Prevention duties that ended with the household keeping or securing accommodation for six months.',
    calculation: 'Count of prevention duties ended in the month with accommodation secured.',
    shape: { unit: 'count', dp: 0, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'HOU-HO', outcomes: ['OC08'], tags: ['statutory', 'public', 'corporate'] },
    refs: [{ scheme: 'H-CLIC', ref: 'Prevention duty outcomes' }],
    source: 'Locata housing options system (H-CLIC extract)',
    model: {
      start: 37,
      end: 51,
      noise: 5,
      holidays: 0.12,
      target: [40, 48],
      tol: '10%',
      notes: ['Early contact from private landlords serving notice is letting us prevent more cases.'],
    },
  },
  {
    code: 'HOU-02',
    title: 'Prevention duties ending with accommodation secured',
    definition:
      'Homelessness prevention duties ended in the quarter where accommodation was secured for 6+ months.',
    calculation: 'Prevention duties ended with accommodation secured ÷ prevention duties ended × 100.',
    ratio: ['Ended with accommodation secured', 'Prevention duties ended'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'HOU-HO', outcomes: ['OC08'], tags: ['statutory', 'benchmarkable'] },
    refs: [{ scheme: 'H-CLIC', ref: 'P1 prevention outcomes' }],
    source: 'Locata housing options system (H-CLIC extract)',
    model: { start: 51, end: 58.5, noise: 2.4, per: 215, target: 60, tol: 5 },
  },
  {
    code: 'HOU-03',
    title: 'Households in temporary accommodation',
    definition: 'Households placed in temporary accommodation by the council on the last night of the month.',
    calculation: 'Count of households in temporary accommodation at month end.',
    shape: { unit: 'count', dp: 0, polarity: 'down', freq: 'monthly', acc: 'snapshot' },
    links: {
      lead: 'HOU-HO',
      outcomes: ['OC08'],
      tags: ['statutory', 'public', 'corporate', 'benchmarkable'],
    },
    refs: [{ scheme: 'H-CLIC', ref: 'TA1' }],
    source: 'Locata housing options system (H-CLIC extract)',
    model: {
      start: 255,
      end: 405,
      noise: 6,
      target: [260, 350],
      tol: '10%',
      notes: [
        'Rising private rents and section 21 notices continue to push up placements; 42 families moved on this month.',
      ],
    },
  },
  {
    code: 'HOU-04',
    title: 'Families with children in bed and breakfast for more than six weeks',
    definition:
      'Households with children or a pregnant member in B&B accommodation for over six weeks, at month end.',
    calculation: 'Count of such households at month end; the law allows none.',
    shape: { unit: 'count', dp: 0, polarity: 'down', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'HOU-HO', outcomes: ['OC08'], tags: ['statutory', 'public', 'corporate'] },
    source: 'Locata housing options system',
    model: { start: 0, end: 4, noise: 1.5, min: 0, target: 0, tol: 0 },
  },
  {
    code: 'HOU-05',
    title: 'Average days to re-let a council home',
    definition: 'Average calendar days from the old tenancy ending to the new tenancy starting (key to key).',
    calculation: 'Sum of key-to-key days for general needs lettings in the month ÷ number of lettings.',
    shape: { unit: 'days', dp: 1, polarity: 'down', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'HOU-TE', also: ['HOU-RM'], outcomes: ['OC07', 'OC08'], tags: ['benchmarkable'] },
    source: 'Northgate housing management system',
    model: { start: 39, end: 29, noise: 3, winter: 2, target: [35, 28], tol: '10%' },
  },
  {
    code: 'HOU-06',
    title: 'Rent collected from current tenants (year to date)',
    definition:
      'Rent and service charges collected from current tenants since 1 April as a share of the amount due.',
    calculation:
      'Rent collected since 1 April ÷ rent due since 1 April × 100 (excluding arrears brought forward).',
    ratio: ['Rent collected since 1 April (£)', 'Rent due since 1 April (£)'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'year_to_date' },
    links: {
      lead: 'HOU-TE',
      also: ['RES-FIN'],
      outcomes: ['OC07', 'OC12'],
      tags: ['benchmarkable', 'corporate'],
    },
    source: 'Northgate housing rents module',
    model: {
      start: 97.8,
      end: 98.3,
      noise: 0.25,
      winter: -0.4,
      per: 61000000,
      growth: 0.06,
      target: 98.5,
      tol: 0.5,
    },
  },
  {
    code: 'HOU-09',
    title: 'Empty council homes',
    definition:
      'Council homes empty and available to let, or undergoing works between tenancies, at month end.',
    calculation: 'Empty homes ÷ council homes owned × 100.',
    ratio: ['Empty homes', 'Council homes owned'],
    shape: { unit: 'percent', dp: 2, polarity: 'down', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'HOU-TE', also: ['HOU-RM'], outcomes: ['OC07', 'OC08'], tags: ['benchmarkable'] },
    source: 'Northgate housing management system',
    model: { start: 1.45, end: 1.08, noise: 0.06, per: 12400, target: 1, tol: 0.2, breakdowns: ESTATES },
  },
  {
    code: 'HOU-10',
    title: 'Private rented homes made safe after council action',
    definition:
      'Category 1 hazards under the Housing Health and Safety Rating System removed after council action.',
    calculation: 'Count of category 1 hazards confirmed removed in the quarter.',
    shape: { unit: 'count', dp: 0, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'HOU-PS', outcomes: ['OC07'], tags: ['public'] },
    source: 'Uniform private sector housing module',
    model: { start: 42, end: 61, noise: 6, target: [45, 55], tol: '10%' },
  },
  {
    code: 'HOU-11',
    title: 'Tenants satisfied with the way damp and mould in their home was dealt with',
    definition:
      'Proposed: tenants whose damp and mould case closed in the quarter who were satisfied with how it was handled.',
    calculation: 'Satisfied respondents ÷ respondents to the post-case survey × 100.',
    ratio: ['Satisfied respondents', 'Respondents'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'HOU-RM', outcomes: ['OC07'], tags: ['regulatory'] },
    source: 'Post-case text message survey (to be set up)',
    status: 'draft',
    model: { start: 70, end: 70, noise: 0 },
  },
];
