-- A measure's SPC settings: the baseline its process limits are fixed from, and the points where the limits are
-- recalculated (a new service model, a change of definition), each with its reason. Every change is a new
-- version, kept whole in measure_spc_setting_versions, and moves the scorecard generation because SPC is judged.

CREATE TABLE measure_spc_settings (
  council_id       bigint NOT NULL REFERENCES councils(id),
  measure_id       bigint PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
  baseline_from    text,            -- period keys, of the measure's frequency
  baseline_start   date,            -- baseline_from's first day: the SPC series starts here
  baseline_to      text,
  baseline_reason  text NOT NULL DEFAULT '',
  -- [{ "period": "2024-04", "start": "2024-04-01", "reason": "New repairs contractor" }, …] in period order
  recalculations   jsonb NOT NULL DEFAULT '[]',
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       bigint REFERENCES users(id),
  CHECK ((baseline_from IS NULL) = (baseline_to IS NULL) AND (baseline_from IS NULL) = (baseline_start IS NULL)),
  CHECK (jsonb_typeof(recalculations) = 'array')
);

CREATE TABLE measure_spc_setting_versions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  snapshot    jsonb NOT NULL,   -- { baseline: { from, to, reason } | null, recalculations: [{ period, reason }] }
  changed_by  bigint REFERENCES users(id),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (measure_id, version)
);

CREATE TRIGGER measure_spc_settings_generation_insert AFTER INSERT ON measure_spc_settings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measure_spc_settings_generation_update AFTER UPDATE ON measure_spc_settings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measure_spc_settings_generation_delete AFTER DELETE ON measure_spc_settings
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();

-- SPC reads each measure's last 36 judged figures (period, start, value) beside the scorecard's lookups. With the
-- period key in the headline index too, that window is read from the index alone (measured in bench/README.md).
DROP INDEX data_values_headline;
CREATE INDEX data_values_headline ON data_values (measure_id, period_end DESC, period_start)
  INCLUDE (value, period) WHERE breakdown = '' AND status <> 'draft';
