// Anytown's Council Strategy 2022–2027 as plain data: four priorities and the twelve outcomes that the
// demo measures report against.

export interface PriorityDef {
  code: string;
  title: string;
  description: string;
}

export interface OutcomeDef {
  code: string;
  priority: string;
  title: string;
  description: string;
}

export const strategy = {
  title: 'Anytown Council Strategy 2022–2027: A Fairer, Greener Anytown',
  startYear: 2022,
  endYear: 2027,
  summary:
    'Our five-year plan, agreed by Full Council in March 2022 after talking with more than 3,000 residents. ' +
    'It sets out four priorities and the outcomes we will be judged on.',
};

export const priorities: PriorityDef[] = [
  {
    code: 'PR1',
    title: 'The best start for every child',
    description:
      'Children grow up safe, do well at school and are ready for adult life, whatever their background.',
  },
  {
    code: 'PR2',
    title: 'Healthy, independent lives',
    description: 'Adults live well and independently for longer, with the right support when they need it.',
  },
  {
    code: 'PR3',
    title: 'Good homes in a clean, green and thriving place',
    description:
      'Everyone has a decent home, streets are clean and safe, and the local economy grows fairly.',
  },
  {
    code: 'PR4',
    title: 'A council that listens and is well run',
    description: 'We answer residents promptly, spend public money carefully and look after our staff.',
  },
];

export const outcomes: OutcomeDef[] = [
  {
    code: 'OC01',
    priority: 'PR1',
    title: 'Children are safe and get help at the right time',
    description: 'Families get early help before problems grow, and children at risk are protected quickly.',
  },
  {
    code: 'OC02',
    priority: 'PR1',
    title: 'Children in care and care leavers thrive',
    description:
      'Children in our care have stable homes, and care leavers are in work, education or training.',
  },
  {
    code: 'OC03',
    priority: 'PR1',
    title: 'Every child gets a good education, including children with SEND',
    description: 'Children attend school, achieve well, and children with special needs get timely support.',
  },
  {
    code: 'OC04',
    priority: 'PR2',
    title: 'Adults stay independent at home for longer',
    description:
      'People get help to recover after illness and stay in their own homes rather than care homes.',
  },
  {
    code: 'OC05',
    priority: 'PR2',
    title: 'Adults are safe from abuse and neglect',
    description: 'Concerns are acted on quickly and people say what matters to them is achieved.',
  },
  {
    code: 'OC06',
    priority: 'PR2',
    title: 'The gap in healthy life expectancy narrows',
    description:
      'Fewer people smoke or misuse drugs, and more take up NHS Health Checks in our poorest wards.',
  },
  {
    code: 'OC07',
    priority: 'PR3',
    title: 'Everyone has a safe, warm and decent home',
    description: 'Council homes are safe, free of damp and mould, well repaired, and tenants are satisfied.',
  },
  {
    code: 'OC08',
    priority: 'PR3',
    title: 'Fewer households become homeless',
    description: 'We prevent homelessness wherever we can and keep families out of bed and breakfast.',
  },
  {
    code: 'OC09',
    priority: 'PR3',
    title: 'Clean, green and safe neighbourhoods',
    description: 'Bins are collected, more waste is recycled, roads are repaired and streets are kept clean.',
  },
  {
    code: 'OC10',
    priority: 'PR3',
    title: 'A growing economy with good jobs and new homes',
    description:
      'New homes are built, the town centre is busy, and the council cuts its own carbon emissions.',
  },
  {
    code: 'OC11',
    priority: 'PR4',
    title: 'Residents and councillors get a good, timely response',
    description:
      'Calls are answered, complaints and enquiries are dealt with on time, and services are online.',
  },
  {
    code: 'OC12',
    priority: 'PR4',
    title: "The council's money and people are well managed",
    description: 'We collect what is due, pay suppliers promptly, balance the budget and keep staff well.',
  },
];
