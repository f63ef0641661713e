// Which role may do which action: one declarative table, consulted by authorize(). Deny by default.
import type { Role } from '../db/schema.ts';
import { ForbiddenError } from '../web/errors.ts';
import type { CurrentUser } from './current-user.ts';

export const actions = [
  'structure.read',
  'structure.write',
  'measure.read',
  'measure.write',
  'target.write',
  'value.read',
  'value.write',
  'value.transition',
  'value.submit',
  'value.validate',
  'value.approve',
  'value.publish',
  'round.manage',
  'audit.read',
  'user.manage',
  'quality.read',
  'finding.raise',
  'finding.respond',
  'finding.resolve',
  'report.read',
  'report.manage',
  'reportset.propose',
  'reportset.signoff',
  'committee.write',
  'benchmark.read',
  'benchmark.manage',
  'assurance.read',
  'inspection.write',
  'action.write',
  'return.manage',
  'return.update',
] as const;
export type Action = (typeof actions)[number];

/**
 * How far a role's action reaches: 'all' the whole council; 'scoped' only the services its scopes cover
 * (a data owner's services, a director's directorate, a cabinet member's portfolio, a councillor's committees).
 */
export type Reach = 'all' | 'scoped';

const readers: Record<Role, Reach> = {
  administrator: 'all',
  performance_officer: 'all',
  data_owner: 'scoped',
  director: 'scoped',
  cabinet_member: 'scoped',
  councillor: 'scoped',
  provider: 'scoped',
};

export const permissions: Record<Action, Partial<Record<Role, Reach>>> = {
  'structure.read': {
    administrator: 'all',
    performance_officer: 'all',
    data_owner: 'all',
    director: 'all',
    cabinet_member: 'all',
    councillor: 'all',
  },
  'structure.write': { administrator: 'all', performance_officer: 'all' },
  'measure.read': readers,
  'measure.write': { performance_officer: 'all' },
  'target.write': { performance_officer: 'all' },
  'value.read': readers,
  // A provider writes only its own breakdown figures of the measures asked of it (scope.ts figureInReach).
  'value.write': { performance_officer: 'all', data_owner: 'scoped', provider: 'scoped' },
  // The approval workflow. 'value.transition' admits a role to the workflow's pages and API at all; each step's
  // own action says who may take it (and return a figure from it, with a comment).
  'value.transition': { performance_officer: 'all', data_owner: 'scoped', director: 'scoped' },
  'value.submit': { performance_officer: 'all', data_owner: 'scoped' },
  'value.validate': { performance_officer: 'all' },
  'value.approve': { director: 'scoped' },
  'value.publish': { performance_officer: 'all' },
  'round.manage': { performance_officer: 'all' },
  'audit.read': { administrator: 'all', performance_officer: 'all' },
  'user.manage': { administrator: 'all' },
  // Data quality: the dashboard and findings for what is in reach; officers raise and resolve, owners respond.
  'quality.read': readers,
  'finding.raise': { performance_officer: 'all' },
  'finding.respond': { performance_officer: 'all', data_owner: 'scoped', provider: 'scoped' },
  'finding.resolve': { performance_officer: 'all' },
  // Reports: published reports are council papers any officer or member may read; the performance team builds
  // report sets and generates and publishes reports; a portfolio's directors propose its measures for the year
  // and its Cabinet Member signs them off (scope: their portfolio, checked by the use case).
  'report.read': {
    administrator: 'all',
    performance_officer: 'all',
    data_owner: 'all',
    director: 'all',
    cabinet_member: 'all',
    councillor: 'all',
  },
  'report.manage': { performance_officer: 'all' },
  'reportset.propose': { director: 'scoped' },
  'reportset.signoff': { cabinet_member: 'scoped' },
  'committee.write': { administrator: 'all', performance_officer: 'all' },
  // Benchmarks are published figures about other councils: anyone signed in reads them; the performance team
  // imports datasets and peer groups, sets metrics' polarity and maps measures to metrics.
  'benchmark.read': {
    administrator: 'all',
    performance_officer: 'all',
    data_owner: 'all',
    director: 'all',
    cabinet_member: 'all',
    councillor: 'all',
    provider: 'all',
  },
  'benchmark.manage': { performance_officer: 'all' },
  // Assurance: inspections, improvement actions and statutory returns of the services in reach (an external
  // provider sees none). The performance team keeps the inspection register and the returns calendar; a
  // service's data owners and directors raise and update its actions, and prepare its statutory returns.
  'assurance.read': {
    administrator: 'all',
    performance_officer: 'all',
    data_owner: 'scoped',
    director: 'scoped',
    cabinet_member: 'scoped',
    councillor: 'scoped',
  },
  'inspection.write': { performance_officer: 'all' },
  'action.write': { performance_officer: 'all', director: 'scoped', data_owner: 'scoped' },
  'return.manage': { performance_officer: 'all' },
  'return.update': { performance_officer: 'all', director: 'scoped', data_owner: 'scoped' },
};

/** A request made with an API token reaches no further than the token's scopes, whatever its owner's role. */
export function reachOf(user: CurrentUser, action: Action): Reach | null {
  if (user.tokenActions && !user.tokenActions.includes(action)) return null;
  return permissions[action][user.role] ?? null;
}

export function can(user: CurrentUser | null, action: Action): boolean {
  return user != null && reachOf(user, action) != null;
}

/** Throws ForbiddenError unless the user's role grants the action at all; scope is checked by the use case. */
export function authorize(user: CurrentUser, action: Action): Reach {
  const reach = reachOf(user, action);
  if (!reach) throw new ForbiddenError();
  return reach;
}
