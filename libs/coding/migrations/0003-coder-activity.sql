-- Read model "coding.coder-activity" v1: one row per coder action (a line change or an approval), so a
-- replayed event lands on the same key and counts once.
CREATE TABLE coding.coder_activity_v1 (
  tenant_id    text        NOT NULL,
  event_id     uuid        NOT NULL,
  actor_id     text        NOT NULL,
  encounter_id uuid        NOT NULL,
  activity     text        NOT NULL CHECK (activity IN ('line_changed', 'approved', 'approved_with_override')),
  field        text,
  occurred_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX coder_activity_v1_by_actor ON coding.coder_activity_v1 (tenant_id, actor_id, occurred_at);
GRANT SELECT, INSERT, DELETE ON coding.coder_activity_v1 TO revcycle_app;
