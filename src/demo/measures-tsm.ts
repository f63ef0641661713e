// Demo measures for the council as a landlord under the Regulator of Social Housing: the Tenant Satisfaction
// Measures, with their official codes (TP01, RP02, BS01, CH01…) as both measure code and external reference.
import type { MeasureDef } from './measures.ts';

const ESTATES = ['EST-EAST', 'EST-MILL'];
const TSM_SOURCE = 'Annual tenant perception survey (independent contractor, telephone and online)';
const TSM_TAGS: MeasureDef['links']['tags'] = ['regulatory', 'benchmarkable', 'public'];

export const tenantSatisfactionMeasures: MeasureDef[] = [
  {
    code: 'TP01',
    title: 'Tenants satisfied with the overall service from their landlord',
    definition:
      'Tenant Satisfaction Measure TP01: respondents satisfied with the overall service the council provides.',
    calculation: 'Respondents very or fairly satisfied ÷ all respondents to the question × 100 (unweighted).',
    ratio: ['Satisfied respondents', 'Respondents'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'annual', acc: 'discrete' },
    links: { lead: 'HOU-TE', also: ['HOU-RM'], outcomes: ['OC07'], tags: TSM_TAGS },
    refs: [{ scheme: 'TSM', ref: 'TP01' }],
    source: TSM_SOURCE,
    model: {
      start: 66.4,
      end: 71.2,
      noise: 0.8,
      per: 830,
      from: '2023-24',
      target: 72,
      tol: 3,
      notes: [
        'Satisfaction is lowest among tenants who reported a repair more than once; the repairs plan targets this.',
      ],
    },
  },
  {
    code: 'TP02',
    title: 'Tenants satisfied with the repairs service',
    definition:
      'Tenant Satisfaction Measure TP02: respondents who had a repair in the last 12 months and were satisfied.',
    calculation:
      'Respondents very or fairly satisfied ÷ respondents who had a repair in the last 12 months × 100.',
    ratio: ['Satisfied respondents', 'Respondents who had a repair'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'annual', acc: 'discrete' },
    links: { lead: 'HOU-RM', outcomes: ['OC07'], tags: TSM_TAGS },
    refs: [{ scheme: 'TSM', ref: 'TP02' }],
    source: TSM_SOURCE,
    model: { start: 70.5, end: 74.8, noise: 0.8, per: 610, from: '2023-24', target: 75, tol: 3 },
  },
  {
    code: 'TP05',
    title: 'Tenants satisfied that their home is safe',
    definition:
      'Tenant Satisfaction Measure TP05: respondents satisfied that the council provides a home that is safe.',
    calculation: 'Respondents very or fairly satisfied ÷ all respondents to the question × 100.',
    ratio: ['Satisfied respondents', 'Respondents'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'annual', acc: 'discrete' },
    links: { lead: 'HOU-RM', also: ['HOU-TE'], outcomes: ['OC07'], tags: TSM_TAGS },
    refs: [{ scheme: 'TSM', ref: 'TP05' }],
    source: TSM_SOURCE,
    model: { start: 74, end: 77.5, noise: 0.8, per: 830, from: '2023-24', target: 78, tol: 3 },
  },
  {
    code: 'RP02',
    title: 'Non-emergency repairs completed within target timescale',
    definition:
      'Tenant Satisfaction Measure RP02(1): non-emergency responsive repairs completed in the month within the ' +
      'council’s published target timescale (20 working days for routine repairs).',
    calculation: 'Non-emergency repairs completed within target ÷ non-emergency repairs completed × 100.',
    ratio: ['Completed within target timescale', 'Non-emergency repairs completed'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: {
      lead: 'HOU-RM',
      outcomes: ['OC07'],
      tags: ['regulatory', 'benchmarkable', 'public', 'corporate'],
    },
    refs: [{ scheme: 'TSM', ref: 'RP02(1)' }],
    source: 'Northgate housing repairs system',
    model: {
      start: 81.5,
      end: 88.5,
      noise: 1.6,
      winter: -2.5,
      per: 1420,
      from: '2023-04',
      target: [85, 90],
      tol: 3,
      breakdowns: ESTATES,
      notes: [
        { text: 'Plumbing backlog after the cold snap cleared by the end of February.', months: [2, 3] },
        {
          text: 'New dynamic scheduling system live since May; first-time fix rate up to 86%.',
          from: '2024-06',
        },
      ],
    },
  },
  {
    code: 'RP02E',
    title: 'Emergency repairs completed within target timescale',
    definition: 'Tenant Satisfaction Measure RP02(2): emergency repairs completed within 24 hours.',
    calculation: 'Emergency repairs completed within 24 hours ÷ emergency repairs completed × 100.',
    ratio: ['Completed within 24 hours', 'Emergency repairs completed'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'monthly', acc: 'discrete' },
    links: { lead: 'HOU-RM', outcomes: ['OC07'], tags: ['regulatory', 'benchmarkable', 'public'] },
    refs: [{ scheme: 'TSM', ref: 'RP02(2)' }],
    source: 'Northgate housing repairs system',
    model: { start: 94.5, end: 97, noise: 0.9, winter: -1.2, per: 310, from: '2023-04', target: 98, tol: 2 },
  },
  {
    code: 'RP01',
    title: 'Council homes that do not meet the Decent Homes Standard',
    definition:
      'Tenant Satisfaction Measure RP01: council homes failing the Decent Homes Standard at 31 March.',
    calculation: 'Homes not meeting the Decent Homes Standard ÷ council homes owned × 100.',
    ratio: ['Homes not meeting the standard', 'Council homes owned'],
    shape: { unit: 'percent', dp: 1, polarity: 'down', freq: 'annual', acc: 'snapshot' },
    links: {
      lead: 'HOU-RM',
      outcomes: ['OC07'],
      tags: ['regulatory', 'statutory', 'benchmarkable', 'public'],
    },
    refs: [{ scheme: 'TSM', ref: 'RP01' }],
    source: 'Keystone stock condition database',
    model: { start: 9.4, end: 6.1, noise: 0.3, per: 12400, target: [8, 5], tol: 1 },
  },
  {
    code: 'BS01',
    title: 'Council homes with all required gas safety checks',
    definition:
      'Tenant Satisfaction Measure BS01: homes needing a gas safety check that have a valid certificate.',
    calculation:
      'Homes with a valid gas safety certificate ÷ homes needing a gas safety check × 100, at month end.',
    ratio: ['Homes with a valid certificate', 'Homes needing a gas safety check'],
    shape: { unit: 'percent', dp: 2, polarity: 'up', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'HOU-RM', outcomes: ['OC07'], tags: ['regulatory', 'statutory', 'public'] },
    refs: [{ scheme: 'TSM', ref: 'BS01' }],
    source: 'Gas servicing contractor compliance database',
    model: { start: 99.6, end: 99.85, noise: 0.1, per: 10900, max: 100, target: 100, tol: 0.5 },
  },
  {
    code: 'CH01',
    title: 'Stage one complaints per 1,000 council homes',
    definition:
      'Tenant Satisfaction Measure CH01(1): stage one complaints received in the year relative to the size of ' +
      'the landlord. Higher can mean tenants find it easier to complain, so there is no target.',
    calculation: 'Stage one complaints received ÷ council homes owned × 1,000.',
    shape: { unit: 'number', dp: 1, polarity: 'none', freq: 'annual', acc: 'discrete' },
    links: { lead: 'HOU-TE', also: ['CEX-GOV'], outcomes: ['OC07', 'OC11'], tags: TSM_TAGS },
    refs: [{ scheme: 'TSM', ref: 'CH01(1)' }],
    source: 'Housing complaints log',
    model: { start: 36.5, end: 44.2, noise: 1.5, from: '2023-24' },
  },
  {
    code: 'CH02',
    title: 'Housing complaints answered within Complaint Handling Code timescales',
    definition:
      'Tenant Satisfaction Measure CH02(1): stage one complaints answered within the Housing Ombudsman’s ' +
      'Complaint Handling Code timescale of 10 working days.',
    calculation:
      'Stage one complaints answered within 10 working days ÷ stage one complaints answered × 100.',
    ratio: ['Answered within 10 working days', 'Stage one complaints answered'],
    shape: { unit: 'percent', dp: 1, polarity: 'up', freq: 'quarterly', acc: 'discrete' },
    links: { lead: 'HOU-TE', also: ['CEX-GOV'], outcomes: ['OC07', 'OC11'], tags: TSM_TAGS },
    refs: [{ scheme: 'TSM', ref: 'CH02(1)' }],
    source: 'Housing complaints log',
    model: { start: 78, end: 92, noise: 2.5, per: 135, from: '2023-24-Q1', target: 95, tol: 5 },
  },
];
