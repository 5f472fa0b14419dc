-- gridgov-store-jdbc, table layout version 2: a stored command is keyed by its id, its principal and a hash of its
-- payload (case, instant, action), so that a reused id is answered only to the same principal with the same command.
-- Commands stored by version 1 keep NULL here and are compared by case and instant only (docs/event-store.md).
ALTER TABLE gridgov_commands ADD COLUMN principal VARCHAR(400);
ALTER TABLE gridgov_commands ADD COLUMN payload_hash VARCHAR(64);
UPDATE gridgov_store SET schema_version = 2 WHERE id = 1;
