-- gridgov-store-jdbc, table layout version 3: partitions (docs/event-store.md, "Several writers").
-- One writer per partition holds its lease: lease_token is the fencing token (raised by one on every acquisition or
-- take-over, checked by every append of the holder in its own transaction), holder the database session of the
-- writer holding it (NULL when released). A partition keeps its own time (now_ms) and last command id, so one
-- partition's time advance never moves another's. Rows written by version 2 belong to the partition '_default'.
CREATE TABLE gridgov_partitions (
  partition_key VARCHAR(64) NOT NULL PRIMARY KEY,
  lease_token BIGINT NOT NULL,
  holder VARCHAR(200),
  now_ms BIGINT,
  last_command_id VARCHAR(200)
);

ALTER TABLE gridgov_cases ADD COLUMN partition_key VARCHAR(64) DEFAULT '_default' NOT NULL;
ALTER TABLE gridgov_events ADD COLUMN partition_key VARCHAR(64) DEFAULT '_default' NOT NULL;
CREATE INDEX gridgov_cases_partition ON gridgov_cases (partition_key, report_position);
CREATE INDEX gridgov_events_partition ON gridgov_events (partition_key, log_position);

INSERT INTO gridgov_partitions (partition_key, lease_token, holder, now_ms, last_command_id)
  SELECT '_default', 0, NULL, now_ms, last_command_id FROM gridgov_store WHERE id = 1;

UPDATE gridgov_store SET schema_version = 3 WHERE id = 1;
