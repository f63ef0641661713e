// The signed-in user as the rest of the app sees them: identity, role and scopes.
import type { Role, ScopeType } from '../db/schema.ts';
import type { Action } from './permissions.ts';

export interface Scope {
  type: ScopeType;
  id: string;
}

export interface CurrentUser {
  id: string;
  councilId: string;
  email: string;
  displayName: string;
  role: Role;
  scopes: Scope[];
  /** The services the scopes cover (a directorate's, portfolio's or committee's services included). */
  servicesInScope: readonly string[];
  /** Set for browser sessions; API tokens carry no CSRF token because they are not sent by browsers. */
  csrfToken: string | null;
  /** For a request made with an API token, the actions its scopes name; null for a browser session. */
  tokenActions: readonly Action[] | null;
}

export const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  performance_officer: 'Performance officer',
  data_owner: 'Data owner',
  director: 'Director',
  cabinet_member: 'Cabinet member',
  councillor: 'Councillor',
  provider: 'External data provider',
};
