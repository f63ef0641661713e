-- A dataset version's rows are found by metric (every comparison reads one metric of one version, and the
-- version is the partition). The unique key over metric, period and area cost a third of a national load to build
-- (bench/README.md, "benchmarks"); uniqueness is checked as the file is read (src/benchmarking/keys-seen.ts), and a
-- version's rows are never written again.
DROP INDEX benchmark_rows_key;
CREATE INDEX benchmark_rows_metric ON benchmark_rows (metric_code);
