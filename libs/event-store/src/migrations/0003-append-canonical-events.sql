-- The append takes each event once, as the canonical JSON text the hash chain covers, in one json
-- array (json keeps its input text exactly, jsonb would not). Ids, type, data and metadata are read
-- from that text, so an event crosses the wire once instead of as JSON plus hex-encoded hash input.
DROP FUNCTION IF EXISTS event_store.append_to_stream(text, text, text, text, uuid[], text[], int[], jsonb[], jsonb[],
  bytea[], text, text, bytea, jsonb);

CREATE OR REPLACE FUNCTION event_store.append_to_stream(
  p_tenant text, p_stream text, p_stream_type text, p_expected text, p_events json,
  p_command_id text, p_command_type text, p_payload_hash bytea, p_result jsonb)
RETURNS TABLE (next_version bigint, xid xid8, positions bigint[])
LANGUAGE plpgsql AS $$
DECLARE
  k bigint := json_array_length(p_events);
  old_version bigint;
  prev bytea;
  h bytea;
  gp bigint;
  gps bigint[] := '{}';
  e json;
  i int := 0;
  head bytea;
  hashes bytea[] := '{}';
  prevs bytea[] := '{}';
  parsed jsonb[] := '{}';
  j jsonb;
  genesis constant bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
BEGIN
  IF k = 0 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'ES003';
  END IF;
  -- The common cases (a new stream, an exact version) write the stream row once, with its final
  -- hash: the head is read without a lock, the chain computed, then one compare-and-set on both
  -- version and head decides the race (a loser's UPDATE re-checks its WHERE and matches nothing).
  IF p_expected = 'no_stream' OR p_expected = '0' THEN
    old_version := 0;
    prev := genesis;
  ELSIF p_expected NOT IN ('any', 'stream_exists') THEN
    SELECT s.version, s.last_hash INTO old_version, prev FROM event_store.streams s
     WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
    IF old_version IS DISTINCT FROM p_expected::bigint THEN
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = coalesce(old_version, 0)::text;
    END IF;
  ELSIF p_expected = 'any' THEN
    INSERT INTO event_store.streams AS s (tenant_id, stream_id, stream_type, version, last_hash)
      VALUES (p_tenant, p_stream, p_stream_type, k, genesis)
      ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = s.version + k, updated_at = now()
      RETURNING s.version - k, s.last_hash INTO old_version, prev;
  ELSE
    UPDATE event_store.streams s SET version = s.version + k, updated_at = now()
      WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.version > 0
      RETURNING s.version - k, s.last_hash INTO old_version, prev;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = '0';
    END IF;
  END IF;

  head := prev;
  FOR e IN SELECT value FROM json_array_elements(p_events) LOOP
    i := i + 1;
    h := sha256(head || int8send(old_version + i) || convert_to(e::text, 'UTF8'));
    hashes := hashes || h;
    prevs := prevs || head;
    -- Parsed once: every operator on the json type would parse the text again.
    parsed := parsed || e::jsonb;
    head := h;
  END LOOP;

  IF p_expected = 'no_stream' OR p_expected = '0' THEN
    INSERT INTO event_store.streams (tenant_id, stream_id, stream_type, version, last_hash)
      VALUES (p_tenant, p_stream, p_stream_type, k, head)
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT s.version INTO old_version FROM event_store.streams s WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = coalesce(old_version, 0)::text;
    END IF;
  ELSIF p_expected NOT IN ('any', 'stream_exists') THEN
    UPDATE event_store.streams s SET version = old_version + k, last_hash = head, updated_at = now()
      WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream AND s.version = old_version AND s.last_hash = prev;
    IF NOT FOUND THEN
      SELECT s.version INTO old_version FROM event_store.streams s WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = coalesce(old_version, 0)::text;
    END IF;
  ELSE
    UPDATE event_store.streams s SET last_hash = head WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
  END IF;

  FOR i IN 1..k LOOP
    j := parsed[i];
    INSERT INTO event_store.events (tenant_id, stream_id, stream_position, event_id, event_type, schema_version,
                                    data, metadata, prev_hash, hash)
      VALUES (p_tenant, p_stream, old_version + i, (j->>'eventId')::uuid, j->>'eventType', (j->>'schemaVersion')::int,
              j->'data', j->'metadata', prevs[i], hashes[i])
      RETURNING global_position INTO gp;
    gps := gps || gp;
  END LOOP;

  IF p_command_id IS NOT NULL THEN
    INSERT INTO event_store.command_ledger (tenant_id, command_id, command_type, payload_hash, result)
      VALUES (p_tenant, p_command_id, p_command_type, p_payload_hash,
              jsonb_build_object('body', p_result, 'streamId', p_stream, 'version', (old_version + k)::text));
  END IF;

  RETURN QUERY SELECT old_version + k, pg_current_xact_id(), gps;
END $$;

REVOKE ALL ON FUNCTION event_store.append_to_stream(text, text, text, text, json, text, text, bytea, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_to_stream(text, text, text, text, json, text, text, bytea, jsonb) TO revcycle_app;
