-- Foundation schema: organisation, governance, access, measure library, targets, values and the audit log.
-- Every table that holds a council's data carries council_id so one deployment can serve several councils.

CREATE TABLE councils (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directorates (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id     bigint NOT NULL REFERENCES councils(id),
  code           text NOT NULL,
  name           text NOT NULL,
  director_name  text NOT NULL DEFAULT '',
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);

CREATE TABLE services (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id      bigint NOT NULL REFERENCES councils(id),
  directorate_id  bigint NOT NULL REFERENCES directorates(id),
  code            text NOT NULL,
  name            text NOT NULL,
  head_of_service text NOT NULL DEFAULT '',
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);
CREATE INDEX services_directorate ON services(directorate_id);

-- External providers that report to a service: schools, housing estates, care homes.
CREATE TABLE providers (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  service_id  bigint NOT NULL REFERENCES services(id),
  code        text NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL DEFAULT 'other' CHECK (kind IN ('school','estate','care_home','other')),
  UNIQUE (council_id, code)
);

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id     bigint NOT NULL REFERENCES councils(id),
  email          text NOT NULL,
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('administrator','performance_officer','data_owner','director','cabinet_member','councillor','provider')),
  password_hash  text,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, email)
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

-- A scope limits a role's verbs to part of the council: a directorate, a service, a portfolio, a committee or a provider.
CREATE TABLE user_scopes (
  council_id  bigint NOT NULL REFERENCES councils(id),
  user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  scope_type  text NOT NULL CHECK (scope_type IN ('directorate','service','portfolio','committee','provider')),
  scope_id    bigint NOT NULL,
  PRIMARY KEY (user_id, scope_type, scope_id)
);
CREATE INDEX user_scopes_council ON user_scopes(council_id);

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- sha256 of the cookie token, never the token itself
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash    text NOT NULL UNIQUE,        -- sha256 of the bearer token; the token is shown once
  name          text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE strategies (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  title       text NOT NULL,
  start_year  integer NOT NULL,
  end_year    integer NOT NULL,
  is_current  boolean NOT NULL DEFAULT true,
  summary     text NOT NULL DEFAULT ''
);

CREATE TABLE priorities (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id   bigint NOT NULL REFERENCES councils(id),
  strategy_id  bigint NOT NULL REFERENCES strategies(id),
  code         text NOT NULL,
  title        text NOT NULL,
  description  text NOT NULL DEFAULT '',
  position     integer NOT NULL DEFAULT 0,
  version      integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);

CREATE TABLE outcomes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id   bigint NOT NULL REFERENCES councils(id),
  priority_id  bigint NOT NULL REFERENCES priorities(id),
  code         text NOT NULL,
  title        text NOT NULL,
  description  text NOT NULL DEFAULT '',
  position     integer NOT NULL DEFAULT 0,
  version      integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);

CREATE TABLE portfolios (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id           bigint NOT NULL REFERENCES councils(id),
  code                 text NOT NULL,
  title                text NOT NULL,
  cabinet_member_name  text NOT NULL,
  version              integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);
-- The directors who answer to the Cabinet Member for the portfolio, by directorate.
CREATE TABLE portfolio_directorates (
  council_id      bigint NOT NULL REFERENCES councils(id),
  portfolio_id    bigint NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  directorate_id  bigint NOT NULL REFERENCES directorates(id),
  PRIMARY KEY (portfolio_id, directorate_id)
);
CREATE INDEX portfolio_directorates_council ON portfolio_directorates(council_id);
CREATE TABLE portfolio_services (
  council_id    bigint NOT NULL REFERENCES councils(id),
  portfolio_id  bigint NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  service_id    bigint NOT NULL REFERENCES services(id),
  PRIMARY KEY (portfolio_id, service_id)
);
CREATE INDEX portfolio_services_council ON portfolio_services(council_id);

CREATE TABLE committees (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id           bigint NOT NULL REFERENCES councils(id),
  code                 text NOT NULL,
  title                text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('select','cmt')),
  terms_of_reference   text NOT NULL DEFAULT '',
  themes               text[] NOT NULL DEFAULT '{}',
  chair_name           text NOT NULL DEFAULT '',
  version              integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code)
);
CREATE TABLE committee_services (
  council_id    bigint NOT NULL REFERENCES councils(id),
  committee_id  bigint NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
  service_id    bigint NOT NULL REFERENCES services(id),
  PRIMARY KEY (committee_id, service_id)
);
CREATE INDEX committee_services_council ON committee_services(council_id);

