-- Several appends in one transaction and one commit: under load the API queues appends that arrive
-- while earlier ones are in flight and sends them together. An item is one command's decision: one
-- or more stream appends (parts) that stand or fall together, the last carrying the ledger entry.
-- Each item runs in its own subtransaction, so a refused item (version conflict, reused key) rolls
-- back alone and reports its SQLSTATE and the part that failed instead of failing its neighbours.
-- Callers keep batches well under 64 items, the subtransaction count a backend tracks without
-- overflowing its snapshot cache.
--
-- Arguments are flat arrays rather than one JSON document: every operator on the json type parses
-- its whole input again, which made each field access cost a parse of the entire item.
CREATE OR REPLACE FUNCTION event_store.append_batch(
  p_tenant text[], p_first_part int[], p_part_count int[],
  p_command_id text[], p_command_type text[], p_payload_hash bytea[], p_result jsonb[],
  p_stream text[], p_stream_type text[], p_expected text[], p_events json[])
RETURNS TABLE (item int, part int, next_version bigint, xid xid8, positions bigint[],
               error_code text, error_detail text, error_constraint text)
LANGUAGE plpgsql AS $$
DECLARE
  n int;
  at_part int;
  last int;
  r record;
  versions bigint[];
  xids xid8[];
  gps text[];
BEGIN
  FOR n IN 1..coalesce(array_length(p_tenant, 1), 0) LOOP
    item := n;
    last := p_first_part[n] + p_part_count[n] - 1;
    versions := '{}';
    xids := '{}';
    gps := '{}';
    at_part := p_first_part[n];
    BEGIN
      -- The loop variable exists only inside the loop; at_part tells the handler which part failed.
      FOR k IN p_first_part[n]..last LOOP
        at_part := k;
        SELECT a.next_version, a.xid, a.positions INTO r
          FROM event_store.append_to_stream(p_tenant[n], p_stream[k], p_stream_type[k], p_expected[k], p_events[k],
                                            CASE WHEN k = last THEN p_command_id[n] END, p_command_type[n],
                                            p_payload_hash[n], p_result[n]) a;
        versions := versions || r.next_version;
        xids := xids || r.xid;
        -- Each part's positions as one array literal, so parts with different event counts fit one array.
        gps := gps || r.positions::text;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS error_code = RETURNED_SQLSTATE, error_detail = PG_EXCEPTION_DETAIL,
                              error_constraint = CONSTRAINT_NAME;
      part := at_part - p_first_part[n] + 1;
      next_version := NULL;
      xid := NULL;
      positions := NULL;
      RETURN NEXT;
      CONTINUE;
    END;
    error_code := NULL;
    error_detail := NULL;
    error_constraint := NULL;
    FOR k IN 1..p_part_count[n] LOOP
      part := k;
      next_version := versions[k];
      xid := xids[k];
      positions := gps[k]::bigint[];
      RETURN NEXT;
    END LOOP;
  END LOOP;
END $$;

REVOKE ALL ON FUNCTION event_store.append_batch(text[], int[], int[], text[], text[], bytea[], jsonb[], text[], text[], text[], json[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_batch(text[], int[], int[], text[], text[], bytea[], jsonb[], text[], text[], text[], json[]) TO revcycle_app;
