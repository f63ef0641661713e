-- The scorecard generation (migration 002) was moved by each statement that changed what the scorecard reads, so a
-- transaction held the council's generation row locked from its first change until it committed, and every other
-- save in the council queued behind it (under load a save waited seconds for others' audit rows and commits).
-- Now a change only notes its council against its own transaction, which no other transaction can meet, and the
-- generation moves as the transaction commits (a deferred trigger): the row is held for the commit alone. Readers
-- see the new generation exactly when they can see the change, as before; inside the changing transaction the
-- generation has not yet moved, so the scorecard cache is not used inside transactions (scorecard.service.ts).

CREATE UNLOGGED TABLE scorecard_changes (
  transaction_id  xid8   NOT NULL,
  council_id      bigint NOT NULL,
  PRIMARY KEY (transaction_id, council_id)
);

CREATE OR REPLACE FUNCTION bump_scorecard_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO scorecard_changes (transaction_id, council_id)
    SELECT DISTINCT pg_current_xact_id(), council_id FROM changed_rows WHERE council_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Fires once per noted council at commit; the first firing moves every council the transaction changed, in a fixed
-- order (so two transactions changing the same councils cannot deadlock), and the rest find nothing left to move.
CREATE FUNCTION move_scorecard_generations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    DELETE FROM scorecard_changes WHERE transaction_id = NEW.transaction_id RETURNING council_id
  )
  INSERT INTO scorecard_generations AS g (council_id, generation)
    SELECT council_id, 1 FROM changed WHERE EXISTS (SELECT 1 FROM councils c WHERE c.id = changed.council_id)
    ORDER BY council_id
  ON CONFLICT (council_id) DO UPDATE SET generation = g.generation + 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER scorecard_changes_at_commit AFTER INSERT ON scorecard_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_scorecard_generations();
