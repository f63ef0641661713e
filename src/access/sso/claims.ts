// What a person's claims from the council's identity provider give them here: a role and scopes by the
// configured maps, or a refusal saying what is missing. Pure, so the rules can be read and tested by the table.
import type { Role } from '../../db/schema.ts';
import { roleLabels } from '../current-user.ts';
import { rolesByPower, type SsoConfig } from './sso-config.ts';

export type Claims = Record<string, unknown>;

/** `role`/`scopes` undefined: not mapped by configuration, so kept as Civic Scorecard has them. */
export type Grant = { role?: Role; scopes?: string[] } | { refused: string };

/** The roles that reach everything; the others need a scope or they could see nothing. */
export const unscopedRoles = new Set<Role>(['administrator', 'performance_officer']);

export function grantFromClaims(
  sso: Pick<SsoConfig, 'roleClaim' | 'roleMap' | 'scopeClaim' | 'scopeMap'>,
  claims: Claims,
): Grant {
  let role: Role | undefined;
  if (sso.roleMap.size > 0) {
    const values = claimValues(claims, sso.roleClaim);
    if ('refused' in values) return values;
    const mapped = new Set(values.flatMap((value) => sso.roleMap.get(value) ?? []));
    role = rolesByPower.find((r) => mapped.has(r));
    if (!role)
      return {
        refused: `Your account is not in any group that has access to Civic Scorecard (looked for ${[...sso.roleMap.keys()].join(', ')} in the '${sso.roleClaim}' claim)`,
      };
  }
  let scopes: string[] | undefined;
  if (sso.scopeMap.size > 0) {
    const values = claimValues(claims, sso.scopeClaim);
    if ('refused' in values) return values;
    scopes = [...new Set(values.flatMap((value) => sso.scopeMap.get(value) ?? []))];
    if (role && !unscopedRoles.has(role) && scopes.length === 0)
      return {
        refused: `Your account gives you the role ${roleLabels[role]} but is in no group that says which part of the council it covers (looked for ${[...sso.scopeMap.keys()].join(', ')} in the '${sso.scopeClaim}' claim)`,
      };
  }
  return { role, scopes };
}

/** The claim's values: a string or a list of strings; absent is none. */
function claimValues(claims: Claims, name: string): string[] | { refused: string } {
  const value = claims[name];
  // Entra ID leaves out a person's groups when there are too many (over 200) and points to Graph instead.
  const overage = claims._claim_names;
  if (value === undefined && overage && typeof overage === 'object' && name in overage)
    return {
      refused: `Your account is in too many groups for the sign-in to list them in '${name}': ask IT to give access by app roles (OIDC_ROLE_CLAIM=roles) or to send only the groups assigned to Civic Scorecard`,
    };
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return { refused: `The '${name}' claim from the council's sign-in is not a list of names` };
}
