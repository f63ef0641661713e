-- A per-council generation number that moves whenever anything the scorecard reads changes (figures, targets,
-- measures and their services). The scorecard caches its answer against it: reading one small row tells a
-- server whether its cached scorecard is still true, whichever process or tool made the change.
-- Statement-level triggers with transition tables keep bulk loads (COPY of a whole history) to one bump.

CREATE TABLE scorecard_generations (
  council_id  bigint PRIMARY KEY REFERENCES councils(id) ON DELETE CASCADE,
  generation  bigint NOT NULL DEFAULT 1
);

CREATE FUNCTION bump_scorecard_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO scorecard_generations AS g (council_id, generation)
    SELECT DISTINCT council_id, 1 FROM changed_rows WHERE council_id IS NOT NULL
    ORDER BY council_id  -- a fixed order, so concurrent bumps of several councils cannot deadlock
  ON CONFLICT (council_id) DO UPDATE SET generation = g.generation + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION bump_every_scorecard_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE scorecard_generations SET generation = generation + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER data_values_generation_insert AFTER INSERT ON data_values
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER data_values_generation_update AFTER UPDATE ON data_values
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER data_values_generation_delete AFTER DELETE ON data_values
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER data_values_generation_truncate AFTER TRUNCATE ON data_values
  FOR EACH STATEMENT EXECUTE FUNCTION bump_every_scorecard_generation();

CREATE TRIGGER targets_generation_insert AFTER INSERT ON targets
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER targets_generation_update AFTER UPDATE ON targets
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER targets_generation_delete AFTER DELETE ON targets
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER targets_generation_truncate AFTER TRUNCATE ON targets
  FOR EACH STATEMENT EXECUTE FUNCTION bump_every_scorecard_generation();

CREATE TRIGGER measures_generation_insert AFTER INSERT ON measures
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measures_generation_update AFTER UPDATE ON measures
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measures_generation_delete AFTER DELETE ON measures
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();

CREATE TRIGGER measure_services_generation_insert AFTER INSERT ON measure_services
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measure_services_generation_delete AFTER DELETE ON measure_services
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
CREATE TRIGGER measure_services_generation_update AFTER UPDATE ON measure_services
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_scorecard_generation();
