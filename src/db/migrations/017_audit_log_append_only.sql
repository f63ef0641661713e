-- The audit log is append-only: no statement the application sends can change or remove a row of it, whatever
-- the statement (a bug, or SQL slipped in through a field). Only removing a whole council's data (the demo's reset)
-- deletes its rows, inside its own transaction, as for improvement actions' notes (migration 015).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: it cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER improvement_action_notes_no_truncate BEFORE TRUNCATE ON improvement_action_notes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
