-- Least privilege for the runtime role (event-store.md §8): it may append and read, never rewrite.
GRANT USAGE ON SCHEMA event_store TO revcycle_app;
GRANT SELECT ON event_store.schema_migrations TO revcycle_app;
GRANT SELECT, INSERT ON event_store.events, event_store.command_ledger TO revcycle_app;
GRANT SELECT, INSERT, UPDATE ON event_store.streams, event_store.checkpoints, event_store.parked_events TO revcycle_app;
GRANT USAGE ON SEQUENCE event_store.global_position TO revcycle_app;
GRANT EXECUTE ON FUNCTION event_store.append_to_stream(text, text, text, text, uuid[], text[], int[], jsonb[], jsonb[],
  bytea[], text, text, bytea, jsonb) TO revcycle_app;
REVOKE ALL ON FUNCTION event_store.append_to_stream(text, text, text, text, uuid[], text[], int[], jsonb[], jsonb[],
  bytea[], text, text, bytea, jsonb) FROM PUBLIC;
