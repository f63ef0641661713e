// The demo council's users: one per role, each scoped as the role would be in real life, all sharing one
// published demo password so anyone trying the demo can sign in as any of them.
import type { Role, ScopeType } from '../db/schema.ts';
import { directorates, portfolios, services } from './structure.ts';

export const DEMO_PASSWORD = 'anytown-demo-2026';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  /** Scopes by the code of the scoped directorate, service, portfolio, committee or provider. */
  scopes: { type: ScopeType; code: string }[];
}

/** The people named above who try each role; every other service has its own data owner below. */
const namedUsers: DemoUser[] = [
  { email: 'admin@anytown.example', displayName: 'Sam Taylor', role: 'administrator', scopes: [] },
  {
    email: 'performance@anytown.example',
    displayName: 'Hannah Wright',
    role: 'performance_officer',
    scopes: [],
  },
  {
    email: 'housing.owner@anytown.example',
    displayName: 'Leah Thompson',
    role: 'data_owner',
    scopes: [
      { type: 'service', code: 'HOU-RM' },
      { type: 'service', code: 'HOU-HO' },
    ],
  },
  {
    email: 'adults.owner@anytown.example',
    displayName: 'Ruth Kemp',
    role: 'data_owner',
    scopes: [{ type: 'service', code: 'ASC-AR' }],
  },
  {
    email: 'director.housing@anytown.example',
    displayName: 'Angela Foster',
    role: 'director',
    scopes: [{ type: 'directorate', code: 'HOU' }],
  },
  {
    email: 'cabinet.housing@anytown.example',
    displayName: 'Cllr Priya Shah',
    role: 'cabinet_member',
    scopes: [{ type: 'portfolio', code: 'PF-HOU' }],
  },
  {
    email: 'councillor@anytown.example',
    displayName: 'Cllr Samira Begum',
    role: 'councillor',
    scopes: [{ type: 'committee', code: 'SC-PH' }],
  },
  {
    email: 'school.provider@anytown.example',
    displayName: 'Joanne Price (Castle Hill Primary School)',
    role: 'provider',
    scopes: [{ type: 'provider', code: 'SCH-CASTLE' }],
  },
];

// Each service's performance lead, so every figure due in a round has someone to chase; a service already owned by
// a named user above keeps that owner.
const SERVICE_LEADS = [
  'Daniel Okafor',
  'Fiona McLeod',
  'Gareth Hughes',
  'Nadia Rahman',
  'Owen Pritchard',
  'Claire Donnelly',
  'Tariq Hussain',
  'Emma Lawson',
  'Kwame Asante',
  'Rachel Moss',
  'Liam Gallagher',
  'Sophie Turner',
  'Yusuf Ali',
  'Megan Price',
  'Adam Kowalski',
  'Grace Obi',
  'Harriet Cole',
  'Jamal Reid',
  'Lucy Chen',
  'Martin Byrne',
  'Natalie Evans',
  'Oliver Shaw',
  'Priti Patel',
  'Rob Lambert',
  'Sian Morgan',
  'Tom Fairley',
  'Uma Desai',
  'Victor Mensah',
  'Wendy Hall',
  'Zoe Armitage',
];

const ownedByNamedUser = new Set(
  namedUsers.filter((u) => u.role === 'data_owner').flatMap((u) => u.scopes.map((s) => s.code)),
);

const serviceLeads: DemoUser[] = services
  .filter((service) => !ownedByNamedUser.has(service.code))
  .map((service, i) => ({
    email: `${service.code.toLowerCase()}.lead@anytown.example`,
    displayName: SERVICE_LEADS[i % SERVICE_LEADS.length] ?? 'Service lead',
    role: 'data_owner' as const,
    scopes: [{ type: 'service' as const, code: service.code }],
  }));

/** Every other directorate's director and every other portfolio's Cabinet Member, so each portfolio's measures can be proposed and signed off. */
const otherDirectors: DemoUser[] = directorates
  .filter((d) => !namedUsers.some((u) => u.role === 'director' && u.scopes.some((s) => s.code === d.code)))
  .map((d) => ({
    email: `director.${d.code.toLowerCase()}@anytown.example`,
    displayName: d.directorName,
    role: 'director' as const,
    scopes: [{ type: 'directorate' as const, code: d.code }],
  }));

const otherCabinetMembers: DemoUser[] = portfolios
  .filter(
    (p) => !namedUsers.some((u) => u.role === 'cabinet_member' && u.scopes.some((s) => s.code === p.code)),
  )
  .map((p) => ({
    email: `cabinet.${p.code.slice(3).toLowerCase()}@anytown.example`,
    displayName: p.cabinetMemberName,
    role: 'cabinet_member' as const,
    scopes: [{ type: 'portfolio' as const, code: p.code }],
  }));

export const demoUsers: DemoUser[] = [
  ...namedUsers,
  ...serviceLeads,
  ...otherDirectors,
  ...otherCabinetMembers,
];

/** The data owner who answers for a measure led by this service, if a demo user owns that service. */
export function ownerOfService(serviceCode: string): DemoUser | undefined {
  return demoUsers.find(
    (u) => u.role === 'data_owner' && u.scopes.some((s) => s.type === 'service' && s.code === serviceCode),
  );
}

/** The demo login of a portfolio's Cabinet Member, or of a directorate's director. */
export function demoLeaderOf(role: 'cabinet_member' | 'director', code: string): string {
  const found = demoUsers.find((u) => u.role === role && u.scopes.some((s) => s.code === code));
  if (!found) throw new Error(`the demo has no ${role} for ${code}`);
  return found.email;
}
