-- Assurance: the inspection register (each framework with its own judgement scales), improvement actions and the
-- statutory returns calendar.
--
-- Inspectorates' frameworks and their scales are national reference data, the same for every council, so those
-- three tables carry no council_id (under Citus they would be reference tables). Every table of a council's own
-- records does. A judgement is tied to its framework's scale by foreign keys, so the database itself refuses a
-- grade from another framework ("good" on a report card, "C2" on an ILACS inspection).

CREATE TABLE inspection_frameworks (
  code          text PRIMARY KEY,
  inspectorate  text NOT NULL,
  name          text NOT NULL,
  -- The scale of the overall judgement; NULL when the framework gives none (Ofsted's report cards give none).
  overall_scale text,
  -- Why its grades may not be read against another framework's, shown beside every judgement.
  comparability text NOT NULL DEFAULT '',
  position      integer NOT NULL
);

-- A scale is an ordered list: rank 1 is the best judgement.
CREATE TABLE inspection_scale_points (
  framework_code text NOT NULL REFERENCES inspection_frameworks(code),
  scale          text NOT NULL,
  judgement      text NOT NULL,
  rank           integer NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (framework_code, scale, judgement),
  UNIQUE (framework_code, scale, rank)
);

-- The areas a framework judges, each on one of its scales.
CREATE TABLE inspection_framework_areas (
  framework_code text NOT NULL REFERENCES inspection_frameworks(code),
  area           text NOT NULL,
  scale          text NOT NULL,
  position       integer NOT NULL,
  PRIMARY KEY (framework_code, area),
  UNIQUE (framework_code, area, scale)
);

CREATE TABLE inspections (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id         bigint NOT NULL REFERENCES councils(id),
  service_id         bigint NOT NULL REFERENCES services(id),
  framework_code     text NOT NULL REFERENCES inspection_frameworks(code),
  title              text NOT NULL CHECK (btrim(title) <> ''),
  started_on         date NOT NULL,
  ended_on           date NOT NULL,
  published_on       date,
  overall_scale      text,
  overall_judgement  text,
  report_url         text NOT NULL DEFAULT '' CHECK (report_url = '' OR report_url ~ '^https://'),
  summary            text NOT NULL DEFAULT '',
  next_expected_on   date,
  next_expected_note text NOT NULL DEFAULT '',
  created_by         bigint REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK (ended_on >= started_on),
  CHECK (published_on IS NULL OR published_on >= ended_on),
  CHECK ((overall_judgement IS NULL) OR (overall_scale IS NOT NULL)),
  UNIQUE (id, framework_code),
  -- On the framework's own scale, or refused. ON UPDATE of the framework is refused while judgements stand.
  FOREIGN KEY (framework_code, overall_scale, overall_judgement)
    REFERENCES inspection_scale_points (framework_code, scale, judgement)
);
CREATE INDEX inspections_service ON inspections (council_id, service_id, ended_on DESC);

-- The overall scale of an inspection is its framework's, whatever the caller sent.
CREATE FUNCTION inspections_overall_scale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT f.overall_scale INTO NEW.overall_scale FROM inspection_frameworks f WHERE f.code = NEW.framework_code;
  IF NEW.overall_judgement IS NOT NULL AND NEW.overall_scale IS NULL THEN
    RAISE EXCEPTION 'The % framework gives no overall judgement', NEW.framework_code
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inspections_no_overall_judgement';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER inspections_overall_scale BEFORE INSERT OR UPDATE ON inspections
  FOR EACH ROW EXECUTE FUNCTION inspections_overall_scale();

CREATE TABLE inspection_judgements (
  council_id     bigint NOT NULL REFERENCES councils(id),
  inspection_id  bigint NOT NULL,
  framework_code text NOT NULL,
  area           text NOT NULL,
  scale          text NOT NULL,
  judgement      text NOT NULL,
  PRIMARY KEY (inspection_id, area),
  -- The judgement belongs to its inspection's framework (a change of framework cascades here and is then
  -- refused by the next two keys, unless the old framework's judgements were removed first) ...
  FOREIGN KEY (inspection_id, framework_code) REFERENCES inspections (id, framework_code)
    ON DELETE CASCADE ON UPDATE CASCADE,
  -- ... to one of that framework's areas, on that area's scale ...
  FOREIGN KEY (framework_code, area, scale) REFERENCES inspection_framework_areas (framework_code, area, scale),
  -- ... and to a point of that scale.
  FOREIGN KEY (framework_code, scale, judgement) REFERENCES inspection_scale_points (framework_code, scale, judgement)
);

CREATE TABLE inspection_recommendations (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id    bigint NOT NULL REFERENCES councils(id),
  inspection_id bigint NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position      integer NOT NULL,
  text          text NOT NULL CHECK (btrim(text) <> ''),
  UNIQUE (inspection_id, position)
);

-- Improvement actions, raised from one record (or none) and owned by one person in one service.
CREATE TABLE improvement_actions (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id        bigint NOT NULL REFERENCES councils(id),
  service_id        bigint NOT NULL REFERENCES services(id),
  title             text NOT NULL CHECK (btrim(title) <> ''),
  description       text NOT NULL DEFAULT '',
  source            text NOT NULL CHECK (source IN ('measure', 'recommendation', 'finding', 'standalone')),
  measure_id        bigint REFERENCES measures(id),
  measure_period    text,
  recommendation_id bigint REFERENCES inspection_recommendations(id),
  finding_id        bigint REFERENCES data_quality_findings(id),
  owner_id          bigint NOT NULL REFERENCES users(id),
  due_on            date NOT NULL,
  status            text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  raised_by         bigint REFERENCES users(id),
  raised_at         timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  version           integer NOT NULL DEFAULT 1,
  CHECK ((source = 'measure') = (measure_id IS NOT NULL)),
  CHECK ((source = 'recommendation') = (recommendation_id IS NOT NULL)),
  CHECK ((source = 'finding') = (finding_id IS NOT NULL)),
  CHECK ((status IN ('done', 'cancelled')) = (closed_at IS NOT NULL))
);
CREATE INDEX improvement_actions_open ON improvement_actions (council_id, due_on)
  WHERE status IN ('not_started', 'in_progress');
CREATE INDEX improvement_actions_measure ON improvement_actions (measure_id) WHERE measure_id IS NOT NULL;
CREATE INDEX improvement_actions_recommendation ON improvement_actions (recommendation_id)
  WHERE recommendation_id IS NOT NULL;

-- Progress notes are append-only: who wrote what, when; never edited, never removed.
CREATE TABLE improvement_action_notes (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id bigint NOT NULL REFERENCES councils(id),
  action_id  bigint NOT NULL REFERENCES improvement_actions(id),
  note       text NOT NULL CHECK (btrim(note) <> ''),
  status     text,
  written_by bigint REFERENCES users(id),
  written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX improvement_action_notes_action ON improvement_action_notes (action_id, written_at);
-- Only removing a whole council's data (the demo's reset, src/demo/reset.ts) may delete them, inside its transaction.
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('scorecard.removing_council', true) = OLD.council_id::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER improvement_action_notes_append_only BEFORE UPDATE OR DELETE ON improvement_action_notes
  FOR EACH ROW EXECUTE FUNCTION append_only();

-- Statutory returns: one row per return per reference period (SSDA903 for 2025/26, say).
CREATE TABLE statutory_returns (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id       bigint NOT NULL REFERENCES councils(id),
  code             text NOT NULL,
  title            text NOT NULL CHECK (btrim(title) <> ''),
  recipient        text NOT NULL CHECK (recipient IN ('DfE', 'MHCLG', 'DHSC', 'RSH', 'YJB')),
  frequency        text NOT NULL CHECK (frequency IN ('annual', 'termly', 'quarterly', 'monthly')),
  reference_period text NOT NULL CHECK (btrim(reference_period) <> ''),
  due_on           date NOT NULL,
  service_id       bigint NOT NULL REFERENCES services(id),
  owner_id         bigint NOT NULL REFERENCES users(id),
  status           text NOT NULL DEFAULT 'not_started' CHECK (status IN
    ('not_started', 'in_preparation', 'quality_checked', 'submitted', 'accepted', 'resubmission_required')),
  reminder_days    integer NOT NULL DEFAULT 14 CHECK (reminder_days BETWEEN 1 AND 90),
  submitted_at     timestamptz,
  notes            text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  UNIQUE (council_id, code, reference_period)
);
CREATE INDEX statutory_returns_due ON statutory_returns (council_id, due_on);

CREATE TABLE statutory_return_measures (
  council_id bigint NOT NULL REFERENCES councils(id),
  return_id  bigint NOT NULL REFERENCES statutory_returns(id) ON DELETE CASCADE,
  measure_id bigint NOT NULL REFERENCES measures(id),
  PRIMARY KEY (return_id, measure_id)
);

-- The data-quality checklist of a return: each item ticked by a named person before it may be quality-checked.
CREATE TABLE statutory_return_checks (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id bigint NOT NULL REFERENCES councils(id),
  return_id  bigint NOT NULL REFERENCES statutory_returns(id) ON DELETE CASCADE,
  position   integer NOT NULL,
  text       text NOT NULL CHECK (btrim(text) <> ''),
  checked_by bigint REFERENCES users(id),
  checked_at timestamptz,
  CHECK ((checked_by IS NULL) = (checked_at IS NULL)),
  UNIQUE (return_id, position)
);

-- Each reminder e-mail once per person per return per kind, however often its job runs.
CREATE TABLE statutory_return_reminders_sent (
  council_id bigint NOT NULL REFERENCES councils(id),
  return_id  bigint NOT NULL REFERENCES statutory_returns(id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  user_id    bigint NOT NULL REFERENCES users(id),
  email      text NOT NULL,
  sent_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (return_id, kind, user_id)
);

-- The frameworks and their scales.
INSERT INTO inspection_frameworks (code, inspectorate, name, overall_scale, comparability, position) VALUES
  ('OFSTED-ILACS', 'Ofsted', 'Inspecting local authority children''s services (ILACS)', 'grade', '', 1),
  ('OFSTED-REPORT-CARD', 'Ofsted', 'School inspection report card (from November 2025)', NULL,
   'Report cards grade each evaluation area on a five-point scale and give no overall grade; they are not comparable with the single-word grades of inspections before November 2025.', 2),
  ('OFSTED-SCHOOL-2019', 'Ofsted', 'School inspection, education inspection framework (2019 to 2025)', 'grade',
   'Grades of the framework used until November 2025; not comparable with report cards.', 3),
  ('CQC-LA', 'Care Quality Commission', 'Local authority assessment (adult social care, Care Act 2014)', 'rating',
   'The overall rating comes from quality statement scores of 1 to 4; a score is not a rating.', 4),
  ('HMIP-YJ', 'HM Inspectorate of Probation', 'Youth justice service inspection', 'rating', '', 5),
  ('RSH-CONSUMER', 'Regulator of Social Housing', 'Consumer standards inspection', 'consumer grade',
   'C1 is the best of four consumer grades; governance (G) and viability (V) grades are a different judgement.', 6);

INSERT INTO inspection_scale_points (framework_code, scale, judgement, rank) VALUES
  ('OFSTED-ILACS', 'grade', 'Outstanding', 1),
  ('OFSTED-ILACS', 'grade', 'Good', 2),
  ('OFSTED-ILACS', 'grade', 'Requires improvement to be good', 3),
  ('OFSTED-ILACS', 'grade', 'Inadequate', 4),
  ('OFSTED-REPORT-CARD', 'evaluation', 'Exceptional', 1),
  ('OFSTED-REPORT-CARD', 'evaluation', 'Strong standard', 2),
  ('OFSTED-REPORT-CARD', 'evaluation', 'Expected standard', 3),
  ('OFSTED-REPORT-CARD', 'evaluation', 'Needs attention', 4),
  ('OFSTED-REPORT-CARD', 'evaluation', 'Urgent improvement', 5),
  ('OFSTED-REPORT-CARD', 'safeguarding', 'Met', 1),
  ('OFSTED-REPORT-CARD', 'safeguarding', 'Not met', 2),
  ('OFSTED-SCHOOL-2019', 'grade', 'Outstanding', 1),
  ('OFSTED-SCHOOL-2019', 'grade', 'Good', 2),
  ('OFSTED-SCHOOL-2019', 'grade', 'Requires improvement', 3),
  ('OFSTED-SCHOOL-2019', 'grade', 'Inadequate', 4),
  ('CQC-LA', 'rating', 'Outstanding', 1),
  ('CQC-LA', 'rating', 'Good', 2),
  ('CQC-LA', 'rating', 'Requires improvement', 3),
  ('CQC-LA', 'rating', 'Inadequate', 4),
  ('CQC-LA', 'score', '4: evidence shows an exceptional standard', 1),
  ('CQC-LA', 'score', '3: evidence shows a good standard', 2),
  ('CQC-LA', 'score', '2: evidence shows some shortfalls', 3),
  ('CQC-LA', 'score', '1: evidence shows significant shortfalls', 4),
  ('HMIP-YJ', 'rating', 'Outstanding', 1),
  ('HMIP-YJ', 'rating', 'Good', 2),
  ('HMIP-YJ', 'rating', 'Requires improvement', 3),
  ('HMIP-YJ', 'rating', 'Inadequate', 4),
  ('RSH-CONSUMER', 'consumer grade', 'C1', 1),
  ('RSH-CONSUMER', 'consumer grade', 'C2', 2),
  ('RSH-CONSUMER', 'consumer grade', 'C3', 3),
  ('RSH-CONSUMER', 'consumer grade', 'C4', 4);

INSERT INTO inspection_framework_areas (framework_code, area, scale, position) VALUES
  ('OFSTED-ILACS', 'The impact of leaders on social work practice with children and families', 'grade', 1),
  ('OFSTED-ILACS', 'The experiences and progress of children who need help and protection', 'grade', 2),
  ('OFSTED-ILACS', 'The experiences and progress of children in care', 'grade', 3),
  ('OFSTED-ILACS', 'The experiences and progress of care leavers', 'grade', 4),
  ('OFSTED-REPORT-CARD', 'Inclusion', 'evaluation', 1),
  ('OFSTED-REPORT-CARD', 'Curriculum and teaching', 'evaluation', 2),
  ('OFSTED-REPORT-CARD', 'Achievement', 'evaluation', 3),
  ('OFSTED-REPORT-CARD', 'Attendance and behaviour', 'evaluation', 4),
  ('OFSTED-REPORT-CARD', 'Personal development and well-being', 'evaluation', 5),
  ('OFSTED-REPORT-CARD', 'Early years', 'evaluation', 6),
  ('OFSTED-REPORT-CARD', 'Sixth form', 'evaluation', 7),
  ('OFSTED-REPORT-CARD', 'Leadership and governance', 'evaluation', 8),
  ('OFSTED-REPORT-CARD', 'Safeguarding', 'safeguarding', 9),
  ('OFSTED-SCHOOL-2019', 'Quality of education', 'grade', 1),
  ('OFSTED-SCHOOL-2019', 'Behaviour and attitudes', 'grade', 2),
  ('OFSTED-SCHOOL-2019', 'Personal development', 'grade', 3),
  ('OFSTED-SCHOOL-2019', 'Leadership and management', 'grade', 4),
  ('CQC-LA', 'Assessing needs', 'score', 1),
  ('CQC-LA', 'Supporting people to live healthier lives', 'score', 2),
  ('CQC-LA', 'Equity in experience and outcomes', 'score', 3),
  ('CQC-LA', 'Care provision, integration and continuity', 'score', 4),
  ('CQC-LA', 'Partnerships and communities', 'score', 5),
  ('CQC-LA', 'Safe systems, pathways and transitions', 'score', 6),
  ('CQC-LA', 'Safeguarding', 'score', 7),
  ('CQC-LA', 'Governance, management and sustainability', 'score', 8),
  ('CQC-LA', 'Learning, improvement and innovation', 'score', 9),
  ('HMIP-YJ', 'Organisational delivery', 'rating', 1),
  ('HMIP-YJ', 'Court disposals', 'rating', 2),
  ('HMIP-YJ', 'Out-of-court disposals', 'rating', 3),
  ('HMIP-YJ', 'Resettlement', 'rating', 4);
