-- A batch of appends as one set: every item's stream rows, events and ledger entry written by one
-- statement each, without a subtransaction per item. append_batch spends most of its time in the
-- per-item subtransaction and in one plpgsql call and five statements per stream; here a batch of
-- any size costs five statements. It is all or nothing: any refusal (a version that moved, a stream
-- that exists, a reused key, a duplicate event id) raises, and the caller then sends the same batch
-- to append_batch, which finds the item at fault and commits its neighbours.
--
-- Only exact expectations take this path (0 for a new stream, otherwise the version held), and a
-- stream appears in one part of the batch at most. Events arrive in part order as one json array of
-- the canonical texts their hashes cover (json keeps each element's text as sent; same chain as
-- append_to_stream: sha256(prev || int8send(position) || text)). One array rather than text[]: the
-- client would otherwise escape every quote of every event into an array literal.
CREATE OR REPLACE FUNCTION event_store.append_set(
  p_tenant text[], p_command_id text[], p_command_type text[], p_payload_hash bytea[], p_result jsonb[],
  p_part_tenant text[], p_stream text[], p_stream_type text[], p_expected bigint[],
  p_event_part int[], p_events json)
RETURNS TABLE (event_id uuid, global_position bigint, xid xid8)
LANGUAGE plpgsql
-- The stream lookups keep index probes even in a plan cached while the streams table was nearly empty.
SET enable_seqscan = off
AS $$
DECLARE
  part_count int := coalesce(array_length(p_stream, 1), 0);
  event_count int := json_array_length(p_events);
  event json;
  e_at int := 0;
  existing int := 0;
  locked int := 0;
  fresh int := 0;
  written int;
  heads bytea[];
  tops bigint[];
  prevs bytea[] := '{}';
  hashes bytea[] := '{}';
  positions bigint[] := '{}';
  parsed jsonb[] := '{}';
  head bytea;
  at int := 0;
  pos bigint;
  r record;
  genesis constant bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
BEGIN
  IF event_count = 0 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'ES003';
  END IF;
  heads := array_fill(genesis, ARRAY[part_count]);
  tops := p_expected;
  FOR i IN 1..part_count LOOP
    IF p_expected[i] > 0 THEN existing := existing + 1; ELSE fresh := fresh + 1; END IF;
  END LOOP;

  -- Existing streams are locked in key order, so two batches touching the same streams queue
  -- instead of deadlocking, and each version is checked against the row as locked.
  IF existing > 0 THEN
    FOR r IN SELECT w.n, s.version, s.last_hash
               FROM unnest(p_part_tenant, p_stream, p_expected) WITH ORDINALITY AS w(t, st, e, n)
               JOIN event_store.streams s ON s.tenant_id = w.t AND s.stream_id = w.st
              WHERE w.e > 0
              ORDER BY s.tenant_id, s.stream_id
                FOR UPDATE OF s
    LOOP
      IF r.version <> p_expected[r.n] THEN
        RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = r.version::text;
      END IF;
      heads[r.n] := r.last_hash;
      locked := locked + 1;
    END LOOP;
    IF locked <> existing THEN
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = '0';
    END IF;
  END IF;

  FOR event IN SELECT value FROM json_array_elements(p_events) LOOP
    e_at := e_at + 1;
    IF p_event_part[e_at] <> at THEN
      at := p_event_part[e_at];
      pos := p_expected[at];
    END IF;
    pos := pos + 1;
    head := sha256(heads[at] || int8send(pos) || convert_to(event::text, 'UTF8'));
    prevs[e_at] := heads[at];
    hashes[e_at] := head;
    positions[e_at] := pos;
    parsed[e_at] := event::jsonb;
    heads[at] := head;
    tops[at] := pos;
  END LOOP;

  INSERT INTO event_store.command_ledger (tenant_id, command_id, command_type, payload_hash, result)
    SELECT l.t, l.c, l.ty, l.h, l.r
      FROM unnest(p_tenant, p_command_id, p_command_type, p_payload_hash, p_result) AS l(t, c, ty, h, r)
     WHERE l.c IS NOT NULL;

  IF fresh > 0 THEN
    INSERT INTO event_store.streams (tenant_id, stream_id, stream_type, version, last_hash)
      SELECT w.t, w.st, w.ty, w.v, w.h
        FROM unnest(p_part_tenant, p_stream, p_stream_type, p_expected, tops, heads) AS w(t, st, ty, e, v, h)
       WHERE w.e = 0
       ORDER BY w.t, w.st
      ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written <> fresh THEN
      RAISE EXCEPTION 'version conflict' USING ERRCODE = 'ES001', DETAIL = 'a new stream exists';
    END IF;
  END IF;

  IF existing > 0 THEN
    UPDATE event_store.streams s SET version = w.v, last_hash = w.h, updated_at = now()
      FROM unnest(p_part_tenant, p_stream, p_expected, tops, heads) AS w(t, st, e, v, h)
     WHERE w.e > 0 AND s.tenant_id = w.t AND s.stream_id = w.st;
  END IF;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO event_store.events AS ev (tenant_id, stream_id, stream_position, event_id, event_type, schema_version,
                                            data, metadata, prev_hash, hash)
        SELECT p_part_tenant[e.p], p_stream[e.p], e.pos, (e.j->>'eventId')::uuid, e.j->>'eventType',
               (e.j->>'schemaVersion')::int, e.j->'data', e.j->'metadata', e.prev, e.h
          FROM unnest(p_event_part, positions, parsed, prevs, hashes) AS e(p, pos, j, prev, h)
      RETURNING ev.event_id, ev.global_position)
    SELECT i.event_id, i.global_position, pg_current_xact_id() FROM inserted i;
END $$;

REVOKE ALL ON FUNCTION event_store.append_set(text[], text[], text[], bytea[], jsonb[], text[], text[], text[], bigint[], int[], json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_set(text[], text[], text[], bytea[], jsonb[], text[], text[], text[], bigint[], int[], json) TO revcycle_app;
