-- Benchmarking: external datasets (metric × area × period) kept version by version with their provenance, the
-- metrics' polarity, the areas (ONS GSS codes), peer groups, the column-mapping profiles of each source, and the
-- mapping from our measures to external metrics.

-- The council's own ONS GSS code: which rows of an external dataset are "us".
ALTER TABLE councils ADD COLUMN area_code text CHECK (area_code ~ '^[EWSNK][0-9]{8}$');

-- How a source's columns map onto the long format; the shipped ones are written on first use, others added.
CREATE TABLE benchmark_profiles (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  name        text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]*$'),
  definition  jsonb NOT NULL,
  shipped     boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, name)
);

CREATE TABLE benchmark_areas (
  council_id  bigint NOT NULL REFERENCES councils(id),
  code        text NOT NULL,
  name        text NOT NULL,
  type        text,
  region      text,
  PRIMARY KEY (council_id, code)
);

CREATE TABLE benchmark_datasets (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id          bigint NOT NULL REFERENCES councils(id),
  name                text NOT NULL,
  current_version_id  bigint,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, name)
);

-- Every load is a version; earlier versions stay, the dataset points at the current one.
CREATE TABLE benchmark_dataset_versions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id   bigint NOT NULL REFERENCES councils(id),
  dataset_id   bigint NOT NULL REFERENCES benchmark_datasets(id),
  version      integer NOT NULL,
  file_name    text NOT NULL,
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  profile      text NOT NULL,
  -- null when loaded from the command line by whoever runs the server
  imported_by  bigint REFERENCES users(id),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  row_count    bigint NOT NULL DEFAULT 0,
  UNIQUE (dataset_id, version)
);
-- SET NULL: removing a council's rows (the demo's reset) deletes versions and datasets in either order.
ALTER TABLE benchmark_datasets
  ADD FOREIGN KEY (current_version_id) REFERENCES benchmark_dataset_versions(id) ON DELETE SET NULL;

-- The rows, one partition per dataset version. A load COPYs into a bare table, builds its index once the rows are
-- in and attaches it (bench/README.md, "benchmarks", has the measurements behind this). No foreign key here: the
-- version row is written in the load's own transaction, and a per-row check would cost the load its rate.
CREATE TABLE benchmark_rows (
  council_id   bigint NOT NULL,
  version_id   bigint NOT NULL,
  -- Byte order ("C"): the keys are codes, never sorted for people, and a load's index builds faster on them.
  metric_code  text COLLATE "C" NOT NULL,
  area_code    text COLLATE "C" NOT NULL,
  area_name    text NOT NULL,
  period       text COLLATE "C" NOT NULL,
  value        numeric,
  numerator    numeric,
  denominator  numeric
) PARTITION BY LIST (version_id);
CREATE UNIQUE INDEX benchmark_rows_key ON benchmark_rows (version_id, metric_code, period, area_code) INCLUDE (value);

CREATE TABLE benchmark_metrics (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  dataset_id  bigint NOT NULL REFERENCES benchmark_datasets(id),
  code        text NOT NULL,
  title       text NOT NULL DEFAULT '',
  unit        text NOT NULL DEFAULT '',
  -- null until the source or an officer says which way is better; comparisons then give no rank
  polarity    text CHECK (polarity IN ('higher', 'lower', 'goldilocks')),
  midpoint    numeric,
  version     integer NOT NULL DEFAULT 1,
  updated_by  bigint REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (polarity IS DISTINCT FROM 'goldilocks' OR midpoint IS NOT NULL),
  UNIQUE (dataset_id, code)
);

CREATE TABLE benchmark_mappings (
  council_id  bigint NOT NULL REFERENCES councils(id),
  measure_id  bigint NOT NULL REFERENCES measures(id),
  metric_id   bigint NOT NULL REFERENCES benchmark_metrics(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (measure_id, metric_id)
);
CREATE INDEX benchmark_mappings_metric ON benchmark_mappings (metric_id);

CREATE TABLE benchmark_peer_groups (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id  bigint NOT NULL REFERENCES councils(id),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('nearest-neighbours', 'family', 'region', 'authority-type', 'custom')),
  source      text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, name)
);

CREATE TABLE benchmark_peer_group_members (
  council_id  bigint NOT NULL REFERENCES councils(id),
  group_id    bigint NOT NULL REFERENCES benchmark_peer_groups(id) ON DELETE CASCADE,
  area_code   text NOT NULL,
  position    integer NOT NULL,
  PRIMARY KEY (group_id, area_code)
);
