-- Single sign-on with OpenID Connect (src/access/sso/). A user is bound to the provider's identity (issuer and
-- subject) at their first SSO sign-in, and found by it afterwards, so a changed e-mail address keeps the account.
ALTER TABLE users
  ADD COLUMN oidc_issuer  text,
  ADD COLUMN oidc_subject text,
  ADD CONSTRAINT users_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A sign-in on its way through the provider: the state, nonce and PKCE verifier the callback checks, kept in the
-- database (two servers may run) under the digest of a key only the starting browser holds in a cookie. A row is
-- taken once: a replayed callback finds nothing. Like sessions, it is before anyone is known to be of a council.
CREATE TABLE sso_sign_ins (
  id             text PRIMARY KEY,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  next           text NOT NULL,
  expires_at     timestamptz NOT NULL
);
CREATE INDEX sso_sign_ins_expires ON sso_sign_ins (expires_at);
