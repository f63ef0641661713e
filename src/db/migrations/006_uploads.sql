-- Uploaded files of figures: what was sent, by whom, and what became of it. A previewed file keeps its bytes so
-- the commit re-reads what the server checked rather than trusting the browser to send it again; a committed
-- one records the provenance its figures point at (data_values.source = 'upload', source_ref = the id).
CREATE TABLE uploads (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id    bigint NOT NULL REFERENCES councils(id),
  file_name     text NOT NULL,
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by   bigint NOT NULL REFERENCES users(id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  rows          integer NOT NULL DEFAULT 0,
  outcome       text NOT NULL CHECK (outcome IN ('previewed', 'committed')),
  committed_at  timestamptz,
  content       bytea
);
-- The same file committed twice changes nothing: the second commit finds the first, even when both race.
CREATE UNIQUE INDEX uploads_committed_once ON uploads (council_id, sha256) WHERE outcome = 'committed';
CREATE INDEX uploads_council ON uploads (council_id, uploaded_at DESC);
