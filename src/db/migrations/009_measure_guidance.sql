-- Guidance for whoever enters a measure's figures, written by the performance team: the mistakes people make with
-- it (double counting, the wrong date range, a percentage typed as a fraction), shown beside the entry form.
ALTER TABLE measures ADD COLUMN common_mistakes text NOT NULL DEFAULT '';
