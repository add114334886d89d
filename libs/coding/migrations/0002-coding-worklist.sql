-- Read model "coding.coding-worklist" v1: one row per encounter's coding, for the coders' queue by age
-- and by finding. Rebuildable from the coding streams (house style P4).
CREATE TABLE coding.coding_worklist_v1 (
  tenant_id          text        NOT NULL,
  encounter_id       uuid        NOT NULL,
  status             text        NOT NULL,
  coding_version     integer     NOT NULL,
  date_of_service    date        NOT NULL,
  opened_at          timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  line_count         integer     NOT NULL,
  total_charge_cents bigint,
  error_rule_ids     text[]      NOT NULL,
  warning_rule_ids   text[]      NOT NULL,
  stream_position    bigint      NOT NULL,
  PRIMARY KEY (tenant_id, encounter_id)
);
CREATE INDEX coding_worklist_v1_queue ON coding.coding_worklist_v1 (tenant_id, status, opened_at);
CREATE INDEX coding_worklist_v1_errors ON coding.coding_worklist_v1 USING gin (error_rule_ids);
GRANT SELECT, INSERT, UPDATE, DELETE ON coding.coding_worklist_v1 TO revcycle_app;
