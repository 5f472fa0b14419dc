-- gridgov-store-jdbc, table layout version 1 (docs/event-store.md, "Schema").
-- Portable SQL for H2 2.x and PostgreSQL 15+. "IF NOT EXISTS" and the guarded insert let Flyway adopt a store that
-- an earlier gridgov (which created these tables itself) left behind: Flyway baselines such a schema at version 0
-- and runs this script over it without touching the rows.
CREATE TABLE IF NOT EXISTS gridgov_store (
  id INT NOT NULL PRIMARY KEY,
  schema_version INT NOT NULL,
  last_position BIGINT NOT NULL,
  now_ms BIGINT,
  last_command_id VARCHAR(200)
);

CREATE TABLE IF NOT EXISTS gridgov_cases (
  case_id VARCHAR(128) NOT NULL PRIMARY KEY,
  report_position BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  facts VARCHAR(1000000) NOT NULL
);

CREATE TABLE IF NOT EXISTS gridgov_events (
  case_id VARCHAR(128) NOT NULL,
  seq BIGINT NOT NULL,
  log_position BIGINT NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  at_ms BIGINT NOT NULL,
  command_id VARCHAR(200),
  payload VARCHAR(1000000) NOT NULL,
  CONSTRAINT gridgov_events_pk PRIMARY KEY (case_id, seq),
  CONSTRAINT gridgov_events_position UNIQUE (log_position)
);

CREATE TABLE IF NOT EXISTS gridgov_commands (
  command_id VARCHAR(200) NOT NULL PRIMARY KEY,
  case_id VARCHAR(128) NOT NULL,
  at_ms BIGINT NOT NULL,
  first_position BIGINT NOT NULL,
  event_count INT NOT NULL
);

INSERT INTO gridgov_store (id, schema_version, last_position)
  SELECT 1, 1, 0 FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM gridgov_store WHERE id = 1);
