// Signing in with the council's identity provider: find the person (by their bound identity, else by verified
// e-mail, else create them when allowed), bring their role and scopes in line with their claims, and start a
// session exactly as a password sign-in does. Every refusal is audited with its reason.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { resolveScopes, type SignedIn, startSession } from '../users.service.ts';
import {
  findUserByEmail,
  findUserByOidcIdentity,
  insertUser,
  type UserWithScopes,
} from '../users.queries.ts';
import { roleLabels } from '../current-user.ts';
import { type Claims, grantFromClaims, unscopedRoles } from './claims.ts';
import type { SsoConfig } from './sso-config.ts';
import { bindOidcIdentity, replaceScopes, setRole, ssoCouncil } from './sso.queries.ts';

export type SsoOutcome = { signedIn: SignedIn } | { refused: string };

class Refusal extends Error {}

export async function signInWithSso(
  db: Db,
  sso: SsoConfig,
  claims: Claims,
  absoluteHours: number,
): Promise<SsoOutcome> {
  // The issuer as the ID token states it (openid-client has checked it is the discovered one), so a changed
  // spelling of OIDC_ISSUER (a trailing slash) does not unbind everyone.
  const identity = { issuer: String(claims.iss), subject: String(claims.sub) };
  const email = typeof claims[sso.emailClaim] === 'string' ? (claims[sso.emailClaim] as string) : undefined;
  const council = await ssoCouncil(db, sso.council);
  let user: UserWithScopes | undefined;
  try {
    if ('problem' in council) throw new Refusal(`Single sign-on is not set up right: ${council.problem}`);
    const grant = grantFromClaims(sso, claims);
    if ('refused' in grant) throw new Refusal(grant.refused);
    // Two sign-ins of one person at once (two tabs, a double click) queue here: otherwise both could make the
    // account, or both replace its scopes, and one would fail. Keyed by the e-mail, which must be unique.
    const key = `sso:${email?.toLowerCase() ?? `${identity.issuer} ${identity.subject}`}`;
    user = await db.connection().execute(async (one) => {
      await sql`SELECT pg_advisory_lock(hashtextextended(${key}, 0))`.execute(one);
      try {
        user =
          (await findUserByOidcIdentity(one, identity.issuer, identity.subject)) ??
          (await firstSignIn(one, sso, { claims, email, councilId: council.id, identity, grant }));
        if (user.council_id !== council.id) throw new Refusal('Your account belongs to another council here');
        if (user.disabled)
          throw new Refusal('Your Civic Scorecard account is disabled: ask the performance team');
        return await alignWithClaims(one, user, grant);
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(one);
      }
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await auditRefusal(
      db,
      { councilId: 'id' in council ? council.id : null, user, email, identity },
      error.message,
    );
    return { refused: error.message };
  }
  return { signedIn: await startSession(db, user, absoluteHours, 'sso') };
}

/** A person not yet bound: an existing account with their verified e-mail is bound; otherwise one is made. */
async function firstSignIn(
  db: Db,
  sso: SsoConfig,
  person: {
    claims: Claims;
    email: string | undefined;
    councilId: string;
    identity: { issuer: string; subject: string };
    grant: { role?: Role; scopes?: string[] };
  },
): Promise<UserWithScopes> {
  const { email, identity } = person;
  if (!email)
    throw new Refusal(
      `Your council account sent no e-mail address (the '${sso.emailClaim}' claim), so it cannot be matched to a Civic Scorecard account`,
    );
  if (sso.requireVerifiedEmail && person.claims.email_verified !== true)
    throw new Refusal(
      `Your council account's e-mail address ${email} is not marked as verified by the provider`,
    );
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (existing.council_id !== person.councilId)
      throw new Refusal('Your account belongs to another council here');
    if (!(await bindOidcIdentity(db, existing.id, identity)))
      throw new Refusal(
        `The Civic Scorecard account for ${email} is already linked to a different council account`,
      );
    await audit(db, existing, 'user.sso_linked', { issuer: identity.issuer, subject: identity.subject });
    return existing;
  }
  const role = person.grant.role;
  if (!sso.jitUsers || !role)
    throw new Refusal(
      `There is no Civic Scorecard account for ${email}: ask the performance team to add you`,
    );
  if (!unscopedRoles.has(role) && !person.grant.scopes?.length)
    throw new Refusal(
      `Your account would be a ${roleLabels[role]}, but single sign-on gives it no part of the council to cover (OIDC_SCOPE_MAP): ask the performance team to add you`,
    );
  const id = await insertUser(db, {
    councilId: person.councilId,
    email: email.toLowerCase(),
    displayName: typeof person.claims.name === 'string' && person.claims.name ? person.claims.name : email,
    role,
    passwordHash: null,
    scopes: [],
  });
  await bindOidcIdentity(db, id, identity);
  const created = await findUserByEmail(db, email);
  if (!created) throw new Error(`the user made for ${email} cannot be read back`);
  await audit(db, created, 'user.created', {
    email: created.email,
    role: created.role,
    by: 'single sign-on',
  });
  return created;
}

/** The identity provider is the source of truth for what it is configured to map: role, scopes, or both. */
async function alignWithClaims(
  db: Db,
  user: UserWithScopes,
  grant: { role?: Role; scopes?: string[] },
): Promise<UserWithScopes> {
  const scopes = grant.scopes && (await scopesOrRefusal(db, user.council_id, grant.scopes));
  const key = (list: { type: string; id: string }[]) =>
    list
      .map((s) => `${s.type}:${s.id}`)
      .sort()
      .join(',');
  const roleChanges = grant.role !== undefined && grant.role !== user.role;
  const scopesChange = scopes !== undefined && key(scopes) !== key(user.scopes);
  if (!roleChanges && !scopesChange) return user;
  if (grant.role && roleChanges) await setRole(db, user.id, grant.role);
  if (scopes && scopesChange) await replaceScopes(db, { id: user.id, councilId: user.council_id }, scopes);
  const after = { role: grant.role ?? user.role, scopes: scopes ?? user.scopes };
  await audit(db, user, 'user.access_from_claims', after, { role: user.role, scopes: user.scopes });
  return { ...user, ...after };
}

async function scopesOrRefusal(db: Db, councilId: string, references: string[]) {
  try {
    return await resolveScopes(db, councilId, references);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Refusal(`Single sign-on is not set up right: OIDC_SCOPE_MAP: ${reason}`);
  }
}

async function audit(
  db: Db,
  user: UserWithScopes,
  action: string,
  after: unknown,
  before?: unknown,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      council_id: user.council_id,
      user_id: user.id,
      action,
      entity: 'user',
      entity_id: user.id,
      before: before === undefined ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute();
}

/** Refusals are kept against the account when known, else against the identity the provider vouched for. */
export async function auditRefusal(
  db: Db,
  who: {
    councilId: string | null;
    user?: UserWithScopes;
    email?: string;
    identity?: { issuer: string; subject: string };
  },
  reason: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      council_id: who.user?.council_id ?? who.councilId,
      user_id: who.user?.id ?? null,
      action: 'sign_in.refused',
      entity: who.user ? 'user' : 'sso_identity',
      entity_id: who.user?.id ?? who.identity?.subject ?? 'unknown',
      after: JSON.stringify({ method: 'sso', reason, email: who.email, issuer: who.identity?.issuer }),
    })
    .execute();
}