CREATE TABLE measures (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id          bigint NOT NULL REFERENCES councils(id),
  code                text NOT NULL,
  title               text NOT NULL,
  definition          text NOT NULL DEFAULT '',
  calculation         text NOT NULL DEFAULT '',         -- how it is calculated, in words
  calculation_type    text NOT NULL DEFAULT 'value' CHECK (calculation_type IN ('value','ratio','formula')),
  numerator_label     text NOT NULL DEFAULT '',
  denominator_label   text NOT NULL DEFAULT '',
  formula             text NOT NULL DEFAULT '',
  unit                text NOT NULL CHECK (unit IN ('percent','count','days','gbp','rate_per_10000','rate_per_100000','number','score','weeks')),
  decimals            integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  polarity            text NOT NULL CHECK (polarity IN ('up','down','range','none')),
  frequency           text NOT NULL CHECK (frequency IN ('monthly','quarterly','annual','academic_year')),
  accumulation        text NOT NULL CHECK (accumulation IN ('discrete','year_to_date','snapshot')),
  owner_user_id       bigint REFERENCES users(id),
  lead_service_id     bigint REFERENCES services(id),
  tags                text[] NOT NULL DEFAULT '{}',
  external_refs       jsonb NOT NULL DEFAULT '[]',      -- [{ "scheme": "TSM", "ref": "TP01" }, …]
  data_source         text NOT NULL DEFAULT '',
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('draft','active','retired')),
  effective_from      date,
  effective_to        date,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  updated_by          bigint REFERENCES users(id),
  search              tsvector GENERATED ALWAYS AS (
                        to_tsvector('english', code || ' ' || title || ' ' || definition || ' ' || calculation)) STORED,
  UNIQUE (council_id, code),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE INDEX measures_search ON measures USING gin(search);
CREATE INDEX measures_tags ON measures USING gin(tags);

CREATE TABLE measure_services (
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  service_id  bigint NOT NULL REFERENCES services(id),
  PRIMARY KEY (measure_id, service_id)
);
CREATE INDEX measure_services_service ON measure_services(service_id);
CREATE INDEX measure_services_council ON measure_services(council_id);
CREATE TABLE measure_outcomes (
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  outcome_id  bigint NOT NULL REFERENCES outcomes(id),
  PRIMARY KEY (measure_id, outcome_id)
);
CREATE INDEX measure_outcomes_outcome ON measure_outcomes(outcome_id);
CREATE INDEX measure_outcomes_council ON measure_outcomes(council_id);

-- Every change to a measure, as the whole record after the change.
CREATE TABLE measure_versions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  snapshot    jsonb NOT NULL,
  changed_by  bigint REFERENCES users(id),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  note        text NOT NULL DEFAULT '',
  UNIQUE (measure_id, version)
);

CREATE TABLE targets (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id      bigint NOT NULL REFERENCES councils(id),
  measure_id      bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  period          text NOT NULL,
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  value           numeric,
  low             numeric,
  high            numeric,
  tolerance_kind  text CHECK (tolerance_kind IN ('absolute','percent')),
  tolerance       numeric CHECK (tolerance >= 0),
  source          text NOT NULL DEFAULT 'set' CHECK (source IN ('set','profile')),  -- profile: derived from an annual target
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      bigint REFERENCES users(id),
  UNIQUE (measure_id, period),
  CHECK ((tolerance_kind IS NULL) = (tolerance IS NULL))
);

CREATE TABLE data_values (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id    bigint NOT NULL REFERENCES councils(id),
  measure_id    bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  period        text NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  breakdown     text NOT NULL DEFAULT '',   -- '' is the headline figure; otherwise e.g. 'ward:E05000001'
  value         numeric,
  numerator     numeric,
  denominator   numeric,
  commentary    text NOT NULL DEFAULT '',
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','validated','approved','published')),
  quality_flags text[] NOT NULL DEFAULT '{}',
  revision      integer NOT NULL DEFAULT 1,
  version       integer NOT NULL DEFAULT 1,
  published_at  timestamptz,
  revised_after_publication boolean NOT NULL DEFAULT false,
  source        text NOT NULL DEFAULT 'form', -- form | api | upload | demo | import
  source_ref    text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    bigint REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    bigint REFERENCES users(id),
  UNIQUE (measure_id, period, breakdown)
);
CREATE INDEX data_values_latest ON data_values (measure_id, breakdown, period_end DESC);
CREATE INDEX data_values_council_period ON data_values (council_id, period_end);

-- The full history of a data value: one row per revision, written in the same transaction as the change.
CREATE TABLE data_value_revisions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id     bigint NOT NULL REFERENCES councils(id),
  data_value_id  bigint NOT NULL REFERENCES data_values(id) ON DELETE CASCADE,
  revision       integer NOT NULL,
  value          numeric,
  numerator      numeric,
  denominator    numeric,
  commentary     text NOT NULL DEFAULT '',
  status         text NOT NULL,
  source         text NOT NULL,
  source_ref     text NOT NULL DEFAULT '',
  changed_by     bigint REFERENCES users(id),
  changed_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (data_value_id, revision)
);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint REFERENCES councils(id),
  user_id     bigint REFERENCES users(id),
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  before      jsonb,
  after       jsonb,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
