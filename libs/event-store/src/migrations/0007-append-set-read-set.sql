-- append_set with a read set: the streams a decision read but does not write, each with the version
-- it read. The batch is refused (ES001) when any has moved, so a command may decide on histories this
-- process already holds without reading them again: the check happens in the append's transaction.
-- The check takes no lock: a writer that commits between the check and this commit is ordered after
-- this batch, which did not see its write (were that writer to write a stream this batch writes too,
-- the stream lock and version check order them as before).
-- Events also come back with recorded_at (the default of the column: the transaction's start), so
-- the caller can hold the history it just wrote exactly as a read would return it.
DROP FUNCTION event_store.append_set(text[], text[], text[], bytea[], jsonb[], text[], text[], text[], bigint[], int[], json);

CREATE OR REPLACE FUNCTION event_store.append_set(
  p_tenant text[], p_command_id text[], p_command_type text[], p_payload_hash bytea[], p_result jsonb[],
  p_part_tenant text[], p_stream text[], p_stream_type text[], p_expected bigint[],
  p_event_part int[], p_events json,
  p_read_tenant text[], p_read_stream text[], p_read_version bigint[])
RETURNS TABLE (event_id uuid, global_position bigint, xid xid8, recorded_at timestamptz)
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
  moved record;
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

  -- Streams a decision read without writing them: refused if any moved since (absent reads as 0).
  IF coalesce(array_length(p_read_stream, 1), 0) > 0 THEN
    SELECT w.st, coalesce(s.version, 0) AS version INTO moved
      FROM unnest(p_read_tenant, p_read_stream, p_read_version) AS w(t, st, v)
      LEFT JOIN event_store.streams s ON s.tenant_id = w.t AND s.stream_id = w.st
     WHERE coalesce(s.version, 0) <> w.v
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'read stream % moved', moved.st USING ERRCODE = 'ES001', DETAIL = moved.version::text;
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
      SELECT s.version INTO moved
        FROM unnest(p_part_tenant, p_stream, p_expected) AS w(t, st, e)
        JOIN event_store.streams s ON s.tenant_id = w.t AND s.stream_id = w.st
       WHERE w.e = 0
       LIMIT 1;
      RAISE EXCEPTION 'version conflict: a new stream exists' USING ERRCODE = 'ES001', DETAIL = coalesce(moved.version, 0)::text;
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
    SELECT i.event_id, i.global_position, pg_current_xact_id(), now() FROM inserted i;
END $$;

REVOKE ALL ON FUNCTION event_store.append_set(text[], text[], text[], bytea[], jsonb[], text[], text[], text[], bigint[], int[], json, text[], text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_set(text[], text[], text[], bytea[], jsonb[], text[], text[], text[], bigint[], int[], json, text[], text[], bigint[]) TO revcycle_app;
