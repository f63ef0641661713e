// The single sign-on settings (OIDC_*), read and checked at start-up: a half-made configuration stops the app
// with a message naming the variable, rather than failing at someone's first sign-in.
import type { Role } from '../../db/schema.ts';
import { roleLabels } from '../current-user.ts';

/** Each setting with the variable it comes from; the README's "Single sign-on" section has the full story. */
export interface SsoConfig {
  /** OIDC_ISSUER: the provider's issuer, found by discovery (Entra: https://login.microsoftonline.com/TENANT/v2.0). */
  issuer: URL;
  /** OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: this app's registration at the provider. */
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URL: our callback's full address, as registered (https://…/sign-in/sso/callback). */
  redirectUrl: URL;
  /** OIDC_COUNCIL: the council (by slug) whose people sign in this way; needed only when there are several. */
  council: string | undefined;
  /** OIDC_ROLE_CLAIM (default `roles`): the claim carrying app roles or groups (Entra: `roles` or `groups`). */
  roleClaim: string;
  /** OIDC_ROLE_MAP: claim value → role. Unset: roles and scopes are kept here and only existing users sign in. */
  roleMap: Map<string, Role>;
  /** OIDC_SCOPE_CLAIM (default: the role claim): the claim whose values OIDC_SCOPE_MAP maps. */
  scopeClaim: string;
  /** OIDC_SCOPE_MAP: claim value → scope references ("service:HOU-RM"). Unset: scopes are kept here. */
  scopeMap: Map<string, string[]>;
  /** OIDC_JIT_USERS (default false): create a person unknown here at their first sign-in. */
  jitUsers: boolean;
  /** OIDC_EMAIL_CLAIM (default `email`): the claim whose address finds an existing user the first time. */
  emailClaim: string;
  /** OIDC_REQUIRE_VERIFIED_EMAIL (default true): trust that address only with `email_verified: true`. */
  requireVerifiedEmail: boolean;
  /** Set when the issuer is http:// on this machine (tests, a local provider); refused anywhere else. */
  allowInsecureLoopback: boolean;
}

/** The roles from most to least powerful: when a person's claims map to several, the first of these wins. */
export const rolesByPower: Role[] = [
  'administrator',
  'performance_officer',
  'director',
  'data_owner',
  'cabinet_member',
  'councillor',
  'provider',
];

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);
const scopeTypes = ['directorate', 'service', 'portfolio', 'committee', 'provider'];

/** undefined when OIDC_ISSUER is not set: single sign-on is off. */
export function readSsoConfig(env: NodeJS.ProcessEnv): SsoConfig | undefined {
  const issuerText = env.OIDC_ISSUER?.trim();
  if (!issuerText) {
    const stray = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL', 'OIDC_ROLE_MAP'].find(
      (name) => env[name]?.trim(),
    );
    if (stray)
      throw new Error(`${stray} is set but OIDC_ISSUER is not: set OIDC_ISSUER to turn single sign-on on`);
    return undefined;
  }
  const issuer = url(issuerText, 'OIDC_ISSUER');
  const redirectUrl = url(required(env, 'OIDC_REDIRECT_URL'), 'OIDC_REDIRECT_URL');
  const insecure = issuer.protocol === 'http:';
  if (insecure && !loopbackHosts.has(issuer.hostname))
    throw new Error(
      `OIDC_ISSUER must be an https:// address (http:// is allowed only on this machine), not "${issuerText}"`,
    );
  // Entra's shared issuers take anyone from any organisation's tenant: only the council's own tenant will do.
  if (/^\/(common|organizations|consumers)(\/|$)/i.test(issuer.pathname))
    throw new Error(
      `OIDC_ISSUER must name the council's own Entra ID tenant (https://login.microsoftonline.com/TENANT-ID/v2.0), not "${issuerText}", which lets in people from any organisation`,
    );
  const roleMap = readRoleMap(env.OIDC_ROLE_MAP ?? '');
  const jitUsers = yesNo(env.OIDC_JIT_USERS, 'OIDC_JIT_USERS', false);
  if (jitUsers && roleMap.size === 0)
    throw new Error('OIDC_JIT_USERS=true needs OIDC_ROLE_MAP: a person created at sign-in needs a role');
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() || 'roles';
  return {
    issuer,
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
    redirectUrl,
    council: env.OIDC_COUNCIL?.trim() || undefined,
    roleClaim,
    roleMap,
    scopeClaim: env.OIDC_SCOPE_CLAIM?.trim() || roleClaim,
    scopeMap: readScopeMap(env.OIDC_SCOPE_MAP ?? ''),
    jitUsers,
    emailClaim: env.OIDC_EMAIL_CLAIM?.trim() || 'email',
    requireVerifiedEmail: yesNo(env.OIDC_REQUIRE_VERIFIED_EMAIL, 'OIDC_REQUIRE_VERIFIED_EMAIL', true),
    allowInsecureLoopback: insecure,
  };
}

export function yesNo(text: string | undefined, name: string, fallback: boolean): boolean {
  const value = text?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be true or false, not "${text}"`);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: single sign-on (OIDC_ISSUER is set) needs it`);
  return value;
}

function url(text: string, name: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`${name} must be a full web address (https://…), not "${text}"`);
  }
}

/** "value=thing,value=thing": the pairs, each checked, naming the variable and the entry at fault. */
function pairs(text: string, name: string, example: string): [string, string][] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf('=');
      const key = entry.slice(0, at).trim();
      const value = entry.slice(at + 1).trim();
      if (at < 1 || !key || !value)
        throw new Error(
          `${name}: "${entry}" is not claim-value=${example}, e.g. Scorecard.Admins=${example}`,
        );
      return [key, value];
    });
}

function readRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const [claim, role] of pairs(text, 'OIDC_ROLE_MAP', 'administrator')) {
    if (!(role in roleLabels))
      throw new Error(
        `OIDC_ROLE_MAP: "${role}" (for ${claim}) is not a role: choose one of ${Object.keys(roleLabels).join(', ')}`,
      );
    if (map.has(claim) && map.get(claim) !== role)
      throw new Error(`OIDC_ROLE_MAP: ${claim} is given two roles, ${map.get(claim)} and ${role}`);
    map.set(claim, role as Role);
  }
  return map;
}

function readScopeMap(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [claim, scope] of pairs(text, 'OIDC_SCOPE_MAP', 'service:HOU-RM')) {
    const [type, code] = scope.split(':', 2);
    if (!type || !code || !scopeTypes.includes(type))
      throw new Error(
        `OIDC_SCOPE_MAP: "${scope}" (for ${claim}) is not a scope: write type:CODE, e.g. service:HOU-RM (types: ${scopeTypes.join(', ')})`,
      );
    map.set(claim, [...(map.get(claim) ?? []), scope]);
  }
  return map;
}
