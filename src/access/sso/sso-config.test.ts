// The single sign-on settings stop start-up with a message naming the variable when half made, and the claims
// map to roles and scopes as the settings say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../../config.ts';
import { grantFromClaims } from './claims.ts';
import { readSsoConfig } from './sso-config.ts';

const whole = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'client',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URL: 'https://scorecard.anytown.gov.uk/sign-in/sso/callback',
};

test('single sign-on is off without OIDC_ISSUER, and password sign-in stays on', () => {
  const config = readConfig({});
  assert.equal(config.sso, undefined);
  assert.equal(config.localSignIn, true);
});

test('a half-made configuration stops start-up naming the missing variable', () => {
  for (const missing of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']) {
    const env = { ...whole, [missing]: '' };
    assert.throws(() => readConfig(env), new RegExp(`^Error: ${missing} is not set`), missing);
  }
  assert.throws(
    () => readConfig({ OIDC_CLIENT_ID: 'client' }),
    /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/,
  );
});

test('a role map entry that is not claim=role, or names no role, is refused naming OIDC_ROLE_MAP and the entry', () => {
  assert.throws(
    () => readSsoConfig({ ...whole, OIDC_ROLE_MAP: 'Scorecard.Admins' }),
    /OIDC_ROLE_MAP: "Scorecard.Admins" is not/,
  );
  assert.throws(
    () => readSsoConfig({ ...whole, OIDC_ROLE_MAP: 'Scorecard.Admins=superuser' }),
    /OIDC_ROLE_MAP: "superuser" \(for Scorecard.Admins\) is not a role/,
  );
  assert.throws(
    () => readSsoConfig({ ...whole, OIDC_ROLE_MAP: 'X=administrator,X=councillor' }),
    /OIDC_ROLE_MAP: X is given two roles/,
  );
  assert.throws(
    () => readSsoConfig({ ...whole, OIDC_SCOPE_MAP: 'Housing=HOU-RM' }),
    /OIDC_SCOPE_MAP: "HOU-RM" \(for Housing\) is not a scope/,
  );
});

test('plain http is refused for an issuer anywhere but this machine', () => {
  assert.throws(
    () => readSsoConfig({ ...whole, OIDC_ISSUER: 'http://login.example.com' }),
    /OIDC_ISSUER must be an https:\/\//,
  );
  assert.equal(
    readSsoConfig({ ...whole, OIDC_ISSUER: 'http://127.0.0.1:9999' })?.allowInsecureLoopback,
    true,
  );
  assert.equal(readSsoConfig(whole)?.allowInsecureLoopback, false);
});

test('an Entra ID issuer shared by every organisation is refused: only the council’s own tenant', () => {
  for (const shared of ['common', 'organizations', 'consumers'])
    assert.throws(
      () => readSsoConfig({ ...whole, OIDC_ISSUER: `https://login.microsoftonline.com/${shared}/v2.0` }),
      /OIDC_ISSUER must name the council's own Entra ID tenant/,
      shared,
    );
});

test('switches take only true or false, and the ones that need single sign-on say so', () => {
  assert.throws(
    () => readConfig({ ...whole, OIDC_JIT_USERS: 'yes' }),
    /OIDC_JIT_USERS must be true or false, not "yes"/,
  );
  assert.throws(
    () => readConfig({ ...whole, OIDC_JIT_USERS: 'true' }),
    /OIDC_JIT_USERS=true needs OIDC_ROLE_MAP/,
  );
  assert.throws(() => readConfig({ LOCAL_SIGN_IN: 'false' }), /LOCAL_SIGN_IN=false needs single sign-on/);
  assert.equal(readConfig({ ...whole, LOCAL_SIGN_IN: 'false' }).localSignIn, false);
});

const sso = readSsoConfig({
  ...whole,
  OIDC_ROLE_CLAIM: 'roles',
  OIDC_ROLE_MAP: 'Admins=administrator,Owners=data_owner,Councillors=councillor',
  OIDC_SCOPE_CLAIM: 'groups',
  OIDC_SCOPE_MAP: 'Housing=service:HOU-RM,Housing=service:HOU-HO,Adults=directorate:ASC',
});
if (!sso) throw new Error('the test configuration turns single sign-on on');

test('claims map to the most powerful role given and to every scope of every group', () => {
  assert.deepEqual(grantFromClaims(sso, { roles: ['Councillors', 'Admins'], groups: [] }), {
    role: 'administrator',
    scopes: [],
  });
  assert.deepEqual(grantFromClaims(sso, { roles: 'Owners', groups: ['Housing', 'Adults', 'Other'] }), {
    role: 'data_owner',
    scopes: ['service:HOU-RM', 'service:HOU-HO', 'directorate:ASC'],
  });
});

test('claims refuse a person in no mapped group, a scoped role with no scope, and an unlisted group overage', () => {
  assert.match(
    String(Object.values(grantFromClaims(sso, { roles: ['Payroll'] }))),
    /not in any group that has access/,
  );
  assert.match(
    String(Object.values(grantFromClaims(sso, { roles: ['Owners'] }))),
    /Data owner but is in no group/,
  );
  assert.match(
    String(
      Object.values(grantFromClaims({ ...sso, roleClaim: 'groups' }, { _claim_names: { groups: 'src1' } })),
    ),
    /too many groups/,
  );
  assert.match(
    String(Object.values(grantFromClaims(sso, { roles: [1, 2] }))),
    /'roles' claim .* is not a list of names/,
  );
});

test('without maps, role and scopes are left as Civic Scorecard keeps them', () => {
  const unmapped = readSsoConfig(whole);
  if (!unmapped) throw new Error('expected a configuration');
  assert.deepEqual(grantFromClaims(unmapped, { roles: ['Anything'] }), {
    role: undefined,
    scopes: undefined,
  });
});
