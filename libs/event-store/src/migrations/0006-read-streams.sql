-- Whole-stream reads (all events after a known position, for several streams at once) as a function,
-- so each backend plans the join once instead of on every read: planning cost as much as running it.
--
-- A cached plan outlives the table size it was made for: planned while the events table is nearly
-- empty (a fresh install, the first requests after a deploy), the join would keep scanning the whole
-- table as it grows until statistics are refreshed. Sequential scans are therefore off inside this
-- function: every stream is an index probe on (tenant_id, stream_id, stream_position).
CREATE OR REPLACE FUNCTION event_store.read_streams(p_tenant text[], p_stream text[], p_after bigint[])
RETURNS SETOF event_store.events
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
BEGIN
  RETURN QUERY
    SELECT e.*
      FROM unnest(p_tenant, p_stream, p_after) AS w(t, s, after)
      JOIN event_store.events e ON e.tenant_id = w.t AND e.stream_id = w.s AND e.stream_position > w.after
     ORDER BY e.tenant_id, e.stream_id, e.stream_position;
END $$;

REVOKE ALL ON FUNCTION event_store.read_streams(text[], text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.read_streams(text[], text[], bigint[]) TO revcycle_app;
