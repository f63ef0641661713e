// Anytown Borough Council as plain data: directorates, services, providers, portfolios and committees
// (the Council Strategy is in strategy.ts). Everything is referred to by code; load.ts turns codes into ids.

export const DEMO_COUNCIL = { slug: 'anytown', name: 'Anytown Borough Council' } as const;

export interface DirectorateDef {
  code: string;
  name: string;
  directorName: string;
}

export interface ServiceDef {
  code: string;
  directorate: string;
  name: string;
  headOfService: string;
}

export interface ProviderDef {
  code: string;
  service: string;
  name: string;
  kind: 'school' | 'estate' | 'care_home' | 'other';
}

export interface PortfolioDef {
  code: string;
  title: string;
  cabinetMemberName: string;
  directorates: string[];
  services: string[];
}

export interface CommitteeDef {
  code: string;
  title: string;
  kind: 'select' | 'cmt';
  chairName: string;
  termsOfReference: string;
  themes: string[];
  services: string[];
}

export const directorates: DirectorateDef[] = [
  { code: 'ASC', name: "Adults' Social Care & Health", directorName: 'Sarah Whitfield' },
  { code: 'CHS', name: "Children's Services", directorName: 'Richard Coleman' },
  { code: 'PLE', name: 'Place & Environment', directorName: 'Jonathan Price' },
  { code: 'HOU', name: 'Housing', directorName: 'Angela Foster' },
  { code: 'RES', name: 'Resources', directorName: 'David Sutherland' },
  { code: 'CEX', name: "Chief Executive's", directorName: 'Catherine Ward' },
];

export const services: ServiceDef[] = [
  {
    code: 'ASC-AR',
    directorate: 'ASC',
    name: 'Adult Social Care Assessment & Reviewing',
    headOfService: 'Mark Oduya',
  },
  { code: 'ASC-SG', directorate: 'ASC', name: 'Adult Safeguarding', headOfService: 'Julie Barnes' },
  {
    code: 'ASC-RD',
    directorate: 'ASC',
    name: 'Reablement & Hospital Discharge',
    headOfService: 'Kwame Mensah',
  },
  {
    code: 'ASC-CM',
    directorate: 'ASC',
    name: 'Commissioning & Care Quality',
    headOfService: 'Fiona Gallagher',
  },
  { code: 'ASC-PH', directorate: 'ASC', name: 'Public Health', headOfService: 'Dr Anjali Mehta' },
  {
    code: 'CHS-FD',
    directorate: 'CHS',
    name: "Children's Front Door & Early Help",
    headOfService: 'Laura Pike',
  },
  { code: 'CHS-CP', directorate: 'CHS', name: 'Assessment & Child Protection', headOfService: 'Ben Adeyemi' },
  {
    code: 'CHS-CIC',
    directorate: 'CHS',
    name: 'Children in Care & Care Leavers',
    headOfService: 'Rachel Moss',
  },
  { code: 'CHS-SEND', directorate: 'CHS', name: 'SEND & Inclusion', headOfService: 'Hannah Clarke' },
  { code: 'CHS-EDU', directorate: 'CHS', name: 'Education & Schools', headOfService: 'Peter Lindqvist' },
  { code: 'CHS-YJ', directorate: 'CHS', name: 'Youth Justice', headOfService: 'Marcus Reid' },
  { code: 'PLE-WR', directorate: 'PLE', name: 'Waste & Recycling', headOfService: 'Steve Fowler' },
  { code: 'PLE-PL', directorate: 'PLE', name: 'Planning & Building Control', headOfService: 'Amira Haddad' },
  { code: 'PLE-HT', directorate: 'PLE', name: 'Highways & Transport', headOfService: 'Neil Robertson' },
  {
    code: 'PLE-EH',
    directorate: 'PLE',
    name: 'Environmental Health & Licensing',
    headOfService: 'Claire Dunn',
  },
  {
    code: 'PLE-ER',
    directorate: 'PLE',
    name: 'Economy, Regeneration & Climate',
    headOfService: 'Oliver Grant',
  },
  { code: 'HOU-RM', directorate: 'HOU', name: 'Housing Repairs & Maintenance', headOfService: 'Gary Walsh' },
  {
    code: 'HOU-HO',
    directorate: 'HOU',
    name: 'Housing Options & Homelessness',
    headOfService: 'Nadia Hussain',
  },
  { code: 'HOU-TE', directorate: 'HOU', name: 'Tenancy & Estate Management', headOfService: 'Chris Palmer' },
  {
    code: 'HOU-PS',
    directorate: 'HOU',
    name: 'Private Sector Housing & Strategy',
    headOfService: 'Emma Leigh',
  },
  { code: 'RES-RB', directorate: 'RES', name: 'Revenues & Benefits', headOfService: 'Karen Holt' },
  { code: 'RES-FIN', directorate: 'RES', name: 'Finance', headOfService: 'Imran Chaudhry' },
  {
    code: 'RES-HR',
    directorate: 'RES',
    name: 'People & Organisational Development',
    headOfService: 'Louise Bennett',
  },
  { code: 'RES-ICT', directorate: 'RES', name: 'Digital & ICT', headOfService: 'Tom Nguyen' },
  { code: 'RES-CS', directorate: 'RES', name: 'Customer Services', headOfService: 'Joanne Ellis' },
  {
    code: 'CEX-GOV',
    directorate: 'CEX',
    name: 'Democratic, Legal & Governance',
    headOfService: 'Simon Patel',
  },
  {
    code: 'CEX-PPC',
    directorate: 'CEX',
    name: 'Policy, Performance & Communications',
    headOfService: 'Rebecca Lowe',
  },
];

