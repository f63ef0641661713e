// The usual explanations a service gives when its figures get better or worse, or when demand moves: used
// in demo commentary when a measure has no note of its own that fits. Keyed by service, then directorate.

export interface Bank {
  better: string[];
  worse: string[];
  demand: string[];
}

const BANKS: Record<string, Bank> = {
  ASC: {
    better: [
      'Additional assessor capacity funded from the Market Sustainability grant is now in post.',
      'Weekly flow meetings between the hospital and community teams are keeping cases moving.',
      'Quality audits show recording has improved since the new practice standards were introduced.',
    ],
    worse: [
      'Higher than usual referrals from the hospital this period stretched the team.',
      'Sickness and one vacant senior practitioner post reduced capacity this period.',
      'Some completed work was recorded late in Mosaic and will show next period.',
    ],
    demand: [
      'Demand continues to rise with the ageing population; eligibility thresholds are unchanged.',
      'More contacts linked to the cost of living, most signposted to community support.',
    ],
  },
  'ASC-PH': {
    better: [
      'The recommissioned provider contract is bedding in, with outreach in the three most deprived wards.',
      'GP practices in the primary care network are now sending invitations by text message.',
    ],
    worse: [
      'The provider lost two practitioners this period; the contract manager has asked for a recovery plan.',
      'Numbers are small, so the figure moves a lot between periods; the trend over the year matters more.',
    ],
    demand: ['Demand is in line with the same period last year.'],
  },
  CHS: {
    better: [
      'Permanent recruitment is reducing our reliance on agency social workers.',
      'Monthly performance clinics with team managers are keeping the focus on timeliness.',
      'Audits show practice quality improving in line with the Ofsted improvement plan.',
    ],
    worse: [
      'Two teams carried vacancies this period; cases were reallocated, with managers holding some.',
      'A small number of late cases has a large effect on the percentage; each one has been reviewed.',
      'A spike in complex cases and staff sickness affected timeliness.',
    ],
    demand: [
      'Most contacts came from the police and schools; thresholds are being applied consistently.',
      'Demand is higher than the same period last year; front door staffing is being reviewed.',
    ],
  },
  'CHS-EDU': {
    better: [
      'School improvement advisers have focused their visits on the schools furthest from the standard.',
      'Headteachers report the joint attendance and inclusion work with families is paying off.',
    ],
    worse: [
      'Results vary widely between schools; the four with the lowest figures have support plans.',
      'Figures for academies arrive later through the DfE, so this is provisional.',
    ],
    demand: ['Pupil numbers are falling in primary schools and rising in secondary, as forecast.'],
  },
  'CHS-SEND': {
    better: [
      'Weekly panel decisions and a tracker for every plan past 16 weeks are speeding things up.',
      'Health advice is now arriving within six weeks in most cases after work with the ICB.',
    ],
    worse: [
      'Requests remain well above the level the service is staffed for; the backlog is worked oldest first.',
      'Late advice from partner agencies delayed a number of plans this period.',
    ],
    demand: ['Requests continue to rise, as they are doing across England.'],
  },
  'CHS-YJ': {
    better: ['More young people are being diverted through the prevention and out-of-court programme.'],
    worse: ['The cohort is small, so a few young people move the figure a long way.'],
    demand: ['Referrals from the police are in line with last year.'],
  },
  PLE: {
    better: [
      'Vacancies in the team have been filled and new officers are now working independently.',
      'Closer management of the contract is paying off.',
    ],
    worse: [
      'Vacancies in the team remain; a recruitment campaign is under way.',
      'A higher than usual workload this period affected timeliness.',
    ],
    demand: ['The seasonal pattern is as expected.', 'Demand is in line with the same period last year.'],
  },
  'PLE-WR': {
    better: [
      'The new round routes have bedded in and crews are more settled.',
      'Officers now close jobs on site with mobile working rather than back at the depot.',
    ],
    worse: [
      'Vehicle breakdowns and agency cover on two rounds affected performance.',
      'Two refuse vehicles were off the road for repairs for most of the period.',
    ],
    demand: [
      'Reports rose after publicity for the new online reporting form.',
      'The usual seasonal pattern: more in the warmer months.',
    ],
  },
  'PLE-HT': {
    better: [
      'The term contractor met all its key performance indicators this period.',
      'Dry weather allowed the planned programme to run ahead of schedule.',
    ],
    worse: [
      'Bad weather delayed work; the backlog is being cleared with additional gangs.',
      'The contractor is short of operatives; a recovery plan is agreed and monitored weekly.',
    ],
    demand: ['Demand is in line with the same period last year.'],
  },
  'PLE-PL': {
    better: [
      'Two planning officer vacancies filled; the case officer team is back at full strength.',
      'Extensions of time are being agreed early where schemes need more work.',
    ],
    worse: [
      'Several complex applications reached decision in the same period.',
      'Delays waiting for consultee responses from the highway authority held up decisions.',
    ],
    demand: ['Applications received are in line with the same period last year.'],
  },
  HOU: {
    better: [
      'The improvement follows the new repairs contract and better appointment booking.',
      'Closer working between the rents, tenancy and repairs teams is paying off.',
      'The tenant scrutiny panel reviewed the process this quarter; its recommendations are being put in place.',
    ],
    worse: [
      'Contractor capacity remains a constraint; a recovery plan is agreed and monitored weekly.',
      'Demand remains high and the backlog is being worked through oldest first.',
      'Data cleansing in the housing system found cases recorded late; these are now corrected.',
    ],
    demand: [
      'Reports rose with the colder, wetter weather, as in previous winters.',
      'Demand is in line with the same period last year.',
    ],
  },
  'HOU-HO': {
    better: [
      'More households are being helped early, before a notice to leave expires.',
      'The new private rented sector offer is helping households move on from temporary accommodation.',
    ],
    worse: [
      'Approaches continue to rise as private rents outpace Local Housing Allowance.',
      'Few affordable private lets are available; move-on from temporary accommodation has slowed.',
    ],
    demand: ['Approaches are higher than the same period last year.'],
  },
  RES: {
    better: [
      'Automating routine tasks has freed up capacity in the team.',
      'Performance is ahead of the same point last year.',
      'Process changes from the service review have bedded in.',
    ],
    worse: [
      'Annual billing and a system upgrade took staff away from day-to-day work.',
      'Staff turnover in the team; new starters are in training.',
      'A system outage delayed processing for three days this period.',
    ],
    demand: [
      'Demand peaks after annual billing in March, as expected.',
      'Volumes are broadly in line with the same month last year.',
    ],
  },
  'RES-HR': {
    better: [
      'Managers are using the new absence dashboard and holding return-to-work meetings promptly.',
      'The wellbeing offer and occupational health service are helping staff stay well and at work.',
    ],
    worse: [
      'A rise in long-term absence in front-line services, mostly stress and musculoskeletal.',
      'Hard-to-fill posts in front-line services are adding to the workload of those in post.',
    ],
    demand: ['In line with the same period last year.'],
  },
  CEX: {
    better: [
      'Weekly reminders to directorates and a named lead in each are working.',
      'The improvement reflects the new casework system and its automatic reminders.',
    ],
    worse: [
      'A few complex cases needing input from several services went over time.',
      'Volumes were higher than usual following the budget consultation.',
    ],
    demand: ['Volumes are broadly in line with the same period last year.'],
  },
};

const FALLBACK: Bank = {
  better: ['Performance is better than the same period last year.'],
  worse: ['The service is looking into the reasons and will report back next period.'],
  demand: ['Demand is in line with the same period last year.'],
};

export function bankFor(service: string, directorate: string): Bank {
  return BANKS[service] ?? BANKS[directorate] ?? FALLBACK;
}
