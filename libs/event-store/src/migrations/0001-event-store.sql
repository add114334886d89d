-- Event store schema (shared/docs/event-store.md §4): events ordered by (transaction_id, global_position)
-- so a reader below the xmin horizon never skips a late-committing transaction (§3).
CREATE SCHEMA IF NOT EXISTS event_store;

CREATE SEQUENCE IF NOT EXISTS event_store.global_position;

CREATE TABLE IF NOT EXISTS event_store.streams (
  tenant_id   text        NOT NULL,
  stream_id   text        NOT NULL,
  stream_type text        NOT NULL,
  version     bigint      NOT NULL CHECK (version >= 0),
  last_hash   bytea       NOT NULL,
  archived    boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id)
);

CREATE TABLE IF NOT EXISTS event_store.events (
  global_position bigint      NOT NULL DEFAULT nextval('event_store.global_position') PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  tenant_id       text        NOT NULL,
  stream_id       text        NOT NULL,
  stream_position bigint      NOT NULL CHECK (stream_position >= 1),
  event_id        uuid        NOT NULL,
  event_type      text        NOT NULL,
  schema_version  int         NOT NULL DEFAULT 1,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  subject_key_id  uuid,
  prev_hash       bytea       NOT NULL,
  hash            bytea       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, stream_id, stream_position),
  UNIQUE (event_id)
);
CREATE INDEX IF NOT EXISTS events_poll ON event_store.events (transaction_id, global_position);

CREATE TABLE IF NOT EXISTS event_store.checkpoints (
  consumer     text        NOT NULL,
  version      int         NOT NULL,
  position_xid xid8        NOT NULL DEFAULT '0',
  position_gp  bigint      NOT NULL DEFAULT 0,
  status       text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'halted', 'retired')),
  serving      boolean     NOT NULL DEFAULT false,
  owner        text,
  lease_until  timestamptz,
  last_error   text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, version)
);

CREATE TABLE IF NOT EXISTS event_store.command_ledger (
  tenant_id    text        NOT NULL,
  command_id   text        NOT NULL CHECK (length(command_id) <= 128),
  command_type text        NOT NULL,
  payload_hash bytea       NOT NULL,
  result       jsonb       NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, command_id)
);

CREATE TABLE IF NOT EXISTS event_store.parked_events (
  consumer        text        NOT NULL,
  version         int         NOT NULL,
  event_id        uuid        NOT NULL,
  transaction_id  xid8        NOT NULL,
  global_position bigint      NOT NULL,
  error_class     text        NOT NULL,
  error_message   text        NOT NULL,
  attempts        int         NOT NULL,
  first_failed_at timestamptz NOT NULL,
  last_failed_at  timestamptz NOT NULL,
  resolved_at     timestamptz,
  PRIMARY KEY (consumer, version, event_id)
);

-- Immutability (§8, 45 CFR 164.312(c)): a misconfigured grant alone must not open the table.
CREATE OR REPLACE FUNCTION event_store.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_store.events is append-only (% refused)', TG_OP USING ERRCODE = 'ES009';
END $$;

DROP TRIGGER IF EXISTS events_no_update_delete ON event_store.events;
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON event_store.events
  FOR EACH ROW EXECUTE FUNCTION event_store.refuse_event_change();
DROP TRIGGER IF EXISTS events_no_truncate ON event_store.events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON event_store.events
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_event_change();

-- One round trip per append (§5). The stream row lock serializes same-stream appends; the
-- compare-and-set on streams.version decides who wins. Each event's hash chains the previous one
-- over the application's canonical bytes plus the stream position (§8).
CREATE OR REPLACE FUNCTION event_store.append_to_stream(
  p_tenant text, p_stream text, p_stream_type text, p_expected text,
  p_event_ids uuid[], p_types text[], p_schema_versions int[], p_data jsonb[], p_metadata jsonb[],
  p_canonical bytea[], p_command_id text, p_command_type text, p_payload_hash bytea, p_result jsonb)
RETURNS TABLE (next_version bigint, xid xid8, positions bigint[])
LANGUAGE plpgsql AS $$
DECLARE
  k bigint := coalesce(array_length(p_event_ids, 1), 0);
  old_version bigint;
  prev bytea;
  h bytea;
  gp bigint;
  gps bigint[] := '{}';
  genesis constant bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
BEGIN
  IF k = 0 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'ES003';
  END IF;
  IF p_expected = 'no_stream' OR p_expected = '0' THEN
    INSERT INTO event_store.streams (tenant_id, stream_id, stream_type, version, last_hash)
      VALUES (p_tenant, p_stream, p_stream_type, k, genesis)
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT s.version INTO old_version FROM event_store.streams s WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = coalesce(old_version, 0)::text;
    END IF;
    old_version := 0;
    prev := genesis;
  ELSIF p_expected = 'any' THEN
    INSERT INTO event_store.streams AS s (tenant_id, stream_id, stream_type, version, last_hash)
      VALUES (p_tenant, p_stream, p_stream_type, k, genesis)
      ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = s.version + k, updated_at = now()
      RETURNING s.version - k, s.last_hash INTO old_version, prev;
  ELSIF p_expected = 'stream_exists' THEN
    UPDATE event_store.streams s SET version = s.version + k, updated_at = now()
      WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.version > 0
      RETURNING s.version - k, s.last_hash INTO old_version, prev;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = '0';
    END IF;
  ELSE
    UPDATE event_store.streams s SET version = s.version + k, updated_at = now()
      WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.version = p_expected::bigint
      RETURNING s.version - k, s.last_hash INTO old_version, prev;
    IF NOT FOUND THEN
      SELECT s.version INTO old_version FROM event_store.streams s WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = coalesce(old_version, 0)::text;
    END IF;
  END IF;

  FOR i IN 1..k LOOP
    h := sha256(prev || int8send(old_version + i) || p_canonical[i]);
    INSERT INTO event_store.events (tenant_id, stream_id, stream_position, event_id, event_type, schema_version,
                                    data, metadata, prev_hash, hash)
      VALUES (p_tenant, p_stream, old_version + i, p_event_ids[i], p_types[i], p_schema_versions[i],
              p_data[i], p_metadata[i], prev, h)
      RETURNING global_position INTO gp;
    gps := gps || gp;
    prev := h;
  END LOOP;

  UPDATE event_store.streams s SET last_hash = prev WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;

  IF p_command_id IS NOT NULL THEN
    INSERT INTO event_store.command_ledger (tenant_id, command_id, command_type, payload_hash, result)
      VALUES (p_tenant, p_command_id, p_command_type, p_payload_hash,
              jsonb_build_object('body', p_result, 'streamId', p_stream, 'version', (old_version + k)::text));
  END IF;

  RETURN QUERY SELECT old_version + k, pg_current_xact_id(), gps;
END $$;
