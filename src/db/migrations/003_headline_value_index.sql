-- The scorecard reads, per measure, the latest headline figure that is not a draft, and the figures one period
-- and one year before it. A partial index holding exactly those rows, newest first, makes the latest figure the
-- first entry and lets the previous-period and last-year lookups read the index alone.
CREATE INDEX data_values_headline ON data_values (measure_id, period_end DESC, period_start)
  INCLUDE (value) WHERE breakdown = '' AND status <> 'draft';

-- The default period is the council's latest headline period with data.
CREATE INDEX data_values_council_headline ON data_values (council_id, period_end DESC, period_start)
  WHERE breakdown = '' AND status <> 'draft';
