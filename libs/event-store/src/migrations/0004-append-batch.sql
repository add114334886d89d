-- Several appends in one transaction and one commit: under load the API queues appends that arrive
-- while earlier ones are in flight and sends them together. Each item runs the ordinary append in
-- its own subtransaction, so a refused item (version conflict, reused key) rolls back alone and
-- reports its SQLSTATE instead of failing its neighbours. Callers keep batches well under 64 items,
-- the subtransaction count a backend can track without overflowing its snapshot cache.
CREATE OR REPLACE FUNCTION event_store.append_batch(p_items json)
RETURNS TABLE (item int, next_version bigint, xid xid8, positions bigint[],
               error_code text, error_detail text, error_constraint text)
LANGUAGE plpgsql AS $$
DECLARE
  it json;
  n int := 0;
  r record;
BEGIN
  FOR it IN SELECT value FROM json_array_elements(p_items) LOOP
    n := n + 1;
    item := n;
    BEGIN
      SELECT a.next_version, a.xid, a.positions INTO r
        FROM event_store.append_to_stream(it->>'tenant', it->>'stream', it->>'streamType', it->>'expected', it->'events',
                                          it->>'commandId', it->>'commandType', decode(it->>'payloadHash', 'hex'),
                                          (it->'result')::jsonb) a;
      next_version := r.next_version;
      xid := r.xid;
      positions := r.positions;
      error_code := NULL;
      error_detail := NULL;
      error_constraint := NULL;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS error_code = RETURNED_SQLSTATE, error_detail = PG_EXCEPTION_DETAIL,
                              error_constraint = CONSTRAINT_NAME;
      next_version := NULL;
      xid := NULL;
      positions := NULL;
    END;
    RETURN NEXT;
  END LOOP;
END $$;

REVOKE ALL ON FUNCTION event_store.append_batch(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_batch(json) TO revcycle_app;
