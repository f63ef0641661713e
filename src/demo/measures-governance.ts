// Demo measures for the Chief Executive's directorate: Members' Enquiries, complaints, information requests,
// the Ombudsman and residents' satisfaction.
import type { MeasureDef } from './measures.ts';

export const governanceMeasures: MeasureDef[] = [
  {
    code: 'GOV-01',
    title: 'Members’ Enquiries answered within 10 working days',
    definition:
      'Enquiries from councillors on behalf of residents that received a full answer within 10 working days.',
    calculation: 'Members’ Enquiries answered within 10 working days ÷ Members’ Enquiries answered × 100.',
    ratio: ['Answered within 10 working days', 'Members’ Enquiries answered'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'CEX-GOV', outcomes: ['OC11'], tags: ['corporate'] },
    source: 'Members’ Enquiries casework system',
    model: {
      start: 73,
      end: 87,
      noise: 3,
      per: 225,
      steps: [['2025-06', 5]],
      target: 90,
      tol: 5,
      notes: [
        {
          text: 'New casework system from June sends automatic reminders to officers on day 7.',
          from: '2025-06',
        },
      ],
    },
  },
  {
    code: 'GOV-02',
    title: 'Complaints answered within Complaint Handling Code timescales',
    definition:
      'Stage 1 corporate complaints answered within 10 working days, the timescale in the Local Government and ' +
      'Social Care Ombudsman’s Complaint Handling Code (adopted early, ahead of April 2026).',
    calculation: 'Stage 1 complaints answered within 10 working days ÷ stage 1 complaints answered × 100.',
    ratio: ['Answered within 10 working days', 'Stage 1 complaints answered'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'CEX-GOV', outcomes: ['OC11'], tags: ['public', 'corporate', 'regulatory'] },
    refs: [{ scheme: 'LGSCO', ref: 'Complaint Handling Code' }],
    source: 'Corporate complaints system',
    model: { start: 70, end: 86.5, noise: 3.5, per: 165, target: [85, 95], tol: 5 },
  },
  {
    code: 'GOV-03',
    title: 'Freedom of Information requests answered within 20 working days',
    definition:
      'Requests under the Freedom of Information Act and Environmental Information Regulations answered in time.',
    calculation: 'Requests answered within 20 working days ÷ requests due in the month × 100.',
    ratio: ['Answered within 20 working days', 'Requests due'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'CEX-GOV', outcomes: ['OC11'], tags: ['statutory', 'public'] },
    source: 'Information governance case system',
    model: {
      start: 84,
      end: 91.5,
      noise: 2.5,
      per: 108,
      target: 90,
      tol: 5,
      notes: ['Several large requests about the regeneration scheme needed legal review before release.'],
    },
  },
  {
    code: 'GOV-04',
    title: 'Complaints upheld by the Local Government and Social Care Ombudsman',
    definition: 'Complaints about the council that the Ombudsman investigated and upheld in the year.',
    calculation: 'Count of upheld decisions in the Ombudsman’s annual review letter for the year.',
    shape: { unit: 'count', dp: 0, polarity: 'down', freq: 'annual', acc: 'discrete' },
    links: { lead: 'CEX-GOV', outcomes: ['OC11'], tags: ['public', 'benchmarkable'] },
    refs: [{ scheme: 'LGSCO', ref: 'Annual review letter' }],
    source: 'LGSCO annual review letter',
    model: {
      start: 15,
      end: 11,
      noise: 2,
      target: 12,
      tol: '10%',
      notes: [
        'Most upheld cases concerned delays in adult social care financial assessments and in SEND plans.',
        'The Ombudsman was satisfied we carried out all recommended remedies on time.',
      ],
    },
  },
  {
    code: 'CEX-01',
    title: 'Residents satisfied with the way the council runs things',
    definition:
      'Residents responding to the annual residents’ survey who are very or fairly satisfied with the council.',
    calculation: 'Very or fairly satisfied ÷ all respondents × 100 (weighted to the population).',
    shape: { unit: 'percent', dp: 0, polarity: 'up', freq: 'annual', acc: 'discrete' },
    links: { lead: 'CEX-PPC', outcomes: ['OC11'], tags: ['public', 'corporate', 'benchmarkable'] },
    refs: [{ scheme: 'LGA', ref: 'Resident satisfaction polling' }],
    source: 'Anytown residents’ survey (independent contractor)',
    model: {
      start: 61,
      end: 55,
      noise: 1.2,
      target: 60,
      tol: 3,
      notes: [
        'Satisfaction has fallen nationally too (LGA polling); the cost of living and visible street services weigh most.',
        'Residents who had contacted us recently were less satisfied; the customer experience programme targets this.',
      ],
    },
  },
];
