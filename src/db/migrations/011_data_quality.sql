-- Data quality: which measures each external provider (a school, say) is asked for, and the findings raised on
-- figures — by the validation rules or by a performance officer — with the owner's response and the resolution.
--
-- Missing and late figures are findings too, but they are NOT stored here: they are worked out on read, in SQL,
-- from the collection rounds (src/collection/quality/dashboard.queries.ts): a figure due in a round with no
-- submitted figure is missing; one first submitted after the round's deadline is late. Stored rows would have to
-- be kept in step by a job as figures arrive and deadlines pass, and could drift from the chase list; worked out
-- from the rounds, values and revisions they are always what the data says. So kind here is 'rule' or 'raised'.

-- A provider sees and enters only these measures, and of them only its own breakdown 'provider:CODE'.
CREATE TABLE provider_measures (
  council_id   bigint NOT NULL REFERENCES councils(id),
  provider_id  bigint NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  measure_id   bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  PRIMARY KEY (provider_id, measure_id)
);
CREATE INDEX provider_measures_measure ON provider_measures (measure_id);

-- A finding is on a figure's key (measure × period × breakdown), not its row: a figure not yet entered can have one.
CREATE TABLE data_quality_findings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id      bigint NOT NULL REFERENCES councils(id),
  measure_id      bigint NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  period          text NOT NULL,
  period_end      date NOT NULL,
  breakdown       text NOT NULL DEFAULT '',
  kind            text NOT NULL CHECK (kind IN ('rule', 'raised')),
  message         text NOT NULL CHECK (btrim(message) <> ''),
  raised_by       bigint REFERENCES users(id),
  raised_at       timestamptz NOT NULL DEFAULT now(),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  response        text NOT NULL DEFAULT '',
  responded_by    bigint REFERENCES users(id),
  responded_at    timestamptz,
  resolved_by     bigint REFERENCES users(id),
  resolved_at     timestamptz,
  resolution_note text NOT NULL DEFAULT '',
  version         integer NOT NULL DEFAULT 1,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE INDEX data_quality_findings_figure ON data_quality_findings (measure_id, period, breakdown);
CREATE INDEX data_quality_findings_open ON data_quality_findings (council_id, period_end) WHERE status = 'open';
