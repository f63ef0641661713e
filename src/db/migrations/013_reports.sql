-- Reports for every audience (issue 5). A report set is what an audience is shown: its measures, grouping and, for
-- a Cabinet portfolio, the sign-off of its selection for the year. A report is a set rendered for a period; when
-- published its content is frozen as a snapshot that later corrections never change.

CREATE TABLE report_sets (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id      bigint NOT NULL REFERENCES councils(id),
  name            text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,79}$'),  -- cmt, portfolio-housing, public …
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  audience        text NOT NULL CHECK (audience IN ('cmt','portfolio','committee','public')),
  portfolio_id    bigint REFERENCES portfolios(id),
  committee_id    bigint REFERENCES committees(id),
  grouping        text NOT NULL DEFAULT 'outcome' CHECK (grouping IN ('outcome','service','portfolio')),
  -- The financial year the selection is for, e.g. '2026-27' (a portfolio's sign-off is for one year).
  year            text NOT NULL CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),
  -- Portfolio sets only: the director proposes, the Cabinet Member signs off (locking it) or returns it.
  sign_off        text CHECK (sign_off IN ('draft','proposed','signed_off','returned')),
  proposed_by     bigint REFERENCES users(id),
  proposed_at     timestamptz,
  decided_by      bigint REFERENCES users(id),
  decided_at      timestamptz,
  return_comment  text NOT NULL DEFAULT '',
  -- Who is e-mailed a link when a report of the set is published.
  recipients      text[] NOT NULL DEFAULT '{}',
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, name),
  CHECK ((audience = 'portfolio') = (portfolio_id IS NOT NULL)),
  CHECK ((audience = 'committee') = (committee_id IS NOT NULL)),
  CHECK ((audience = 'portfolio') = (sign_off IS NOT NULL))
);

CREATE TABLE report_set_measures (
  council_id     bigint NOT NULL REFERENCES councils(id),
  report_set_id  bigint NOT NULL REFERENCES report_sets(id) ON DELETE CASCADE,
  measure_id     bigint NOT NULL REFERENCES measures(id),
  position       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (report_set_id, measure_id)
);
CREATE INDEX report_set_measures_measure ON report_set_measures (measure_id);

-- A change to a signed-off selection during the year: add or drop a measure, with its reason, signed off again.
CREATE TABLE report_set_changes (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id       bigint NOT NULL REFERENCES councils(id),
  report_set_id    bigint NOT NULL REFERENCES report_sets(id) ON DELETE CASCADE,
  change           text NOT NULL CHECK (change IN ('add','remove')),
  measure_id       bigint NOT NULL REFERENCES measures(id),
  reason           text NOT NULL CHECK (length(trim(reason)) > 0),
  status           text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','signed_off','returned')),
  requested_by     bigint REFERENCES users(id),
  requested_at     timestamptz NOT NULL DEFAULT now(),
  decided_by       bigint REFERENCES users(id),
  decided_at       timestamptz,
  decision_comment text NOT NULL DEFAULT ''
);
CREATE INDEX report_set_changes_set ON report_set_changes (report_set_id, decided_at);

-- Committee terms of reference are edited and versioned: every version as it was.
CREATE TABLE committee_versions (
  council_id          bigint NOT NULL REFERENCES councils(id),
  committee_id        bigint NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
  version             integer NOT NULL,
  terms_of_reference  text NOT NULL,
  themes              text[] NOT NULL,
  services            text[] NOT NULL,   -- service codes
  changed_by          bigint REFERENCES users(id),
  changed_at          timestamptz NOT NULL DEFAULT now(),
  note                text NOT NULL DEFAULT '',
  PRIMARY KEY (committee_id, version)
);

CREATE TABLE reports (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id      bigint NOT NULL REFERENCES councils(id),
  report_set_id   bigint NOT NULL REFERENCES report_sets(id),
  period          text NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','generating','ready','failed','published')),
  progress        integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_note   text NOT NULL DEFAULT '',
  error           text NOT NULL DEFAULT '',
  -- The report model: every figure, judgement, chart and comment as shown. Frozen once published.
  content         jsonb,
  requested_by    bigint REFERENCES users(id),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  generated_at    timestamptz,
  published_by    bigint REFERENCES users(id),
  published_at    timestamptz,
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (report_set_id, period),
  CHECK (status <> 'published' OR (content IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX reports_council_published ON reports (council_id, published_at DESC) WHERE status = 'published';

-- A published report can never change: the database refuses it, whichever code asks. (Deleting a whole council's
-- rows, as the demo's reset does, still may.)
CREATE FUNCTION refuse_published_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'report % is published and frozen', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reports_frozen_when_published BEFORE UPDATE ON reports
  FOR EACH ROW EXECUTE FUNCTION refuse_published_report_change();