/** Anytown's 30 maintained schools and academies, each reporting its own figures to Education & Inclusion. */
export const SCHOOL_NAMES: Readonly<Record<string, string>> = {
  'SCH-CASTLE': 'Castle Hill Primary School',
  'SCH-STMARY': "St Mary's CE Primary School",
  'SCH-RIVER': 'Riverside Academy',
  'SCH-NORTH': 'Northgate High School',
  'SCH-ABBEY': 'Abbey Road Primary School',
  'SCH-ALDER': 'Alderbrook Infant School',
  'SCH-BECK': 'Beckside Junior School',
  'SCH-BROOK': 'Brookfield Primary School',
  'SCH-CHURCH': 'Church Lane CE Primary School',
  'SCH-COLL': 'Collingwood Primary Academy',
  'SCH-DALE': 'Dalesway Primary School',
  'SCH-ELMS': 'The Elms Primary School',
  'SCH-FAIR': 'Fairfield Nursery and Infant School',
  'SCH-GREEN': 'Greenacres Primary School',
  'SCH-HAWTH': 'Hawthorn Junior School',
  'SCH-HOLY': 'Holy Family Catholic Primary School',
  'SCH-KINGS': "King's Meadow Primary School",
  'SCH-LARCH': 'Larchwood Primary School',
  'SCH-MANOR': 'Manor Park Primary School',
  'SCH-MEAD': 'Meadowbank Primary School',
  'SCH-OAKS': 'Oakfield Primary Academy',
  'SCH-PARK': 'Parkside Primary School',
  'SCH-QUEEN': "Queen's Road Primary School",
  'SCH-WILLOW': 'Willow Bank Primary School',
  'SCH-ANYTN': 'Anytown Academy',
  'SCH-BISHOP': 'Bishop Wilson CE High School',
  'SCH-EASTG': 'Eastgate Community College',
  'SCH-HILLS': 'Hillside School and Sixth Form',
  'SCH-STJOHN': 'St John Fisher Catholic High School',
  'SCH-WESTF': 'Westfield Academy',
};

/** The school whose free-school-meal registrations drop implausibly in the latest year, for the checks to catch. */
export const FSM_DROP_SCHOOL = 'SCH-BROOK';

function schools(): ProviderDef[] {
  return Object.entries(SCHOOL_NAMES).map(([code, name]) => ({
    code,
    service: 'CHS-EDU',
    name,
    kind: 'school',
  }));
}

export const providers: ProviderDef[] = [
  ...schools(),
  { code: 'EST-EAST', service: 'HOU-TE', name: 'Eastfield Estate', kind: 'estate' },
  { code: 'EST-MILL', service: 'HOU-TE', name: 'Millbrook Estate', kind: 'estate' },
];

const servicesOf = (...dirs: string[]): string[] =>
  services.filter((s) => dirs.includes(s.directorate)).map((s) => s.code);

