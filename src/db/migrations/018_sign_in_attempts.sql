-- Every sign-in attempt, to throttle guessing per account and per address (src/access/sign-in-throttle.ts). The
-- e-mail is kept as typed (lower-cased) whether or not an account has it, so a lock never reveals which exist.
CREATE TABLE sign_in_attempts (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email    text NOT NULL,
  address  text NOT NULL,
  outcome  text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'refused')),
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email, at DESC);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at DESC);
