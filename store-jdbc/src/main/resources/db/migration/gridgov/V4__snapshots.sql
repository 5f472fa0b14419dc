-- gridgov-store-jdbc, table layout version 4: persisted engine snapshots (docs/event-store.md, "Snapshots").
-- One row per snapshot of a partition's engine: the log position it covers (every event of the partition up to and
-- including it), the version of its format (gridgov-json's EngineSnapshotJson), how many cases it holds, the SHA-256
-- of the payload (hex) and the payload itself, EngineSnapshotJson's document compressed with gzip. The writer that
-- holds the partition's lease writes them; a reopening writer restores from the newest one it can read and the
-- events after its position, and skips (with a log line) one whose checksum or version does not fit.
CREATE TABLE gridgov_snapshots (
  partition_key VARCHAR(64) NOT NULL,
  log_position BIGINT NOT NULL,
  format_version INT NOT NULL,
  case_count INT NOT NULL,
  taken_ms BIGINT,
  checksum VARCHAR(64) NOT NULL,
  payload BYTEA NOT NULL,
  CONSTRAINT gridgov_snapshots_pk PRIMARY KEY (partition_key, log_position)
);

UPDATE gridgov_store SET schema_version = 4 WHERE id = 1;