export const portfolios: PortfolioDef[] = [
  {
    code: 'PF-ADU',
    title: 'Adult Social Care & Health',
    cabinetMemberName: 'Cllr Helen Okafor',
    directorates: ['ASC'],
    services: servicesOf('ASC'),
  },
  {
    code: 'PF-CHI',
    title: 'Children & Families',
    cabinetMemberName: 'Cllr Tom Brennan',
    directorates: ['CHS'],
    services: ['CHS-FD', 'CHS-CP', 'CHS-CIC', 'CHS-YJ'],
  },
  {
    code: 'PF-EDU',
    title: 'Education & Skills',
    cabinetMemberName: 'Cllr Aisha Rahman',
    directorates: ['CHS'],
    services: ['CHS-SEND', 'CHS-EDU'],
  },
  {
    code: 'PF-HOU',
    title: 'Housing',
    cabinetMemberName: 'Cllr Priya Shah',
    directorates: ['HOU'],
    services: servicesOf('HOU'),
  },
  {
    code: 'PF-ENV',
    title: 'Environment & Transport',
    cabinetMemberName: 'Cllr Gareth Lloyd',
    directorates: ['PLE'],
    services: ['PLE-WR', 'PLE-HT', 'PLE-EH'],
  },
  {
    code: 'PF-REG',
    title: 'Planning, Regeneration & Climate',
    cabinetMemberName: 'Cllr Daniel Cohen',
    directorates: ['PLE'],
    services: ['PLE-PL', 'PLE-ER'],
  },
  {
    code: 'PF-RES',
    title: 'Leader: Finance & Corporate Resources',
    cabinetMemberName: 'Cllr Margaret Hughes',
    directorates: ['RES', 'CEX'],
    services: servicesOf('RES', 'CEX'),
  },
];

export const committees: CommitteeDef[] = [
  {
    code: 'SC-AH',
    title: 'Adults & Health Scrutiny Committee',
    kind: 'select',
    chairName: 'Cllr Janet Moore',
    termsOfReference:
      'To scrutinise adult social care, safeguarding adults, hospital discharge, the local care market and public ' +
      'health, including the Better Care Fund and work with the NHS integrated care board.',
    themes: [
      'adult social care',
      'safeguarding adults',
      'hospital discharge',
      'care market',
      'public health',
    ],
    services: servicesOf('ASC'),
  },
  {
    code: 'SC-CYP',
    title: 'Children & Young People Scrutiny Committee',
    kind: 'select',
    chairName: 'Cllr Robert Ellison',
    termsOfReference:
      "To scrutinise children's social care, early help, children in care and care leavers, special educational " +
      'needs and disabilities, school standards, attendance and youth justice, and to receive Ofsted reports.',
    themes: ['child protection', 'children in care', 'SEND', 'school standards', 'youth justice'],
    services: servicesOf('CHS'),
  },
  {
    code: 'SC-PH',
    title: 'Place & Housing Scrutiny Committee',
    kind: 'select',
    chairName: 'Cllr Samira Begum',
    termsOfReference:
      'To scrutinise council housing as a landlord (including the Tenant Satisfaction Measures and the consumer ' +
      'standards), homelessness, private sector housing, waste, highways, planning, regulatory services and the ' +
      'local economy.',
    themes: [
      'council housing',
      'homelessness',
      'damp and mould',
      'waste and recycling',
      'planning',
      'highways',
    ],
    services: servicesOf('HOU', 'PLE'),
  },
  {
    code: 'SC-RG',
    title: 'Resources & Governance Scrutiny Committee',
    kind: 'select',
    chairName: 'Cllr Andrew Fletcher',
    termsOfReference:
      "To scrutinise the council's budget and financial performance, revenues and benefits, the workforce, " +
      'customer access, complaints, information governance and the corporate performance framework.',
    themes: ['budget', 'council tax', 'workforce', 'customer service', 'complaints', 'governance'],
    services: servicesOf('RES', 'CEX'),
  },
  {
    code: 'CMT',
    title: 'Corporate Management Team',
    kind: 'cmt',
    chairName: 'Catherine Ward',
    termsOfReference:
      'The Chief Executive and directors. Reviews corporate performance monthly, agrees exceptions and actions, ' +
      'and proposes the measure sets reported to Cabinet and scrutiny.',
    themes: ['corporate performance', 'council strategy', 'risk'],
    services: services.map((s) => s.code),
  },
];
