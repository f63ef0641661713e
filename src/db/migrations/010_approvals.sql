-- The approval workflow (draft → submitted → validated → approved → published) and the audit-log search.
--
-- A revision is one version of a figure; its row records how far that version got through the workflow, and
-- when it was published. A correction after publication is a new revision, so the figure that was published
-- stays in data_value_revisions with its publication date while the correction goes through the workflow.
ALTER TABLE data_value_revisions ADD COLUMN published_at timestamptz;

-- Rows written before this migration: a published revision that is the figure's current one was published when
-- the figure says; an earlier one is dated when it was last changed (the best record there is).
UPDATE data_value_revisions r SET published_at = CASE
    WHEN r.revision = dv.revision AND dv.published_at IS NOT NULL THEN dv.published_at ELSE r.changed_at END
  FROM data_values dv
  WHERE dv.id = r.data_value_id AND r.status = 'published';

-- The published figure of each measure × period × breakdown: its latest published revision. Reports and the
-- public site read only from here, so a figure still in the workflow never reaches them, and a correction in
-- progress leaves the figure published before it in place. `revised` says an earlier revision was published.
CREATE VIEW published_values AS
SELECT dv.id AS data_value_id, dv.council_id, dv.measure_id, dv.period, dv.period_start, dv.period_end,
  dv.breakdown, p.revision, p.value, p.numerator, p.denominator, p.commentary, p.published_at,
  EXISTS (SELECT 1 FROM data_value_revisions e
    WHERE e.data_value_id = dv.id AND e.status = 'published' AND e.revision < p.revision) AS revised,
  dv.status <> 'published' AS correction_in_progress
FROM data_values dv
CROSS JOIN LATERAL (
  SELECT c.* FROM (
    SELECT dv.revision, dv.value, dv.numerator, dv.denominator, dv.commentary, dv.published_at
      WHERE dv.status = 'published'
    UNION ALL
    SELECT r.revision, r.value, r.numerator, r.denominator, r.commentary, r.published_at
      FROM data_value_revisions r WHERE r.data_value_id = dv.id AND r.status = 'published'
  ) c
  ORDER BY c.revision DESC
  LIMIT 1
) p;

-- The approvals queue reads figures at one stage of the workflow across the council.
CREATE INDEX data_values_workflow ON data_values (council_id, status, period_end DESC) WHERE status <> 'published';

-- The audit-log search pages newest first, within a council, optionally by who.
CREATE INDEX audit_log_council_at ON audit_log (council_id, at DESC, id DESC);
CREATE INDEX audit_log_user_at ON audit_log (user_id, at DESC, id DESC);
