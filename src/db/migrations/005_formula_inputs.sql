-- Which measures each formula measure reads, kept in step with its formula in the transaction that writes the
-- measure. "What depends on X" is then one indexed query, and a figure saved for X finds the formula measures
-- to work out again without parsing every formula of the council.
CREATE TABLE measure_formula_inputs (
  council_id        bigint NOT NULL REFERENCES councils(id),
  measure_id        bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  input_measure_id  bigint NOT NULL REFERENCES measures(id),
  PRIMARY KEY (measure_id, input_measure_id),
  CHECK (measure_id <> input_measure_id)
);
CREATE INDEX measure_formula_inputs_input ON measure_formula_inputs (input_measure_id);
CREATE INDEX measure_formula_inputs_council ON measure_formula_inputs (council_id);
