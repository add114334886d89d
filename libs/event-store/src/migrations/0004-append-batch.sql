-- Several appends in one transaction and one commit: under load the API queues appends that arrive
-- while earlier ones are in flight and sends them together. An item is one command's decision: one
-- or more stream appends that stand or fall together, the last carrying the ledger entry. Each item
-- runs in its own subtransaction, so a refused item (version conflict, reused key) rolls back alone
-- and reports its SQLSTATE and the part that failed instead of failing its neighbours. Callers keep
-- batches well under 64 items, the subtransaction count a backend tracks without overflowing its
-- snapshot cache.
CREATE OR REPLACE FUNCTION event_store.append_batch(p_items json)
RETURNS TABLE (item int, part int, next_version bigint, xid xid8, positions bigint[],
               error_code text, error_detail text, error_constraint text)
LANGUAGE plpgsql AS $$
DECLARE
  it json;
  pt json;
  n int := 0;
  k int;
  parts int;
  r record;
  versions bigint[];
  xids xid8[];
  gps text[];
BEGIN
  FOR it IN SELECT value FROM json_array_elements(p_items) LOOP
    n := n + 1;
    item := n;
    parts := json_array_length(it->'parts');
    versions := '{}';
    xids := '{}';
    gps := '{}';
    k := 0;
    BEGIN
      FOR pt IN SELECT value FROM json_array_elements(it->'parts') LOOP
        k := k + 1;
        SELECT a.next_version, a.xid, a.positions INTO r
          FROM event_store.append_to_stream(it->>'tenant', pt->>'stream', pt->>'streamType', pt->>'expected', pt->'events',
                                            CASE WHEN k = parts THEN it->>'commandId' END, it->>'commandType',
                                            decode(it->>'payloadHash', 'hex'), (it->'result')::jsonb) a;
        versions := versions || r.next_version;
        xids := xids || r.xid;
        -- Positions of each part kept as text, one array literal per part.
        gps := gps || r.positions::text;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS error_code = RETURNED_SQLSTATE, error_detail = PG_EXCEPTION_DETAIL,
                              error_constraint = CONSTRAINT_NAME;
      part := k;
      next_version := NULL;
      xid := NULL;
      positions := NULL;
      RETURN NEXT;
      CONTINUE;
    END;
    error_code := NULL;
    error_detail := NULL;
    error_constraint := NULL;
    FOR k IN 1..parts LOOP
      part := k;
      next_version := versions[k];
      xid := xids[k];
      positions := gps[k]::bigint[];
      RETURN NEXT;
    END LOOP;
  END LOOP;
END $$;

REVOKE ALL ON FUNCTION event_store.append_batch(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_batch(json) TO revcycle_app;
