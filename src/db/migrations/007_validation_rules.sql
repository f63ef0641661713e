-- A measure's validation rules, checked whenever one of its figures is entered: a hard rule rejects the figure, a
-- soft one asks for an explanation. Each rule is a row with its own version (a change from a stale page answers
-- 409); the set as a whole has a version too, so the API can replace the set without losing a rule added
-- meanwhile. Every change is audited with the rule before and after.

CREATE TABLE measure_validation_rules (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('range', 'integer', 'numerator_within_denominator', 'change', 'outlier',
                                             'cross_measure')),
  severity    text NOT NULL CHECK (severity IN ('hard', 'soft')),
  -- range { min, max }, change { limit, unit }, outlier { threshold, minimumHistory }; {} for the rest
  parameters  jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(parameters) = 'object'),
  expression  text NOT NULL DEFAULT '',   -- cross_measure only, in the formula language: [HOU-04] <= [HOU-03]
  message     text NOT NULL DEFAULT '',   -- said instead of the worked-out message when set
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  bigint REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  bigint REFERENCES users(id),
  CHECK ((kind = 'cross_measure') = (expression <> ''))
);
CREATE INDEX measure_validation_rules_measure ON measure_validation_rules (measure_id, id);

CREATE TABLE measure_validation_rule_sets (
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  bigint REFERENCES users(id)
);
